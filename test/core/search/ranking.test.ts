import assert from 'node:assert/strict';
import { japaneseBigrams } from '../../../src/core/analysis/analyzer.js';
import { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import { buildIndex, type SearchIndex } from '../../../src/core/search/index-store.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { analyzeQuery } from '../../../src/core/search/query.js';
import { rankCandidates, searchBigrams, type RankContext } from '../../../src/core/search/ranking.js';
import { TermCache } from '../../../src/core/search/term-search.js';
import { devQuestions } from '../../bench/questions.js';
import { sharedKnowledgeBase } from './shared.js';

/** The scores ranking derives from single-term searches, held to minisearch's own queries, and the cut to the best candidates. */
describe('ranking', function () {
  this.timeout(120000);
  const questions = ['更新トークンが失効した', '条件付きアクセスで接続が無効になる', 'パスワードをリセットした', 'フロー'];
  let kb: KnowledgeBase;
  let index: SearchIndex;

  before(async () => {
    kb = await sharedKnowledgeBase();
    index = buildIndex('test', kb.passages, kb.documents, kb.curated, kb.analyzer);
  });

  it('scores the bigrams as minisearch’s OR query of them', () => {
    for (const q of questions) {
      const bigrams = [...new Set(japaneseBigrams(q))];
      const expected = index.miniSearch.search({ combineWith: 'OR', queries: bigrams }, { fields: ['bigrams'] });
      const actual = searchBigrams(index, bigrams, new TermCache());
      assert.deepEqual(new Set(actual.items), new Set(expected.map((r) => r.id)), q);
      for (const r of expected) assert.equal(actual.scores[r.id], r.score, q);
    }
  });

  it('ranks the best `top` as the head of the full ranking, with ties and the curated answers that match', () => {
    const expander = new GlossaryExpander(kb.glossary, kb.analyzer);
    const ctx: RankContext = { foldedText: () => '', authority: () => 'microsoft-docs' };
    for (const { q } of devQuestions()) {
      const aq = analyzeQuery(q, kb.analyzer, expander);
      const full = rankCandidates(aq, index, ctx);
      const top = rankCandidates(aq, index, ctx, 5);
      const head = full.slice(0, 5);
      const cut = head.at(-1)?.score ?? 0;
      const kept = full.filter((c, k) => k < 5 || c.score === cut || (c.item.kind === 'curated' && c.coverage > 0));
      assert.deepEqual(top, kept, q);
    }
  });
});
