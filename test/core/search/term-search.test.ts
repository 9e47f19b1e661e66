import assert from 'node:assert/strict';
import { japaneseBigrams } from '../../../src/core/analysis/analyzer.js';
import { buildIndex, indexRecords, type SearchIndex } from '../../../src/core/search/index-store.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { searchBigram, searchTerm, TermCache, type TermHits } from '../../../src/core/search/term-search.js';
import { sharedKnowledgeBase } from './shared.js';

/**
 * Single-term searches: minisearch's results as flat arrays, and the search cache that keeps
 * them between questions within its bound.
 */
describe('term search', function () {
  this.timeout(120000);
  const split = (s: string) => s.split(' ').filter(Boolean);
  const questions = ['更新トークンが失効した', '条件付きアクセスで接続が無効になる', 'パスワードをリセットした', 'フロー'];
  let kb: KnowledgeBase;
  let index: SearchIndex;

  before(async () => {
    kb = await sharedKnowledgeBase();
    index = buildIndex('test', kb.passages, kb.documents, kb.curated, kb.analyzer);
  });

  it('counts a term’s document frequency (for coverage weights) as the items with it in a covering field', () => {
    const df = new Map<string, number>();
    for (const r of indexRecords(kb.passages, kb.documents, kb.curated, kb.analyzer)) {
      for (const t of new Set(split(`${r.terms} ${r.section} ${r.title} ${r.questions}`))) df.set(t, (df.get(t) ?? 0) + 1);
    }
    for (const [term, n] of df) assert.equal(searchTerm(index, term).df, n, term);
    assert.equal(searchTerm(index, 'ズィーブラフォックス').df, 0);
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
    cache.get('huge', search(1000));
    cache.get('huge', search(1000));
    assert.equal(searches, 8, 'larger than the whole bound: not kept');
    assert.ok(cache.size <= cache.maxHits);
    const none = new TermCache(0);
    none.get('a', search(1));
    none.get('a', search(1));
    assert.equal(searches, 10, 'a zero bound keeps nothing');
  });

  it('stays within its bound over every term and bigram of the corpus', () => {
    const cache = new TermCache(5000);
    const seen = new Set<string>();
    for (const r of indexRecords(kb.passages, kb.documents, kb.curated, kb.analyzer)) {
      for (const t of split(r.terms)) if (!seen.has(`t${t}`)) seen.add(`t${t}`), searchTerm(index, t, cache);
      for (const b of split(r.bigrams)) if (!seen.has(`b${b}`)) seen.add(`b${b}`), searchBigram(index, b, cache);
      assert.ok(cache.size <= cache.maxHits, `${cache.size} hits kept`);
    }
    assert.ok(seen.size > 1000 && cache.size > 0.8 * cache.maxHits, 'the corpus fills the cache');
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
});
