/**
 * Ranking: BM25 per query term with the best synonym per concept (dismax), plus the
 * bigram field, scaled by how much of the question a candidate covers; exact-key hits
 * first; Microsoft sources preferred over community ones. Also decides whether to
 * answer at all.
 *
 * BM25 is minisearch's (formula, parameters, field boosts, multi-term scoring), which
 * this ranking was tuned with, computed over the index's typed-array postings with
 * per-item arrays instead of minisearch's result objects: the same arithmetic in the
 * same order, so the same scores and the same order of equal scores.
 */
import type { Authority } from '../../content/types.js';
import { containsKey } from './exact-lookup.js';
import type { IndexedItem, SearchIndex } from './index-store.js';
import { PARTIAL_WEIGHT, type AnalyzedQuery, type Concept } from './query.js';

/** Field boosts: curated phrasings matter most, then headings, then body text. */
export const FIELD_BOOSTS = { terms: 1, section: 1.5, title: 0.3, questions: 2.5, parts: 0.4 };
/** Fields searched for each query term, in the order their scores are added up. */
const TERM_FIELDS = ['terms', 'section', 'title', 'questions', 'parts'] as const;
/** Fields whose matches count as covering a concept of the question (not the recall-only ones). */
const COVERING_FIELDS = new Set<string>(['terms', 'section', 'title', 'questions']);
/** The bigram field only adds recall when tokenization disagrees. */
export const BIGRAM_WEIGHT = 0.35;
/** Share of the other alternatives' scores added to a concept's best one (Lucene's dismax tie breaker). */
export const DISMAX_TIE = 0.2;
/** Per exact key contained: larger than any text score, so those candidates come first. */
export const EXACT_BONUS = 1000;
/** Community articles rank below Microsoft sources with a similar text score. */
export const AUTHORITY_FACTOR: Record<Authority, number> = {
  'microsoft-docs': 1,
  'microsoft-support': 1,
  community: 0.85,
};
/**
 * Minimum share of the question (idf-weighted concepts) the best candidate must
 * cover. Below it the question is about something the corpus does not discuss.
 */
export const MIN_COVERAGE = 0.42;
/**
 * Coordination factor: BM25 rewards repeating one common query word; a candidate
 * that covers more of the question's concepts must win over it.
 */
export const COORD = (coverage: number): number => Math.pow(0.1 + coverage, 3);

export interface Candidate {
  item: IndexedItem;
  /** Position of the item in index.items. */
  itemIndex: number;
  score: number;
  /** Share of the question's concepts (idf-weighted) this candidate matches. */
  coverage: number;
  exactHits: number;
}

export interface RankContext {
  /** Folded text of the item at a position of index.items, for exact lookup (see foldForLookup). */
  foldedText(itemIndex: number): string;
  authority(itemIndex: number): Authority;
}

/** Inverse document frequency; unseen terms get the highest value. */
export function idf(index: SearchIndex, term: string): number {
  const n = index.items.length;
  const df = index.df.get(term) ?? 0;
  return Math.log(1 + (n + 1) / (df + 0.5));
}

/** Weight of a concept for coverage: its most specific known term, or the unseen-word weight. */
export function conceptWeight(index: SearchIndex, c: Concept): number {
  const heads = c.terms.filter((t) => !c.partial.has(t));
  return Math.max(...(heads.length ? heads : c.terms).map((t) => idf(index, t)));
}

/** True when some term of the concept occurs anywhere in the index. */
export function inVocabulary(index: SearchIndex, c: Concept): boolean {
  return c.terms.some((t) => index.df.has(t));
}

/** minisearch's BM25+ parameters (its defaults). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** minisearch's calcBM25Score, operation for operation. */
function bm25(termFreq: number, matchingCount: number, totalCount: number, fieldLength: number, avgFieldLength: number): number {
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength)));
}

