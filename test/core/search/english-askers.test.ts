/**
 * English as people type it in chat: everyday phrasings of a concept reach the passages
 * that name it in the documents' Japanese terms (through the glossary), and the reply is English.
 */
import assert from 'node:assert/strict';
import { englishDurations } from '../../../src/core/analysis/english.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import type { AskResult } from '../../../src/core/search/types.js';
import { sharedKnowledgeBase } from './shared.js';

const firstCites = (r: AskResult, phrase: string) => !!r.answers[0]?.citations.some((c) => c.passage.includes(phrase));
const ids = (r: AskResult) => JSON.stringify(r.answers.slice(0, 3).map((a) => a.id));

describe('English askers', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  /** The Japanese terms the English question's concepts stand for. */
  const japaneseTerms = (question: string): string[] => {
    const q = kb.analyze(question);
    return q.concepts.flatMap((c) => c.terms).filter((t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t));
  };

  it('what the asker sets aside ("instead of", "rather than") is no concept of the question', () => {
    const labels = (question: string) => kb.analyze(question).concepts.map((c) => c.label.toLowerCase());
    const q = labels('could we script the policies with the Graph API rather than PowerShell cmdlets?');
    assert.ok(q.some((l) => l.includes('graph')), q.join(','));
    assert.ok(!q.some((l) => l.includes('powershell') || l.includes('cmdlet')), q.join(','));
    assert.ok(labels('is PowerShell the way to script the policies?').some((l) => l.includes('powershell')));
    // The set-aside phrase ends at a conjunction or a preposition: what follows is asked about again.
    assert.ok(labels('use Graph instead of the portal for conditional access').includes('conditional access'));
  });

  it('unlinking a policy from an app reads as the cmdlet that removes it from the application', () => {
    assert.ok(japaneseTerms('how can I unlink the policy from that one app?').includes('削除'));
    const r = kb.ask('how can I unassign a lifetime policy from a single application and keep the policy?');
    assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.passage.includes('Remove-MgApplicationTokenLifetimePolicyByRef'))), ids(r));
  });

  it('enabling, turning on and rolling out a setting all read as making it 有効', () => {
    for (const q of ['we turned on MFA for everyone last week', 'IT is rolling out a stricter CA policy', 'after enabling conditional access']) {
      assert.ok(japaneseTerms(q).includes('有効'), q);
    }
  });

  it('chat words for habits, retired settings, requests, precedence, conditions, the mechanism, the office network, what a token carries and the Office web apps map to the documents\' terms', () => {
    const cases: [string, string][] = [
      ['what should become a habit for our makers?', '習慣'],
      ['do you check them periodically?', '定期的'],
      ['which settings were retired?', '廃止'],
      ['the app requested an extra scope', '要求'],
      ['if two policies apply, which wins?', '優先順位'],
      ['users of OWA get asked to sign in again', 'office365webアプリ'],
      ['the refresh token is dead', '切れる'],
      ['what needs to happen before a token is revoked?', '条件'],
      ['how does revocation work under the hood', '仕組み'],
      ['the policy only allows access from the office network', '企業ネットワーク'],
      ['what does the token carry about my sign-in?', '含む'],
      ['which info is kept with the connection', '情報'],
      ['does the new policy mess with our flows?', '影響'],
      ['which apps are affected?', '影響'],
    ];
    for (const [q, term] of cases) assert.ok(japaneseTerms(q).map((t) => t.toLowerCase()).includes(term), `${q}: ${japaneseTerms(q).join(',')}`);
  });

  it('"what happens" asks for a consequence and is no concept of the question', () => {
    const labels = kb.analyze('what happens to our flows if the admin resets my password?').concepts.map((c) => c.label.toLowerCase());
    assert.ok(!labels.some((l) => l.includes('happen')), labels.join(','));
    assert.ok(labels.some((l) => l.includes('password')), labels.join(','));
  });

  it('chat words for a downside, a dying connection or lasting long map to the documents\' terms', () => {
    assert.ok(japaneseTerms('any drawbacks if we do that?').includes('トレードオフ'));
    assert.ok(japaneseTerms('the connection just died overnight').includes('切れる'));
    assert.ok(japaneseTerms('does it stay connected for ages?').includes('維持'));
    assert.ok(japaneseTerms('what is the lower limit here').includes('最小'));
    // Writing something is not its format: "how do I write a flow" asks how to build one.
    assert.ok(japaneseTerms('which notation do the values use?').includes('形式'));
    assert.ok(!japaneseTerms('how do I write a flow that posts to a Teams channel?').includes('形式'));
  });

  it('asking for the downside of a setting reaches the passage about its trade-off', () => {
    const r = kb.ask("what's the main drawback of cutting the access token lifetime?");
    assert.equal(r.lang, 'en');
    assert.ok(firstCites(r, 'トレードオフ'), ids(r));
  });

  it('asking how values are written reaches the passage on their format', () => {
    const r = kb.ask('which time notation does the lifetime policy expect for its values?');
    assert.ok(firstCites(r, 'D.HH:MM:SS'), ids(r));
    assert.match(r.answers[0].text, /^[A-Z]/);
  });

  it('a value written in TimeSpan form is a duration', () => {
    const minutes = (t: string) => englishDurations(t).map((d) => d.minutes);
    assert.deepEqual(minutes('we set it to 14.00:00:00 last year'), [14 * 1440]);
    assert.deepEqual(minutes('is 01:30:00 enough?'), [90]);
    assert.deepEqual(minutes('version 1.2.3 at 10:30'), []);
  });

  it('asking how to write a value in the policy reaches the passage on the TimeSpan format', () => {
    const r = kb.ask('how should i write three hours in the policy? 03:00:00?');
    assert.equal(r.answered, true);
    assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.passage.includes('D.HH:MM:SS'))), ids(r));
  });

  it('an English sentence quoting a Japanese label reads its English words through the glossary', () => {
    const terms = japaneseTerms('after pressing 再接続 the refresh token still shows as expired');
    assert.ok(terms.includes('再接続'), terms.join(','));
    assert.ok(terms.includes('更新トークン') && terms.includes('有効期限'), terms.join(','));
  });

  it('"valid for" a duration asks about a lifetime and reaches the setting\'s allowed range', () => {
    assert.ok(japaneseTerms('tokens that stay valid for an hour').includes('有効期間'));
    const r = kb.ask('is it possible for access tokens to be valid for just eight minutes?');
    assert.ok(firstCites(r, '最小: 10 分'), ids(r));
  });

  it('"how long does X last" asks for the lifetime of X, not for a text that happens to say "last"', () => {
    const labels = (question: string) => kb.analyze(question).concepts.map((c) => c.label.toLowerCase());
    assert.ok(!labels('how long do access tokens last?').includes('last'), labels('how long do access tokens last?').join(','));
    // Not the adjective: "last week" is when it happened.
    assert.ok(labels('it broke last week, how long until it works again?').includes('last'));
    const r = kb.ask('how long do access tokens last?');
    assert.ok(firstCites(r, '60 分から 90 分'), ids(r));
  });

  it('"nobody uses it" reads as a connection left unused', () => {
    assert.ok(japaneseTerms('what if no one used the connection for months?').includes('使用されていない'));
    // The answer's own source states it, not one it only cites beside the lifetime settings.
    const r = kb.ask('how long will my connection last if nobody uses it?');
    assert.ok(r.answers[0]?.citations[0]?.passage.includes('90 日以上'), ids(r));
  });
});
