import assert from 'node:assert/strict';
import { englishDurations } from '../../../src/core/analysis/english.js';
import { durationMinutes, durationTerm, kanjiNumber, nearDurations } from '../../../src/core/analysis/filters.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { analyzerWith, sharedKnowledgeBase } from '../search/shared.js';

/** Durations however they are written, and durations near the ones the documents state. */
describe('durations', function () {
  this.timeout(120000);
  const minutes = (s: string) => englishDurations(s).map((d) => d.minutes);

  it('reads only the words for a duration as durations, not names every object has (toString, constructor)', async () => {
    const a = await analyzerWith();
    for (const w of ['toString', 'constructor', 'hasOwnProperty']) assert.ok(a.terms(w).every((t) => typeof t === 'string'), w);
  });

  it('reads English numbers written in words, compounds and hyphenated forms', () => {
    assert.deepEqual(minutes('after thirty-six hours'), [36 * 60]);
    assert.deepEqual(minutes('roughly twenty four hours'), [1440]);
    assert.deepEqual(minutes('within half an hour'), [30]);
    assert.deepEqual(minutes('a 60-day grace period'), [60 * 1440]);
    assert.deepEqual(minutes('a three-week project'), [21 * 1440]);
    assert.deepEqual(minutes('sixteen minutes or a whole week'), [16, 10080]);
    assert.deepEqual(minutes('a few of them, several times'), []);
  });

  it('reads quarters and years, with a number or as the period something runs at', () => {
    assert.deepEqual(minutes('two quarters later'), [2 * 90 * 1440]);
    assert.deepEqual(minutes('the policy is a year old'), [365 * 1440]);
    assert.deepEqual(minutes('our report flow runs quarterly'), [90 * 1440]);
    assert.deepEqual(minutes('it only fires at the end of each quarter'), [90 * 1440]);
    assert.deepEqual(minutes('the year-end batch'), [365 * 1440]);
    assert.deepEqual(minutes('we renew the licence annually'), [365 * 1440]);
    // One phrase, one duration.
    assert.deepEqual(minutes('once every year'), [365 * 1440]);
    // A quarter of something is a share of it.
    assert.deepEqual(minutes('a quarter of the users'), []);
  });

  it('reads what recurs every day, week or month as that period', () => {
    assert.deepEqual(minutes('the connections die every month now'), [30 * 1440]);
    assert.deepEqual(minutes('people get asked to sign in weekly'), [7 * 1440]);
    assert.deepEqual(minutes('it prompts me every day'), [1440]);
    assert.deepEqual(minutes('a monthly report flow'), [30 * 1440]);
    assert.deepEqual(minutes('each fortnight the token is gone'), [14 * 1440]);
    assert.deepEqual(minutes('daily standup'), [1440]);
  });

  it('a term stands for its minutes and back', () => {
    for (const m of [10, 90, 60 * 28, 1440, 1440 * 90]) assert.equal(durationMinutes(durationTerm(m)!), m);
    assert.equal(durationMinutes('p1'), undefined, 'the P1 licence is no duration');
  });

  it('finds the stated durations near one asked for, nearest first', () => {
    const stated = ['pt10m', 'pt1h', 'pt28h', 'p1d', 'p14d', 'p90d'];
    assert.deepEqual(nearDurations(36 * 60, stated), ['pt28h', 'p1d']);
    assert.deepEqual(nearDurations(120 * 1440, stated), ['p90d']);
    assert.deepEqual(nearDurations(7 * 60, stated), [], 'seven hours is far from an hour and from a day');
    assert.deepEqual(nearDurations(1440, stated), ['pt28h'], 'the duration itself is not near itself');
    assert.deepEqual(nearDurations(30 * 1440, stated), [], 'a month is neither two weeks nor three months');
  });

  it('reads Japanese numbers written in kanji before a unit', async () => {
    const a = await analyzerWith();
    assert.ok(a.terms('二週間おきに').includes('p14d'));
    assert.ok(a.terms('三か月使っていない').includes('p90d'));
    assert.ok(a.terms('九十日以上').includes('p90d'));
    assert.ok(a.terms('二十四時間後').includes('p1d'));
    assert.ok(!a.terms('これで十分です').includes('pt10m'), '十分 is "enough"');
    assert.deepEqual(['二', '十四', '九十', '百二十', '二二'].map(kanjiNumber), [2, 14, 90, 120, undefined]);
  });

  it('a day of a month is a date, not a duration', async () => {
    const a = await analyzerWith();
    assert.ok(!a.terms('2022 年 4 月 15 日以降').includes('p15d'));
    assert.ok(a.terms('15 日以内に').includes('p15d'));
  });

  describe('in the bundled knowledge', () => {
    let kb: KnowledgeBase;
    before(async () => {
      kb = await sharedKnowledgeBase();
    });
    const cites = (q: string, phrase: string) => kb.ask(q).answers.slice(0, 3).some((a) => a.citations.some((c) => c.passage.includes(phrase)));

    it('a duration above the stated maximum reaches the passage with the maximum', () => {
      assert.ok(cites('Can a token stay valid for 36 hours?', '最大: 1 日'));
      assert.ok(cites('Can I make tokens good for two days?', '最大: 1 日'));
    });

    it('a stated period past a threshold reaches the passage with the threshold', () => {
      assert.ok(cites('Will a connection nobody has touched for 110 days still work?', '90 日'));
    });
  });
});