/** One term's matches: item positions, BM25 score summed over fields, and whether a covering field matched (1). */
interface TermHits {
  n: number;
  items: Int32Array;
  scores: Float64Array;
  covering: Uint8Array;
}

/** Room for the hits of a query's terms, reused by the next query: a common term has thousands at 100×. */
class HitPool {
  items = new Int32Array(1024);
  scores = new Float64Array(1024);
  covering = new Uint8Array(1024);
  used = 0;

  /** Views for up to `size` hits, after those already handed out in this query. */
  take(size: number): TermHits {
    if (this.used + size > this.items.length) {
      // Grown, not copied: views already handed out keep the old arrays.
      const cap = Math.max(2 * this.items.length, size);
      this.items = new Int32Array(cap);
      this.scores = new Float64Array(cap);
      this.covering = new Uint8Array(cap);
      this.used = 0;
    }
    const at = this.used;
    this.used += size;
    this.covering.fill(0, at, at + size);
    return { n: 0, items: this.items.subarray(at, at + size), scores: this.scores.subarray(at, at + size), covering: this.covering.subarray(at, at + size) };
  }
}

/**
 * Searches one term: for every item with the term, the sum over the term fields (in
 * order) of boost × BM25, listed in the order minisearch met the items (field by field,
 * items ascending). `acc` and `slot` are zeroed scratch arrays, zeroed again on return.
 */
function searchTerm(index: SearchIndex, term: string, acc: Float64Array, slot: Int32Array, pool = new HitPool()): TermHits {
  const total = index.items.length;
  let bound = 0;
  for (const f of TERM_FIELDS) {
    const x = index.fields[f];
    const row = x.rows.get(term);
    if (row !== undefined) bound += x.offsets[row + 1] - x.offsets[row];
  }
  const { items, scores, covering } = pool.take(bound);
  let n = 0;
  for (const f of TERM_FIELDS) {
    const x = index.fields[f];
    const row = x.rows.get(term);
    if (row === undefined) continue;
    const from = x.offsets[row];
    const to = x.offsets[row + 1];
    const boost = FIELD_BOOSTS[f];
    const covers = COVERING_FIELDS.has(f);
    for (let p = from; p < to; p++) {
      const i = x.items[p];
      if (!slot[i]) {
        items[n] = i;
        slot[i] = ++n;
      }
      acc[i] += boost * bm25(x.tfs[p], to - from, total, x.lengths[i], x.avgLength);
      if (covers) covering[slot[i] - 1] = 1;
    }
  }
  for (let k = 0; k < n; k++) {
    const i = items[k];
    scores[k] = acc[i];
    acc[i] = 0;
    slot[i] = 0;
  }
  return { n, items: items.subarray(0, n), scores: scores.subarray(0, n), covering: covering.subarray(0, n) };
}

/**
 * minisearch's OR query over the bigram field: per item the sum of its matched bigrams'
 * BM25 scores, times the number of bigrams matched. Items in the order met.
 */
function searchBigrams(index: SearchIndex, bigrams: readonly string[], acc: Float64Array, matched: Int32Array, pool = new HitPool()): TermHits {
  const total = index.items.length;
  const x = index.fields.bigrams;
  const { items, scores } = pool.take(total);
  let n = 0;
  for (const bg of bigrams) {
    const row = x.rows.get(bg);
    if (row === undefined) continue;
    const from = x.offsets[row];
    const to = x.offsets[row + 1];
    for (let p = from; p < to; p++) {
      const i = x.items[p];
      if (!matched[i]) items[n++] = i;
      acc[i] += bm25(x.tfs[p], to - from, total, x.lengths[i], x.avgLength);
      matched[i]++;
    }
  }
  for (let k = 0; k < n; k++) {
    const i = items[k];
    scores[k] = acc[i] * matched[i];
    acc[i] = matched[i] = 0;
  }
  return { n, items: items.subarray(0, n), scores: scores.subarray(0, n), covering: new Uint8Array(0) };
}

