/**
 * minisearch's BM25 for one analyzed term (or one character bigram) over the whole
 * index, as flat arrays: the unit ranking combines. Results come from minisearch or,
 * for a term searched recently, from the search cache.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';

/** Field boosts: curated phrasings matter most, then headings, then body text. */
export const FIELD_BOOSTS = { terms: 1, section: 1.5, title: 0.3, questions: 2.5, parts: 0.4 };
/** Fields whose matches count as covering a concept of the question (not the recall-only ones). */
export const COVERING_FIELDS: ReadonlySet<string> = new Set(['terms', 'section', 'title', 'questions']);
/** The fields every term is searched in (all but the bigrams). */
export const TERM_FIELDS = [...COVERING_FIELDS, 'parts'];

const TERM_SEARCH: SearchOptions = { fields: TERM_FIELDS, boost: FIELD_BOOSTS };
const BIGRAM_SEARCH: SearchOptions = { fields: ['bigrams'] };

/** One term's search results, best first: item positions, scores, whether a covering field matched. */
export interface TermHits {
  items: Int32Array;
  scores: Float64Array;
  /** 1 where the term is in a covering field (always 0 for bigrams). */
  covering: Uint8Array;
  /** Items with the term in a covering field: its document frequency for coverage weights. */
  df: number;
}

/** What a search needs: the minisearch index. */
export interface TermSource {
  miniSearch: MiniSearch;
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
  return cache.get(termKey(term), () => searchTermNow(source.miniSearch, term));
}

/** minisearch's BM25 of one bigram in the bigram field, per item. */
export function searchBigram(source: TermSource, bigram: string, cache = new TermCache(0)): TermHits {
  return cache.get(bigramKey(bigram), () => searchBigramNow(source.miniSearch, bigram));
}
