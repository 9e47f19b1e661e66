import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { EVERYDAY_UNSEEN_FACTOR, MIN_COVERAGE, MIN_SCORE, STRONG_MATCH, rankCandidates, shouldAnswer, type Candidate } from '../../../src/core/search/ranking.js';
import { buildIndex } from '../../../src/core/search/index-store.js';
import { askingSentence } from '../../../src/core/search/knowledge-base.js';
import { sharedKnowledgeBase } from './shared.js';

const candidate = (score: number, coverage: number): Candidate => ({ item: { id: 'p:x', kind: 'passage', ref: 'x' }, itemIndex: 0, score, coverage, subjectCoverage: coverage, exactHits: 0, covers: -1, fullCovers: -1, askedCovers: -1, askedCoverage: coverage });

describe('whether to answer: coverage against strength of the match', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });
  it('answers with a strong match that covers less of the question, never with a weak one', () => {
    const q = kb.analyze('アクセストークンの有効期間を短くしたら困ることある？');
    const partial = (STRONG_MATCH.minCoverage + MIN_COVERAGE) / 2;
    assert.equal(shouldAnswer(q, [candidate(STRONG_MATCH.minScore + 1, partial)]), true, 'strong match, partial coverage');
    assert.equal(shouldAnswer(q, [candidate(MIN_SCORE + 1, partial)]), false, 'ordinary match, partial coverage');
    assert.equal(shouldAnswer(q, [candidate(1000, STRONG_MATCH.minCoverage - 0.05)]), false, 'too little of the question covered');
    assert.equal(shouldAnswer(q, [candidate(MIN_SCORE + 1, MIN_COVERAGE)]), true, 'enough covered');
  });

  it('answers a question told with the asker\'s own situation around it', () => {
    const r = kb.ask('is there a downside to making the access token lifetime really short? worried about latency');
    assert.equal(r.answered, true);
    assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.docId === 'token-lifetimes')), JSON.stringify(r.answers.map((a) => a.id)));
  });

  it('counts an everyday word at a quarter in the decision to answer, unless the glossary lists it', () => {
    const index = buildIndex('test', kb.passages, kb.documents, kb.curated, kb.analyzer);
    const ctx = { foldedText: () => '', authority: () => 'microsoft-docs' as const };
    // "send" is everyday English the corpus has: a text matching it and not "flow" is less about the question, one matching "flow" alone more.
    const q = kb.analyze('flow sends');
    assert.deepEqual(q.concepts.map((c) => [c.label, !!c.general]), [['flow', false], ['sends', true]]);
    const ranked = rankCandidates(q, index, ctx);
    const only = (bits: number) => ranked.filter((c) => c.covers === bits);
    assert.ok(only(0b10).length > 0 && only(0b01).length > 0);
    for (const c of only(0b10)) assert.ok(c.subjectCoverage < c.coverage, `${c.item.ref}: ${c.subjectCoverage} < ${c.coverage}`);
    for (const c of only(0b01)) assert.ok(c.subjectCoverage > c.coverage, `${c.item.ref}: ${c.subjectCoverage} > ${c.coverage}`);
    // 無効 is an everyday word to the tokenizer and the corpus' subject to the glossary: it counts in full.
    const ja = kb.analyze('フローが無効になった');
    assert.ok(ja.concepts.some((c) => c.label === '無効' && c.general && c.glossed), JSON.stringify(ja.concepts));
    const all = rankCandidates(ja, index, ctx).filter((c) => c.coverage === 1);
    assert.ok(all.length > 0);
    for (const c of all) assert.equal(c.subjectCoverage, 1, c.item.ref);
    assert.ok(EVERYDAY_UNSEEN_FACTOR < 1);
  });

  it('answers a long message by the sentence that asks, when the whole message leads to the same answer', () => {
    assert.equal(askingSentence('we switched provider. is the token tied to the IP?'), 'is the token tied to the IP?');
    assert.equal(askingSentence('is the token tied to the IP?'), undefined, 'one sentence is the question itself');
    assert.equal(askingSentence('we switched provider. flows broke.'), undefined, 'no sentence asks');
    const r = kb.ask('our whole team switched to a new internet provider with new IP addresses, and a lot of flows went invalid that week. is the refresh token tied to the IP?');
    assert.equal(r.answered, true);
    assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.docId === 'invalid-connection')), JSON.stringify(r.answers.map((a) => a.id)));
    // The asking sentence names nothing of its own: the message stays out of scope.
    assert.equal(kb.ask('the power apps gallery shows only some of the rows and warns about delegation. fix?').answered, false);
  });
});
