/**
 * minisearch's BM25 for one analyzed term (or one character bigram) over the whole
 * index, as flat arrays: the unit ranking combines. Three sources, same numbers:
 * the hits of frequent terms, computed when the index is built and saved with it;
 * an LRU of recent searches; minisearch itself.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';
import type { IndexRecord } from './index-store.js';

/** Field boosts: curated phrasings matter most, then headings, then body text. */
export const FIELD_BOOSTS = { terms: 1, section: 1.5, title: 0.3, questions: 2.5, parts: 0.4 };
/** Fields whose matches count as covering a concept of the question (not the recall-only ones). */
export const COVERING_FIELDS: ReadonlySet<string> = new Set(['terms', 'section', 'title', 'questions']);
/** The fields every term is searched in (all but the bigrams). */
export const TERM_FIELDS = [...COVERING_FIELDS, 'parts'];

const TERM_SEARCH: SearchOptions = { fields: TERM_FIELDS, boost: FIELD_BOOSTS };
const BIGRAM_SEARCH: SearchOptions = { fields: ['bigrams'] };

/**
 * Items a term must occur in for its hits to be saved with the index. A search costs
 * about a microsecond per hit (minisearch builds, sorts and returns an object per
 * item); below this a search is a fraction of a millisecond, above it the common
 * words of a large corpus (接続, トークン …) cost tens of milliseconds per question.
 */
export const FREQUENT_MIN_ITEMS = 200;

/** One term's search results, best first: item positions, scores, whether a covering field matched. */
export interface TermHits {
  items: Int32Array;
  scores: Float64Array;
  /** 1 where the term is in a covering field (always 0 for bigrams). */
  covering: Uint8Array;
  /** Items with the term in a covering field: its document frequency for coverage weights. */
  df: number;
}

/** Saved hits of the frequent terms and bigrams, keyed like the cache ("t" + term, "b" + bigram). */
export type FrequentHits = ReadonlyMap<string, TermHits>;

/** What a search needs: the minisearch index and the frequent hits saved with it. */
export interface TermSource {
  miniSearch: MiniSearch;
  frequent: FrequentHits;
}

function hitsOf(results: readonly SearchResult[], term: string, covering: boolean): TermHits {
  const n = results.length;
  const hits: TermHits = { items: new Int32Array(n), scores: new Float64Array(n), covering: new Uint8Array(n), df: 0 };
  results.forEach((r, k) => {
    hits.items[k] = r.id as number;
    hits.scores[k] = r.score;
    if (covering && r.match[term].some((f) => COVERING_FIELDS.has(f))) (hits.covering[k] = 1), hits.df++;
  });
  return hits;
}

const termKey = (term: string): string => `t${term}`;
const bigramKey = (bigram: string): string => `b${bigram}`;
const searchTermNow = (ms: MiniSearch, term: string): TermHits => hitsOf(ms.search(term, TERM_SEARCH), term, true);
const searchBigramNow = (ms: MiniSearch, bigram: string): TermHits => hitsOf(ms.search(bigram, BIGRAM_SEARCH), bigram, false);

/**
 * minisearch's results for single terms, kept for the next questions: terms of middling
 * frequency come up again and again. Least recently used out first; bounded by the hits
 * kept (13 bytes each), an entry counting as ENTRY_COST more (its objects).
 */
export class TermCache {
  static readonly ENTRY_COST = 32;
  private readonly entries = new Map<string, TermHits>();
  private size = 0;

  constructor(readonly maxHits = 2_000_000) {}

  get(key: string, search: () => TermHits): TermHits {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const h = search();
    // No hits is cheap to find again, and unknown words must not fill the cache.
    if (!h.items.length || cost(h) > this.maxHits) return h;
    this.entries.set(key, h);
    this.size += cost(h);
    for (const [k, old] of this.entries) {
      if (this.size <= this.maxHits) break;
      this.entries.delete(k);
      this.size -= cost(old);
    }
    return h;
  }
}
const cost = (h: TermHits): number => h.items.length + TermCache.ENTRY_COST;

/** minisearch's BM25 of one term over the term fields (field boosts applied), per item. */
export function searchTerm(source: TermSource, term: string, cache = new TermCache(0)): TermHits {
  const key = termKey(term);
  return source.frequent.get(key) ?? cache.get(key, () => searchTermNow(source.miniSearch, term));
}

/** minisearch's BM25 of one bigram in the bigram field, per item. */
export function searchBigram(source: TermSource, bigram: string, cache = new TermCache(0)): TermHits {
  const key = bigramKey(bigram);
  return source.frequent.get(key) ?? cache.get(key, () => searchBigramNow(source.miniSearch, bigram));
}

/** Items each value of a field list occurs in (values are space-separated analyzed terms). */
function itemCounts(records: readonly IndexRecord[], fields: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) {
    const seen = new Set<string>();
    for (const f of fields) for (const t of String(r[f as keyof IndexRecord]).split(' ')) if (t) seen.add(t);
    for (const t of seen) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** The hits of every term and bigram found in at least FREQUENT_MIN_ITEMS items, for saving with the index. */
export function frequentHits(ms: MiniSearch, records: readonly IndexRecord[], minItems = FREQUENT_MIN_ITEMS): Map<string, TermHits> {
  const out = new Map<string, TermHits>();
  for (const [t, n] of itemCounts(records, TERM_FIELDS)) if (n >= minItems) out.set(termKey(t), searchTermNow(ms, t));
  for (const [b, n] of itemCounts(records, ['bigrams'])) if (n >= minItems) out.set(bigramKey(b), searchBigramNow(ms, b));
  return out;
}
