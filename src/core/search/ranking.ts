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

/** One term's matches: item positions, BM25 score summed over fields, and whether a covering field matched. */
interface TermHits {
  items: number[];
  scores: number[];
  covering: boolean[];
}

/**
 * Searches one term: for every item with the term, the sum over the term fields (in
 * order) of boost × BM25, listed in the order minisearch met the items (field by field,
 * items ascending). `acc` and `slot` are zeroed scratch arrays, zeroed again on return.
 */
function searchTerm(index: SearchIndex, term: string, acc: Float64Array, slot: Int32Array): TermHits {
  const n = index.items.length;
  const items: number[] = [];
  const covering: boolean[] = [];
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
        items.push(i);
        covering.push(false);
        slot[i] = items.length;
      }
      acc[i] += boost * bm25(x.tfs[p], to - from, n, x.lengths[i], x.avgLength);
      if (covers) covering[slot[i] - 1] = true;
    }
  }
  const scores = items.map((i) => acc[i]);
  for (const i of items) (acc[i] = 0), (slot[i] = 0);
  return { items, scores, covering };
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
  stepScore: Float64Array;
  /** 1 + the step that first met the item, 0 when not met. */
  step: Int32Array;
  seq: Int32Array;
  slot: Int32Array;
  matched: Int32Array;
  flag: Uint8Array;
}
const scratchOf = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let s = scratchOf.get(index);
  if (!s) {
    const n = index.items.length;
    const f = () => new Float64Array(n);
    const i = () => new Int32Array(n);
    s = { score: f(), acc: f(), best: f(), sum: f(), got: f(), stepScore: f(), step: i(), seq: i(), slot: i(), matched: i(), flag: new Uint8Array(n) };
    scratchOf.set(index, s);
  }
  return s;
}

/**
 * minisearch's OR query over the bigram field: per item the sum of its matched bigrams'
 * BM25 scores, times the number of bigrams matched. Items in the order met.
 */
function searchBigrams(index: SearchIndex, bigrams: readonly string[], acc: Float64Array, matched: Int32Array): { items: number[]; scores: number[] } {
  const n = index.items.length;
  const x = index.fields.bigrams;
  const items: number[] = [];
  for (const bg of bigrams) {
    const row = x.rows.get(bg);
    if (row === undefined) continue;
    const from = x.offsets[row];
    const to = x.offsets[row + 1];
    for (let p = from; p < to; p++) {
      const i = x.items[p];
      if (!matched[i]) items.push(i);
      acc[i] += bm25(x.tfs[p], to - from, n, x.lengths[i], x.avgLength);
      matched[i]++;
    }
  }
  const scores = items.map((i) => acc[i] * matched[i]);
  for (const i of items) (acc[i] = 0), (matched[i] = 0);
  return { items, scores };
}

/** One term's search score per item position (minisearch's search(term, { fields, boost })), for tests and tools. */
export function termScores(index: SearchIndex, term: string): Map<number, number> {
  const n = index.items.length;
  const h = searchTerm(index, term, new Float64Array(n), new Int32Array(n));
  return new Map(h.items.map((i, k) => [i, h.scores[k]]));
}