/** One term's search score per item position (minisearch's search(term, { fields, boost })), for tests and tools. */
export function termScores(index: SearchIndex, term: string): Map<number, number> {
  const n = index.items.length;
  const h = searchTerm(index, term, new Float64Array(n), new Int32Array(n));
  return new Map([...h.items].map((i, k) => [i, h.scores[k]]));
}

/** The bigram query's score per item position (minisearch's OR search over the bigram field), for tests and tools. */
export function bigramScores(index: SearchIndex, bigrams: readonly string[]): Map<number, number> {
  const n = index.items.length;
  const b = searchBigrams(index, bigrams, new Float64Array(n), new Int32Array(n));
  return new Map([...b.items].map((i, k) => [i, b.scores[k]]));
}

/**
 * Per-item work arrays of one index, reused by every query: allocating a dozen of them
 * per query cost more than the scoring at 1×. All zero between queries.
 */
interface Scratch {
  score: Float64Array;
  acc: Float64Array;
  best: Float64Array;
  sum: Float64Array;
  got: Float64Array;
  final: Float64Array;
  stepScore: Float64Array;
  /** 1 + the step that first met the item, 0 when not met. */
  step: Int32Array;
  seq: Int32Array;
  slot: Int32Array;
  matched: Int32Array;
  /** Item lists: candidates in the order met, items touched by one group or concept. */
  order: Int32Array;
  touched: Int32Array;
  flag: Uint8Array;
  hits: HitPool;
}
const scratchOf = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let s = scratchOf.get(index);
  if (!s) {
    const n = index.items.length;
    const f = () => new Float64Array(n);
    const i = () => new Int32Array(n);
    s = { score: f(), acc: f(), best: f(), sum: f(), got: f(), final: f(), stepScore: f(), step: i(), seq: i(), slot: i(), matched: i(), order: i(), touched: i(), flag: new Uint8Array(n), hits: new HitPool() };
    scratchOf.set(index, s);
  }
  return s;
}

/** Ranks every item matching the question, best first. */
export function rankCandidates(q: AnalyzedQuery, index: SearchIndex, ctx: RankContext): Candidate[] {
  const scratch = scratchFor(index);
  try {
    return rank(q, index, ctx, scratch);
  } catch (e) {
    scratchOf.delete(index); // possibly not zeroed
    throw e;
  }
}

