/**
 * minisearch's BM25 for one analyzed term (or one character bigram) over the whole
 * index, as flat arrays: the unit ranking combines. Results come from minisearch or,
 * for a term searched recently, from the search cache.
 */
import { LRUCache } from 'lru-cache';
import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';

/** Field boosts: curated phrasings matter most, then headings, then body text. */
export const FIELD_BOOSTS = { terms: 1, section: 1.5, title: 0.3, questions: 2.5, parts: 0.4 };
/** Fields whose matches count as covering a concept of the question (not the recall-only ones). */
const COVERING_FIELDS: ReadonlySet<string> = new Set(['terms', 'section', 'title', 'questions']);
/** Flag of TermHits.covering: the term is in a curated answer's questions. */
export const ASKED = 2;
/** The fields every term is searched in (all but the bigrams). */
const TERM_FIELDS = [...COVERING_FIELDS, 'parts'];

const TERM_SEARCH: SearchOptions = { fields: TERM_FIELDS, boost: FIELD_BOOSTS };
const BIGRAM_SEARCH: SearchOptions = { fields: ['bigrams'] };

/** One term's search results, best first: item positions, scores, whether a covering field matched. */
export interface TermHits {
  items: Int32Array;
  scores: Float64Array;
  /**
   * Nonzero where the term is in a covering field (always 0 for bigrams): ASKED set when one of
   * them is a curated answer's questions, what the answer was written to answer.
   */
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
    if (covering && r.match[term].some((f) => COVERING_FIELDS.has(f))) (hits.covering[k] = r.match[term].includes('questions') ? 1 | ASKED : 1), hits.df++;
  });
  return hits;
}

const termKey = (term: string): string => `t${term}`;
const bigramKey = (bigram: string): string => `b${bigram}`;
const searchTermNow = (ms: MiniSearch, term: string): TermHits => hitsOf(ms.search(term, TERM_SEARCH), term, true);
const searchBigramNow = (ms: MiniSearch, bigram: string): TermHits => hitsOf(ms.search(bigram, BIGRAM_SEARCH), bigram, false);

/**
 * minisearch's results for single terms, kept for the next questions: the common terms and
 * bigrams of a corpus (接続, トークン …) come up in most questions and match most items, and
 * searching them is most of an ask on a large corpus. Least recently used out first; bounded
 * by the hits kept (13 bytes each), an entry counting ENTRY_COST more (its objects).
 */
export class TermCache {
  static readonly ENTRY_COST = 32;
  private readonly lru: LRUCache<string, TermHits> | undefined;

  /** `maxHits` 0 keeps nothing (every term is searched). */
  constructor(readonly maxHits = 2_000_000) {
    this.lru = maxHits > 0 ? new LRUCache({ maxSize: maxHits, sizeCalculation: (h) => h.items.length + TermCache.ENTRY_COST }) : undefined;
  }

  get(key: string, search: () => TermHits): TermHits {
    const cached = this.lru?.get(key);
    if (cached) return cached;
    const h = search();
    // No hits is cheap to find again, and unknown words must not fill the cache. An entry larger
    // than the whole bound is not kept (lru-cache's maxEntrySize defaults to maxSize).
    if (h.items.length) this.lru?.set(key, h);
    return h;
  }

  /** Hits kept, entry costs included: never more than maxHits. */
  get size(): number {
    return this.lru?.calculatedSize ?? 0;
  }
}

/** minisearch's BM25 of one term over the term fields (field boosts applied), per item. */
export function searchTerm(source: TermSource, term: string, cache = new TermCache(0)): TermHits {
  return cache.get(termKey(term), () => searchTermNow(source.miniSearch, term));
}

/** minisearch's BM25 of one bigram in the bigram field, per item. */
export function searchBigram(source: TermSource, bigram: string, cache = new TermCache(0)): TermHits {
  return cache.get(bigramKey(bigram), () => searchBigramNow(source.miniSearch, bigram));
}