/** The bigram query's score per item position (minisearch's OR search over the bigram field), for tests and tools. */
export function bigramScores(index: SearchIndex, bigrams: readonly string[]): Map<number, number> {
  const n = index.items.length;
  const b = searchBigrams(index, bigrams, new Float64Array(n), new Int32Array(n));
  return new Map(b.items.map((i, k) => [i, b.scores[k]]));
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
  const { score, step, stepScore, seq } = z;
  // Candidates in the order first met, and what orders equal final scores as the minisearch
  // version did: the step that met them first (each term, then bigrams, then exact keys), their
  // score in that step (each search's results came sorted by score), then the order met.
  const order: number[] = [];
  const meet = (i: number, st: number, s: number): void => {
    if (step[i]) return;
    step[i] = st + 1;
    stepScore[i] = s;
    seq[i] = order.length;
    order.push(i);
  };

  // One search per term, then per concept only its best alternative counts (like Lucene's
  // DisjunctionMaxQuery over synonyms): a passage must not win by repeating three synonyms of one word.
  const perTerm = new Map<string, TermHits>();
  terms.forEach((term, st) => {
    const hits = searchTerm(index, term, z.acc, z.slot);
    hits.items.forEach((i, k) => meet(i, st, hits.scores[k]));
    const w = q.weights.get(term) ?? 1;
    perTerm.set(term, { ...hits, scores: hits.scores.map((s) => s * w) });
  });
  const groups: string[][] = q.concepts.map((c) => c.terms);
  const grouped = new Set(groups.flat());
  for (const t of terms) if (!grouped.has(t)) groups.push([t]);
  const { best, sum, flag } = z;
  for (const group of groups) {
    const touched: number[] = [];
    for (const t of group) {
      const h = perTerm.get(t);
      if (!h) continue;
      h.items.forEach((i, k) => {
        if (!flag[i]) (flag[i] = 1), touched.push(i);
        best[i] = Math.max(best[i], h.scores[k]);
        sum[i] += h.scores[k];
      });
    }
    for (const i of touched) {
      score[i] += best[i] + DISMAX_TIE * (sum[i] - best[i]);
      best[i] = sum[i] = flag[i] = 0;
    }
  }
  if (q.bigrams.length) {
    const b = searchBigrams(index, q.bigrams, z.acc, z.matched);
    b.items.forEach((i, k) => {
      meet(i, terms.length, b.scores[k]);
      score[i] += BIGRAM_WEIGHT * b.scores[k];
    });
  }
  // Items that contain an exact key are candidates even when nothing else matched.
  const exactOf = new Map<number, string[]>();
  if (q.exact.length) {
    for (let i = 0; i < n; i++) {
      const folded = ctx.foldedText(i);
      const hits = q.exact.filter((k) => containsKey(folded, k));
      if (hits.length) {
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
  const { got } = z;
  const mark = flag; // 2 full, 1 partial
  q.concepts.forEach((c, ci) => {
    const touched: number[] = [];
    const set = (i: number, m: number): void => {
      if (!mark[i]) touched.push(i);
      if (m > mark[i]) mark[i] = m;
    };
    for (const t of c.terms) {
      const h = perTerm.get(t);
      h?.items.forEach((i, k) => h.covering[k] && set(i, c.partial.has(t) ? 1 : 2));
    }
    for (const [i, keys] of exactOf) if (keys.some((k) => c.terms.includes(k))) set(i, 2);
    for (const i of touched) {
      got[i] += mark[i] === 2 ? weights[ci] : weights[ci] * PARTIAL_WEIGHT;
      mark[i] = 0;
    }
  });

  const out: Candidate[] = order.map((i) => {
    const hits = exactOf.size ? (exactOf.get(i)?.length ?? 0) : 0;
    const cov = total ? got[i] / total : 0;
    const s = score[i] * COORD(cov) * AUTHORITY_FACTOR[ctx.authority(i)] + EXACT_BONUS * hits;
    return { item: index.items[i], itemIndex: i, score: s, coverage: cov, exactHits: hits };
  });
  out.sort(
    (a, b) =>
      b.score - a.score ||
      step[a.itemIndex] - step[b.itemIndex] ||
      stepScore[b.itemIndex] - stepScore[a.itemIndex] ||
      seq[a.itemIndex] - seq[b.itemIndex],
  );
  for (const i of order) score[i] = got[i] = stepScore[i] = step[i] = seq[i] = 0;
  return out;
}

/** Whether the best candidates cover enough of the question to answer it. */
export function shouldAnswer(q: AnalyzedQuery, ranked: readonly Candidate[]): boolean {
  if (!q.concepts.length && !q.exact.length) return false;
  if (ranked.some((c) => c.exactHits > 0)) return true;
  return ranked.slice(0, 5).some((c) => c.coverage >= MIN_COVERAGE);
}
