import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { MIN_COVERAGE, MIN_SCORE, STRONG_MATCH, shouldAnswer, type Candidate } from '../../../src/core/search/ranking.js';
import { sharedKnowledgeBase } from './shared.js';

const candidate = (score: number, coverage: number): Candidate => ({ item: { id: 'p:x', kind: 'passage', ref: 'x' }, itemIndex: 0, score, coverage, exactHits: 0, covers: -1, fullCovers: -1 });

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
});
