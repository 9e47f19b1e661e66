import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { japaneseBigrams } from '../../src/core/analysis/analyzer.js';
import { buildIndex, indexRecords, loadIndex, saveIndex, type SearchIndex } from '../../src/core/search/index-store.js';
import { KnowledgeBase } from '../../src/core/search/knowledge-base.js';
import { GlossaryExpander } from '../../src/core/search/glossary-expansion.js';
import { analyzeQuery } from '../../src/core/search/query.js';
import { rankCandidates, searchBigrams, type RankContext } from '../../src/core/search/ranking.js';
import { searchBigram, searchTerm, TermCache, type TermHits } from '../../src/core/search/term-search.js';
import { devQuestions } from '../bench/questions.js';
import { sharedKnowledgeBase } from './shared.js';

/**
 * The index is a minisearch index over analyzed fields, searched one term at a time with
 * the results cached between questions. These tests hold the saved index, the cache and
 * the numbers ranking derives from minisearch's results to minisearch itself.
 */
describe('search index over minisearch', function () {
  this.timeout(120000);
  const split = (s: string) => s.split(' ').filter(Boolean);
  const questions = ['更新トークンが失効した', '条件付きアクセスで接続が無効になる', 'パスワードをリセットした', 'フロー'];
  let kb: KnowledgeBase;
  let index: SearchIndex;

  before(async () => {
    kb = await sharedKnowledgeBase();
    index = buildIndex('test', kb.passages, kb.documents, kb.curated, kb.analyzer);
  });

  /** Saves `saved` in a temporary folder and hands the file to `check`. */
  function withSavedIndex(saved: SearchIndex, check: (file: string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), 'index-store-'));
    try {
      saveIndex(saved, join(dir, 'index.json'));
      check(join(dir, 'index.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('saves the index and loads it back with the same search results and quote sentences', () => {
    withSavedIndex(index, (file) => {
      const loaded = loadIndex(file, 'test');
      assert.ok(loaded);
      assert.equal(loadIndex(file, 'other hash'), undefined, 'a stale index is not loaded');
      assert.deepEqual(loaded.items, index.items);
      assert.deepEqual(loaded.quotes, index.quotes);
      assert.equal(loaded.miniSearch.documentCount, index.items.length);
      for (const term of ['接続', 'トークン', 'aadsts70008', 'maxinactivetime', '更新トークン']) {
        assert.deepEqual(searchTerm(loaded, term), searchTerm(index, term), term);
      }
    });
  });

  it('counts a term’s document frequency (for coverage weights) as the items with it in a covering field', () => {
    const df = new Map<string, number>();
    for (const r of indexRecords(kb.passages, kb.documents, kb.curated, kb.analyzer)) {
      for (const t of new Set(split(`${r.terms} ${r.section} ${r.title} ${r.questions}`))) df.set(t, (df.get(t) ?? 0) + 1);
    }
    for (const [term, n] of df) assert.equal(searchTerm(index, term).df, n, term);
    assert.equal(searchTerm(index, 'ズィーブラフォックス').df, 0);
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

  it('keeps single-term results up to its bound, least recently used out first', () => {
    const cache = new TermCache(2 * TermCache.ENTRY_COST + 300);
    let searches = 0;
    const search = (n: number) => (): TermHits => {
      searches++;
      return { items: new Int32Array(n), scores: new Float64Array(n), covering: new Uint8Array(n), df: 0 };
    };
    const a = cache.get('a', search(100));
    assert.equal(cache.get('a', search(100)), a);
    cache.get('b', search(100));
    cache.get('a', search(100)); // a is now the most recently used
    cache.get('c', search(150)); // over the bound: b goes
    assert.equal(searches, 3);
    cache.get('a', search(100));
    assert.equal(searches, 3, 'a kept');
    cache.get('b', search(100));
    assert.equal(searches, 4, 'b searched again');
    cache.get('unknown', search(0));
    cache.get('unknown', search(0));
    assert.equal(searches, 6, 'no hits: not kept');
    const none = new TermCache(0);
    none.get('a', search(1));
    none.get('a', search(1));
    assert.equal(searches, 8, 'a zero bound keeps nothing');
  });

  it('returns cached results equal to a fresh minisearch search', () => {
    const cache = new TermCache();
    for (const q of questions) {
      for (const t of kb.analyzer.terms(q)) {
        searchTerm(index, t, cache);
        assert.deepEqual(searchTerm(index, t, cache), searchTerm(index, t), t);
      }
      for (const b of japaneseBigrams(q)) assert.deepEqual(searchBigram(index, b, cache), searchBigram(index, b), b);
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

  it('answers the same with and without the cache', async () => {
    const uncached = await KnowledgeBase.open({ searchCacheHits: 0 });
    for (const { q } of devQuestions()) {
      for (const lang of ['ja', 'en'] as const) assert.deepEqual(kb.ask(q, { lang }), uncached.ask(q, { lang }), q);
    }
  });
});
