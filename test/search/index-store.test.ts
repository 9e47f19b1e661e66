import assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import { japaneseBigrams } from '../../src/core/analysis/analyzer.js';
import { buildIndex, INDEX_FIELDS, indexRecords, type SearchIndex } from '../../src/core/search/index-store.js';
import { bigramScores, FIELD_BOOSTS, termScores } from '../../src/core/search/ranking.js';
import type { KnowledgeBase } from '../../src/core/search/knowledge-base.js';
import { sharedKnowledgeBase } from './shared.js';

/**
 * The index keeps its own postings instead of a minisearch instance, with minisearch's
 * BM25 (the ranking was tuned with it). These tests hold it to minisearch, built over
 * the same analyzed fields of the bundled knowledge.
 */
describe('search index and BM25', function () {
  this.timeout(120000);
  const split = (s: string) => s.split(' ').filter(Boolean);
  let kb: KnowledgeBase;
  let index: SearchIndex;
  let ms: MiniSearch;

  before(async () => {
    kb = await sharedKnowledgeBase();
    index = buildIndex('test', kb.passages, kb.documents, kb.curated, kb.analyzer);
    ms = new MiniSearch({ fields: [...INDEX_FIELDS], idField: 'id', tokenize: split, processTerm: (t) => t, searchOptions: { tokenize: split, processTerm: (t) => t } });
    ms.addAll(indexRecords(kb.passages, kb.documents, kb.curated, kb.analyzer).map((r, i) => ({ id: i, ...r })));
  });

  it('holds minisearch’s postings, field lengths and average field lengths', () => {
    const json = ms.toJSON() as unknown as {
      fieldIds: Record<string, number>;
      fieldLength: Record<string, number[]>;
      averageFieldLength: number[];
      index: [string, Record<string, Record<string, number>>][];
    };
    for (const f of INDEX_FIELDS) {
      const id = json.fieldIds[f];
      const x = index.fields[f];
      assert.equal(x.avgLength, json.averageFieldLength[id], `${f}: average length`);
      index.items.forEach((_, i) => assert.equal(x.lengths[i], json.fieldLength[i][id], `${f}: length of item ${i}`));
      const expected = json.index.filter(([, data]) => data[id]).map(([term, data]) => [term, Object.entries(data[id]).map(([doc, tf]) => [Number(doc), tf])]);
      const actual = [...x.rows].map(([term, r]) => [term, [...x.items.subarray(x.offsets[r], x.offsets[r + 1])].map((doc, k) => [doc, x.tfs[x.offsets[r] + k]])]);
      assert.deepEqual(new Map(actual as never), new Map(expected as never), `${f}: postings`);
    }
  });

  it('scores every term and the bigram query exactly as minisearch’s search does', () => {
    const fields = ['terms', 'section', 'title', 'questions', 'parts'];
    const terms = new Set(INDEX_FIELDS.filter((f) => f !== 'bigrams').flatMap((f) => [...index.fields[f].rows.keys()]));
    for (const term of terms) {
      const expected = new Map(ms.search(term, { fields, boost: FIELD_BOOSTS }).map((r) => [r.id as number, r.score]));
      assert.deepEqual(termScores(index, term), expected, term);
    }
    for (const q of ['更新トークンが失効した', '条件付きアクセスで接続が無効になる', 'パスワードをリセットした', 'フロー']) {
      const bigrams = [...new Set(japaneseBigrams(q))];
      const expected = new Map(ms.search(bigrams.join(' '), { fields: ['bigrams'], combineWith: 'OR' }).map((r) => [r.id as number, r.score]));
      assert.deepEqual(bigramScores(index, bigrams), expected, q);
    }
  });
});