function rank(q: AnalyzedQuery, index: SearchIndex, ctx: RankContext, z: Scratch): Candidate[] {
  const n = index.items.length;
  const terms = [...q.weights.keys()];
  const { score, step, stepScore, seq, best, sum, flag, got, final, order, touched } = z;
  // Candidates in the order first met, and what orders equal final scores as the minisearch
  // version did: the step that met them first (each term, then bigrams, then exact keys), their
  // score in that step (each search's results came sorted by score), then the order met.
  let met = 0;
  const meet = (i: number, st: number, s: number): void => {
    if (step[i]) return;
    step[i] = st + 1;
    stepScore[i] = s;
    seq[i] = met;
    order[met++] = i;
  };

  // One search per term, then per concept only its best alternative counts (like Lucene's
  // DisjunctionMaxQuery over synonyms): a passage must not win by repeating three synonyms of one word.
  const perTerm = new Map<string, TermHits>();
  z.hits.used = 0;
  terms.forEach((term, st) => {
    const h = searchTerm(index, term, z.acc, z.slot, z.hits);
    for (let k = 0; k < h.n; k++) meet(h.items[k], st, h.scores[k]);
    const w = q.weights.get(term) ?? 1;
    for (let k = 0; k < h.n; k++) h.scores[k] *= w;
    perTerm.set(term, h);
  });
  const groups: string[][] = q.concepts.map((c) => c.terms);
  const grouped = new Set(groups.flat());
  for (const t of terms) if (!grouped.has(t)) groups.push([t]);
  for (const group of groups) {
    let m = 0;
    for (const t of group) {
      const h = perTerm.get(t);
      if (!h) continue;
      for (let k = 0; k < h.n; k++) {
        const i = h.items[k];
        if (!flag[i]) (flag[i] = 1), (touched[m++] = i);
        best[i] = Math.max(best[i], h.scores[k]);
        sum[i] += h.scores[k];
      }
    }
    for (let k = 0; k < m; k++) {
      const i = touched[k];
      score[i] += best[i] + DISMAX_TIE * (sum[i] - best[i]);
      best[i] = sum[i] = flag[i] = 0;
    }
  }
  if (q.bigrams.length) {
    const b = searchBigrams(index, q.bigrams, z.acc, z.matched, z.hits);
    for (let k = 0; k < b.n; k++) {
      meet(b.items[k], terms.length, b.scores[k]);
      score[b.items[k]] += BIGRAM_WEIGHT * b.scores[k];
    }
  }
  // Items that contain an exact key are candidates even when nothing else matched.
  const exactOf = new Map<number, string[]>();
  if (q.exact.length) {
    for (let i = 0; i < n; i++) {
      const folded = ctx.foldedText(i);
      let hits: string[] | undefined;
      for (const k of q.exact) if (containsKey(folded, k)) (hits ??= []).push(k);
      if (hits) {
        exactOf.set(i, hits);
        meet(i, terms.length + 1, 0);
      }
    }
  }

  // Coverage: per concept its full weight where a head term matched a covering field (or the
  // item contains an exact key of the concept), a partial share where only a part matched.
  const weights = q.concepts.map((c) => conceptWeight(index, c));
  let total = 0;
  for (const w of weights) total += w;
  const mark = flag; // 2 full, 1 partial
  q.concepts.forEach((c, ci) => {
    let m = 0;
    for (const t of c.terms) {
      const h = perTerm.get(t);
      if (!h) continue;
      const level = c.partial.has(t) ? 1 : 2;
      for (let k = 0; k < h.n; k++) {
        if (!h.covering[k]) continue;
        const i = h.items[k];
        if (!mark[i]) touched[m++] = i;
        if (level > mark[i]) mark[i] = level;
      }
    }
    for (const [i, keys] of exactOf) {
      if (!keys.some((k) => c.terms.includes(k))) continue;
      if (!mark[i]) touched[m++] = i;
      mark[i] = 2;
    }
    for (let k = 0; k < m; k++) {
      const i = touched[k];
      got[i] += mark[i] === 2 ? weights[ci] : weights[ci] * PARTIAL_WEIGHT;
      mark[i] = 0;
    }
  });

  const ranked = order.subarray(0, met);
  for (const i of ranked) {
    const hits = exactOf.size ? (exactOf.get(i)?.length ?? 0) : 0;
    final[i] = score[i] * COORD(total ? got[i] / total : 0) * AUTHORITY_FACTOR[ctx.authority(i)] + EXACT_BONUS * hits;
  }
  ranked.sort((a, b) => final[b] - final[a] || step[a] - step[b] || stepScore[b] - stepScore[a] || seq[a] - seq[b]);
  const out: Candidate[] = new Array(met);
  for (let k = 0; k < met; k++) {
    const i = ranked[k];
    out[k] = { item: index.items[i], itemIndex: i, score: final[i], coverage: total ? got[i] / total : 0, exactHits: exactOf.get(i)?.length ?? 0 };
  }
  for (const i of ranked) score[i] = got[i] = final[i] = stepScore[i] = step[i] = seq[i] = 0;
  return out;
}

/** Whether the best candidates cover enough of the question to answer it. */
export function shouldAnswer(q: AnalyzedQuery, ranked: readonly Candidate[]): boolean {
  if (!q.concepts.length && !q.exact.length) return false;
  if (ranked.some((c) => c.exactHits > 0)) return true;
  return ranked.slice(0, 5).some((c) => c.coverage >= MIN_COVERAGE);
}
