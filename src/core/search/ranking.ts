/**
 * Ranking: BM25 (minisearch) per query term with the best synonym per concept (dismax),
 * plus the bigram field, scaled by how much of the question a candidate covers; exact-key
 * hits first; Microsoft sources preferred over community ones. Also decides whether to
 * answer at all.
 */
import type { Authority } from '../../content/types.js';
import { containsKey } from './exact-lookup.js';
import type { IndexedItem, SearchIndex } from './index-store.js';
import { PARTIAL_WEIGHT, type AnalyzedQuery, type Concept } from './query.js';

/** Field boosts: curated phrasings matter most, then headings, then body text. */
export const FIELD_BOOSTS = { terms: 1, section: 1.5, title: 0.3, questions: 2.5, parts: 0.4 };
/** Fields whose matches count as covering a concept of the question (not the recall-only ones). */
const COVERING_FIELDS = new Set(['terms', 'section', 'title', 'questions']);
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
  score: number;
  /** Share of the question's concepts (idf-weighted) this candidate matches. */
  coverage: number;
  exactHits: number;
  /** Query terms that matched. */
  matched: Set<string>;
}

export interface RankContext {
  /** Folded text of an item for exact lookup (see foldForLookup). */
  foldedText(item: IndexedItem): string;
  authority(item: IndexedItem): Authority;
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

function coverage(index: SearchIndex, q: AnalyzedQuery, matched: Set<string>, exactHits: string[]): number {
  let total = 0;
  let got = 0;
  for (const c of q.concepts) {
    const w = conceptWeight(index, c);
    total += w;
    if (c.terms.some((t) => matched.has(t) && !c.partial.has(t)) || exactHits.some((k) => c.terms.includes(k))) got += w;
    else if (c.terms.some((t) => matched.has(t))) got += w * PARTIAL_WEIGHT;
  }
  return total ? got / total : 0;
}

/** Ranks every item matching the question, best first. */
export function rankCandidates(q: AnalyzedQuery, index: SearchIndex, ctx: RankContext): Candidate[] {
  const terms = [...q.weights.keys()];
  const byId = new Map(index.items.map((i) => [i.id, i]));
  const scores = new Map<string, { score: number; matched: Set<string> }>();
  const add = (id: string, score: number, matched: string[]): void => {
    const s = scores.get(id) ?? { score: 0, matched: new Set<string>() };
    s.score += score;
    for (const m of matched) s.matched.add(m);
    scores.set(id, s);
  };
  // One search per term, then per concept only its best alternative counts (like Lucene's
  // DisjunctionMaxQuery over synonyms): a passage must not win by repeating three synonyms of one word.
  const perTerm = new Map<string, Map<string, number>>();
  for (const term of terms) {
    const hits = new Map<string, number>();
    for (const r of index.miniSearch.search(term, { fields: ['terms', 'section', 'title', 'questions', 'parts'], boost: FIELD_BOOSTS })) {
      const id = String(r.id);
      hits.set(id, r.score * (q.weights.get(term) ?? 1));
      add(id, 0, (r.match[term] ?? []).some((f) => COVERING_FIELDS.has(f)) ? [term] : []);
    }
    perTerm.set(term, hits);
  }
  const groups: string[][] = q.concepts.map((c) => c.terms);
  const grouped = new Set(groups.flat());
  for (const t of terms) if (!grouped.has(t)) groups.push([t]);
  for (const group of groups) {
    const best = new Map<string, number>();
    const sum = new Map<string, number>();
    for (const t of group) {
      for (const [id, s] of perTerm.get(t) ?? []) {
        best.set(id, Math.max(best.get(id) ?? 0, s));
        sum.set(id, (sum.get(id) ?? 0) + s);
      }
    }
    for (const [id, s] of best) add(id, s + DISMAX_TIE * ((sum.get(id) ?? s) - s), []);
  }
  if (q.bigrams.length) {
    for (const r of index.miniSearch.search(q.bigrams.join(' '), { fields: ['bigrams'], combineWith: 'OR' })) {
      add(String(r.id), BIGRAM_WEIGHT * r.score, []);
    }
  }
  // Items that contain an exact key are candidates even when nothing else matched.
  if (q.exact.length) for (const item of index.items) if (q.exact.some((k) => containsKey(ctx.foldedText(item), k))) add(item.id, 0, []);

  const out: Candidate[] = [];
  for (const [id, s] of scores) {
    const item = byId.get(id);
    if (!item) continue;
    const hits = q.exact.filter((k) => containsKey(ctx.foldedText(item), k));
    const cov = coverage(index, q, s.matched, hits);
    const score = s.score * COORD(cov) * AUTHORITY_FACTOR[ctx.authority(item)] + EXACT_BONUS * hits.length;
    out.push({ item, score, coverage: cov, exactHits: hits.length, matched: s.matched });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Whether the best candidates cover enough of the question to answer it. */
export function shouldAnswer(q: AnalyzedQuery, ranked: readonly Candidate[]): boolean {
  if (!q.concepts.length && !q.exact.length) return false;
  if (ranked.some((c) => c.exactHits > 0)) return true;
  return ranked.slice(0, 5).some((c) => c.coverage >= MIN_COVERAGE);
}
