/**
 * Ranking: BM25 (minisearch) per query term with the best synonym per concept (dismax),
 * plus the bigram field, scaled by how much of the question a candidate covers; exact-key
 * hits first; Microsoft sources preferred over community ones. Also decides whether to
 * answer at all.
 */
import type { Authority } from '../../content/types.js';
import { durationMinutes } from '../analysis/filters.js';
import { containsKey, foldForLookup } from './exact-lookup.js';
import type { IndexedItem, SearchIndex } from './index-store.js';
import { PARTIAL_WEIGHT, type AnalyzedQuery, type Concept, type QuestionForm } from './query.js';
import { ASKED, searchBigram, searchTerm, type TermCache, type TermHits } from './term-search.js';

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
/**
 * Least final score of an answer without an exact key: a candidate that covers enough
 * of the question only through one or two weak matches (a word seen once in a long
 * passage) is about something else that shares a word (Teams, flow, SharePoint).
 */
export const MIN_SCORE = 10;
/**
 * A strong match that covers less of the question still answers it: a long message tells the
 * asker's situation in words the corpus never uses (their flow's purpose, how it felt), and
 * those weigh down coverage while the text about the question's subject matches it well.
 * Near-domain questions match weakly (one shared word), far below this score.
 */
export const STRONG_MATCH = { minCoverage: 0.33, minScore: 12 } as const;

/**
 * A question for a duration ("how long", どのくらい) prefers, by this factor, the candidates that
 * state one: the passage with the delay, not the one about the event alone; so does a question
 * for what to do next the candidates that say what to do when the first fix does not work, one
 * for advice those that recommend or warn, one asking what a thing is those that define it, and
 * one about a delay those that explain it.
 */
export const DURATION_ANSWER_FACTOR = 1.3;
/**
 * A question asking what a thing is prefers a text defining it by this factor: every text on the
 * subject names the thing, and the one saying what it is must come before those using it.
 */
export const DEFINITION_FACTOR = 3;
/** A curated answer written for questions of the asker's form (why, how long, how) is preferred by this factor. */
export const FORM_MATCH_FACTOR = 1.3;
/**
 * A document's opening (title and lead) names everything the document is about, so it matches
 * every question on its subject; the answers are in its sections, preferred by this factor.
 */
export const OPENING_FACTOR = 0.7;
/** A text for when the first fix did not work: what a what-next question asks for. */
const STATES_FALLBACK = /うまくいかない場合|解決しない場合|修正できない場合|直らない場合|それでも|\bif (?:that|this|fixing|re-?authenticat\w*|it) (?:does not|doesn't|did not|didn't) (?:work|help|fix)/;
/** A text that recommends or warns: what a question for advice asks for. */
const RECOMMENDS = /推奨|お勧め|おすすめ|お薦め|ましょう|心がけ|忘れないよう|忘れずに|留意|注意して|べきではない|べきです|\bshould\b|\brecommend|\bmake sure\b|\bremember to\b/;
/**
 * After a thing's name, what a text defining it says (folded text): 「Xとは」, 「Xは、…の機能です」, a gloss
 * in brackets or after a colon (「多要素認証(MFA: パスワードだけでなく…」), "X is a…", "X means".
 */
const DEFINES_AFTER = String.raw`\s*[)）」』\]]?\s*(?:とは|は[、,]?[^。.]{0,100}?(?:の機能|の一種|の仕組み|のこと|という意味|意味にな|を意味し|を示し|を指し|を表し|と呼ば|と読み|の略)|[(（][^)）:：]{0,15}[:：]|[(（][^)）]{0,40}?(?:種類|ための|のこと|の略|とも呼ば)|[:：]\s*\S{5,}|(?:is|are) (?:a|an|the)\b|means\b|stands for\b)`;
/**
 * A text on why an effect comes later than what caused it: the gap it says there can be, or what
 * stays usable until it expires (an access token cannot be revoked).
 */
const STATES_DELAY = /期間が空く|時間が経って|(?:有効期限|期限)(?:が切れる)?まで(?:の間)?は?(?:使用可能|有効|使用でき|使え)|取り消すことは?でき(?:ず|ない|ません)|\bnot (?:become \w+ )?immediately\b|\bthere can be a gap\b|\bcannot be revoked\b|\bcan'?t be revoked\b|\buntil (?:it|they|the current access token) expires?\b/;
/**
 * A text that says how to do something: what to click, choose, open or expand, a path through
 * menus (「データ」→「接続」, [A] > [B]), a command or cmdlet to run, signing in again.
 */
const SAYS_HOW = /(?<!ワン)クリック|選択し|を選び|を選ぶ|を開き|を開いて|展開し|→|\] >|> \[|コマンド|\b(?:get|new|set|update|remove|connect|revoke)-[a-z]|\bclick|\bselect\b|\bgo to\b|\bcmdlet|サインインし直|再度サインイン/;
const STATES_DURATION = /\d+(?:\.\d+)?\s*(?:分|時間|日|週間|か月|ヶ月|minutes?\b|hours?\b|days?\b|weeks?\b|months?\b)/;

/** What the text of an answer to a question of these forms states (see DURATION_ANSWER_FACTOR). */
const STATES_FORM: Partial<Record<QuestionForm, RegExp>> = { 'how-long': STATES_DURATION, 'what-next': STATES_FALLBACK, advice: RECOMMENDS, delay: STATES_DELAY };

/**
 * Per item, whether its folded text states what a question's form asks for (STATES_FORM), tested
 * once per item and form: it is the same for every question, and a question for a duration,
 * what next, advice or a delay tested it on every candidate, ~12,000 on a large corpus.
 */
export class FormStatements {
  /** Per form, per item: 0 not tested yet, 1 no, 2 yes. */
  private readonly known = new Map<QuestionForm, Uint8Array>();

  constructor(
    private readonly foldedText: (itemIndex: number) => string,
    private readonly items: number,
  ) {}

  states(itemIndex: number, form: QuestionForm): boolean {
    const pattern = STATES_FORM[form];
    if (!pattern) return false;
    let known = this.known.get(form);
    if (!known) this.known.set(form, (known = new Uint8Array(this.items)));
    if (!known[itemIndex]) known[itemIndex] = pattern.test(this.foldedText(itemIndex)) ? 2 : 1;
    return known[itemIndex] === 2;
  }
}

export interface Candidate {
  item: IndexedItem;
  /** Position of the item in index.items. */
  itemIndex: number;
  score: number;
  /** Share of the question's concepts (idf-weighted) this candidate matches. */
  coverage: number;
  /**
   * The same share with the question's everyday words counted at EVERYDAY_UNSEEN_FACTOR even where
   * the corpus has them: what decides whether to answer (see isGoodMatch).
   */
  subjectCoverage: number;
  exactHits: number;
  /** Bit k set when the candidate matches concept k of the question (the first 31). */
  covers: number;
  /** Bit k set when it matches concept k through a term for the whole of it, not only a part (see Concept.partial). */
  fullCovers: number;
  /** Bit k set when a curated answer's questions match concept k: the answer was written about it, not only mentions it. */
  askedCovers: number;
  /** Share of the question (weighted as subjectCoverage) a curated answer's questions match. */
  askedCoverage: number;
}

export interface RankContext {
  /** Folded text of the item at a position of index.items, for exact lookup (see foldForLookup). */
  foldedText(itemIndex: number): string;
  /** Folded title of the document a passage comes from: a key it names (an error code) is what all its passages are about. */
  foldedTitle?(itemIndex: number): string;
  /**
   * The positions, ascending, of the items whose folded text or title contains an exact key (see
   * containsKey): what a scan of foldedText and foldedTitle finds, looked up at once (see KeyFinder).
   */
  itemsWithKey?(key: string): readonly number[];
  authority(itemIndex: number): Authority;
  /** Single-term results kept between questions (none when absent). */
  cache?: TermCache;
  /** What items state for a question's form, kept between questions (tested per question when absent). */
  statements?: FormStatements;
  /** The forms of the questions a curated answer was written for (see questionForm); none for passages. */
  forms?(itemIndex: number): ReadonlySet<QuestionForm>;
  /** True for a document's opening passage (its title and lead). */
  opening?(itemIndex: number): boolean;
  /** The documents an item comes from: a passage's own, the ones a curated answer cites. */
  documents?(itemIndex: number): readonly string[];
  /** How many distinct names of settings and cmdlets (exact keys other than numbers) an item contains. */
  keysNamed?(itemIndex: number): number;
}

/**
 * The score of minisearch's OR query of the bigrams, from the single-bigram searches (so
 * they are cached): per item the sum of its matched bigrams' scores times how many matched.
 * Items in the order met; scores indexed by item.
 */
export function searchBigrams(index: SearchIndex, bigrams: readonly string[], cache?: TermCache): { items: number[]; scores: Float64Array } {
  const items: number[] = [];
  const scores = new Float64Array(index.items.length);
  const matched = new Int32Array(index.items.length);
  for (const b of bigrams) {
    const h = searchBigram(index, b, cache);
    for (let k = 0; k < h.items.length; k++) {
      const i = h.items[k];
      if (!matched[i]++) items.push(i);
      scores[i] += h.scores[k];
    }
  }
  for (const i of items) scores[i] *= matched[i];
  return { items, scores };
}

/** Inverse document frequency over `n` items; unseen terms get the highest value. */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n + 1) / (df + 0.5));
}

/**
 * Share of the unseen-word weight an everyday word gets: a question in people's words has
 * several the corpus never uses (yesterday, 全部, ダメ), which must not outweigh its subject.
 */
export const EVERYDAY_UNSEEN_FACTOR = 0.25;

/**
 * Weight of a concept: the idf of its most specific term, or the unseen-word weight. With `known`,
 * a concept read through the glossary from English counts only the terms the corpus has: the
 * glossary lists English alternatives no document uses (cloud flow, workflow), and one of them
 * gives a common concept (flow) the weight of a word the corpus never has. That is the weight
 * for which concept is the question's most specific and how much of it a candidate covers; the
 * coordination factor keeps the rarest term's, as a text covering the common concepts of the
 * question beside its rare one is the better answer there (measured on the question sets).
 * An everyday word inside the asker's account of what happened (see Concept.context) counts as
 * little whether or not the corpus happens to use it: 押す or 入る in a story say nothing of the subject.
 */
function conceptWeight(n: number, c: Concept, perTerm: ReadonlyMap<string, TermHits>, known = true): number {
  const heads = c.terms.filter((t) => !c.partial.has(t));
  const dfs = (heads.length ? heads : c.terms).map((t) => perTerm.get(t)?.df ?? 0);
  const seen = known && c.translated ? dfs.filter((df) => df > 0) : [];
  const w = Math.max(...(seen.length ? seen : dfs).map((df) => idf(n, df)));
  return ((c.general || c.context) && dfs.every((df) => df === 0)) || (c.general && c.context && !c.glossed) ? w * EVERYDAY_UNSEEN_FACTOR : w;
}

/** Weight of an everyday word for the decision to answer, whether the corpus has it or not. */
function everydayWeight(n: number, c: Concept, perTerm: ReadonlyMap<string, TermHits>): number {
  const heads = c.terms.filter((t) => !c.partial.has(t));
  return Math.max(...(heads.length ? heads : c.terms).map((t) => idf(n, perTerm.get(t)?.df ?? 0))) * EVERYDAY_UNSEEN_FACTOR;
}

/**
 * A text defining the concept (see DEFINES_AFTER), or naming it in brackets after a description
 * (「継続的なアクセスを行うためのトークン (更新 トークン)」), as a test on folded text; undefined when the
 * concept has no name to look for. The names are its whole-concept terms, spaces optional inside.
 * Both forms contain a name, so a text naming none is passed over with the names alone: the full
 * pattern tries a bracketed name at every character and is run on every candidate.
 */
function definitionTest(c: Concept): ((folded: string) => boolean) | undefined {
  const names = c.terms.filter((t) => !c.partial.has(t) && t.length >= 2 && durationMinutes(t) === undefined);
  if (!names.length) return undefined;
  // A katakana word is a term without its final ー (ポリシ for ポリシー), an English one may be plural.
  const spaced = names
    .map((t) => [...t].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' ?') + (/[\u30a1-\u30fa]$/.test(t) ? 'ー?' : /[a-z]$/.test(t) ? 's?' : ''))
    .join('|');
  // The name itself, not the end of a longer one (更新トークン in 多要素更新トークン is another token);
  // in brackets after a description, not after another of its names (「多要素認証 (MFA)」 only names it).
  const named = new RegExp(spaced);
  const defines = new RegExp(`(?:^|[^a-z0-9\\u3400-\\u9fff\\u30a1-\\u30fa])(?:${spaced})(?![a-z0-9])${DEFINES_AFTER}|[^\\s(（]{5}(?<!${spaced})\\s?[(（]\\s?(?:${spaced})\\s?[)）]`);
  return (folded) => named.test(folded) && defines.test(folded);
}

/**
 * Share of a candidate's score that depends on how strongly it matches the question's most
 * specific concept, relative to the candidate matching it best. An overview that names the
 * cause asked about in passing, among all the others, matches the question's common words as
 * well as the text about that cause, and more of them; it must still come after it.
 */
export const FOCUS_WEIGHT = 0.5;

/**
 * The position in q.concepts of the question's most specific concept the corpus knows: the one
 * of highest weight among those something matches, everyday words and durations aside (a
 * duration qualifies the subject, as in "last 48 hours"); -1 when there is none.
 */
function focusConcept(q: AnalyzedQuery, n: number, perTerm: ReadonlyMap<string, TermHits>): number {
  let k = -1;
  let top = 0;
  q.concepts.forEach((c, ci) => {
    if (c.general || c.qualifies || c.terms.every((t) => durationMinutes(t) !== undefined) || !c.terms.some((t) => (perTerm.get(t)?.df ?? 0) > 0)) return;
    const w = conceptWeight(n, c, perTerm);
    if (w > top) (top = w), (k = ci);
  });
  return k;
}

/**
 * How steeply the share of names asked lowers an item's score: a text naming four settings matches
 * a short question's other words (変える, "change") better than the one about the setting asked, as
 * it says more; a share of 1/4 must outweigh that.
 */
const KEY_SPECIFICITY_POWER = 1.5;

/**
 * Share of the setting and cmdlet names an item contains that the question asks about. Among
 * the items that contain the name asked (MaxAgeSessionMultiFactor), the text about that setting
 * comes before one that recommends values for all four and matches the question's other words
 * as well; numbers (error codes, years) say nothing about what an item is about and do not count.
 */
function keySpecificity(hits: readonly string[], named: number): number {
  const names = hits.filter((k) => !/^\d+$/.test(k)).length;
  return names && named ? Math.pow(Math.min(1, names / named), KEY_SPECIFICITY_POWER) : 1;
}

/**
 * Ranks the items matching the question, best first: all of them, or the best `top` (and any
 * tied with the last) followed by the curated answers that cover part of the question.
 */
export function rankCandidates(q: AnalyzedQuery, index: SearchIndex, ctx: RankContext, top = Infinity): Candidate[] {
  const n = index.items.length;
  const terms = [...q.weights.keys()];
  const score = new Float64Array(n);
  // Candidates in the order first met: equal final scores keep it (term by term, each search's results best first).
  const order: number[] = [];
  const met = new Uint8Array(n);
  const meet = (i: number): void => {
    if (!met[i]) (met[i] = 1), order.push(i);
  };

  // One search per term, then per concept only its best alternative counts (like Lucene's
  // DisjunctionMaxQuery over synonyms): a passage must not win by repeating three synonyms of one word.
  const perTerm = new Map<string, TermHits>();
  for (const term of terms) {
    const h = searchTerm(index, term, ctx.cache);
    for (let k = 0; k < h.items.length; k++) meet(h.items[k]);
    perTerm.set(term, h);
  }
  const groups: string[][] = q.concepts.map((c) => c.terms);
  const grouped = new Set(groups.flat());
  for (const t of terms) if (!grouped.has(t)) groups.push([t]);
  const best = new Float64Array(n);
  const sum = new Float64Array(n);
  const touched = new Uint8Array(n);
  // Per item its score on the question's most specific concept (see FOCUS_WEIGHT).
  const key = focusConcept(q, n, perTerm);
  const keyScore = new Float64Array(n);
  let keyBest = 0;
  for (const [gi, group] of groups.entries()) {
    const items: number[] = [];
    for (const t of group) {
      const h = perTerm.get(t)!;
      const w = q.weights.get(t) ?? 1;
      for (let k = 0; k < h.items.length; k++) {
        const i = h.items[k];
        const s = h.scores[k] * w;
        if (!touched[i]) (touched[i] = 1), items.push(i);
        best[i] = Math.max(best[i], s);
        sum[i] += s;
      }
    }
    for (const i of items) {
      const g = best[i] + DISMAX_TIE * (sum[i] - best[i]);
      score[i] += g;
      if (gi === key) (keyScore[i] = g), (keyBest = Math.max(keyBest, g));
      best[i] = sum[i] = touched[i] = 0;
    }
  }
  const bigrams = searchBigrams(index, q.bigrams, ctx.cache);
  for (const i of bigrams.items) {
    meet(i);
    score[i] += BIGRAM_WEIGHT * bigrams.scores[i];
  }
  // Items that contain an exact key are candidates even when nothing else matched.
  const exactOf = new Map<number, string[]>();
  if (q.exact.length && ctx.itemsWithKey) {
    const hitsOf = new Map<number, string[]>();
    for (const k of q.exact) for (const i of ctx.itemsWithKey(k)) hitsOf.get(i)?.push(k) ?? hitsOf.set(i, [k]);
    for (const i of [...hitsOf.keys()].sort((a, b) => a - b)) exactOf.set(i, hitsOf.get(i)!), meet(i);
  } else if (q.exact.length) {
    for (let i = 0; i < n; i++) {
      const folded = ctx.foldedText(i);
      const title = ctx.foldedTitle?.(i) ?? '';
      const hits = q.exact.filter((k) => containsKey(folded, k) || (!!title && containsKey(title, k)));
      if (hits.length) {
        exactOf.set(i, hits);
        meet(i);
      }
    }
  }

  // Coverage: per concept its full weight where a head term matched a covering field (or the
  // item contains an exact key of the concept), a partial share where only a part matched.
  const got = new Float64Array(n);
  const gotSubject = new Float64Array(n);
  let total = 0;
  let totalSubject = 0;
  // The same with the coordination factor's weights (see conceptWeight).
  const gotForCoord = new Float64Array(n);
  let totalForCoord = 0;
  const level = new Uint8Array(n); // 2 full, 1 partial
  const covers = new Int32Array(n);
  const fullCovers = new Int32Array(n);
  const askedCovers = new Int32Array(n);
  const subjectWeights: number[] = [];
  for (const [ci, c] of q.concepts.entries()) {
    const w = conceptWeight(n, c, perTerm);
    const ws = c.general && !c.glossed ? everydayWeight(n, c, perTerm) : w;
    const wc = conceptWeight(n, c, perTerm, false);
    total += w;
    totalSubject += ws;
    subjectWeights.push(ws);
    totalForCoord += wc;
    const items: number[] = [];
    for (const t of c.terms) {
      const h = perTerm.get(t)!;
      const l = c.partial.has(t) ? 1 : 2;
      for (let k = 0; k < h.items.length; k++) {
        const i = h.items[k];
        if (h.covering[k] & ASKED && l === 2 && ci < 31) askedCovers[i] |= 1 << ci;
        if (!h.covering[k] || level[i] >= l) continue;
        if (!level[i]) items.push(i);
        level[i] = l;
      }
    }
    for (const [i, keys] of exactOf) {
      if (!keys.some((k) => c.terms.includes(k))) continue;
      if (!level[i]) items.push(i);
      level[i] = 2;
    }
    for (const i of items) {
      got[i] += level[i] === 2 ? w : w * PARTIAL_WEIGHT;
      gotSubject[i] += level[i] === 2 ? ws : ws * PARTIAL_WEIGHT;
      gotForCoord[i] += level[i] === 2 ? wc : wc * PARTIAL_WEIGHT;
      if (ci < 31) covers[i] |= 1 << ci;
      if (ci < 31 && level[i] === 2) fullCovers[i] |= 1 << ci;
      level[i] = 0;
    }
  }

  // Final scores first, objects only for the best: common words make nearly every item a
  // candidate, and building and sorting an object for each would dominate a large corpus' ranking.
  const coverage = new Float64Array(order.length);
  const final = new Float64Array(order.length);
  const coord = new Map<number, number>();
  const defines = q.form === 'define' && key >= 0 ? definitionTest(q.concepts[key]) : undefined;
  const statements = ctx.statements ?? new FormStatements(ctx.foldedText, n);
  const formAsked = q.form !== 'other' && q.form !== 'open' ? q.form : undefined;
  order.forEach((i, k) => {
    coverage[k] = total ? got[i] / total : 0;
    const share = totalForCoord ? gotForCoord[i] / totalForCoord : 0;
    let c = coord.get(share);
    if (c === undefined) coord.set(share, (c = COORD(share)));
    const definesIt = defines?.(ctx.foldedText(i)) ?? false;
    let form = statements.states(i, q.form) || definesIt ? DURATION_ANSWER_FACTOR : 1;
    if (definesIt) form *= DEFINITION_FACTOR / DURATION_ANSWER_FACTOR;
    if (formAsked && ctx.forms?.(i).has(formAsked)) form *= FORM_MATCH_FACTOR;
    if (ctx.opening?.(i)) form *= OPENING_FACTOR;
    final[k] = score[i] * c * form * AUTHORITY_FACTOR[ctx.authority(i)];
  });
  // Focus orders the candidates; the best score of those that cover enough of the question keeps
  // its scale, which says whether the question is answered at all (see shouldAnswer). When that
  // best candidate does not match the concept at all, the question is not about it as the
  // corpus sees it (Intune in 「Intune にデバイスを登録する手順」), and focus does nothing.
  let leader = -1;
  order.forEach((i, k) => {
    if (coverage[k] >= MIN_COVERAGE && (leader < 0 || final[k] > final[leader])) leader = k;
  });
  // When none covers that much, a strong match may still answer (see STRONG_MATCH): the best of
  // all leads, and keeps its scale.
  const noneEnough = leader < 0;
  if (noneEnough) order.forEach((i, k) => {
    if (leader < 0 || final[k] > final[leader]) leader = k;
  });
  if (key >= 0 && keyBest > 0 && leader >= 0 && keyScore[order[leader]] > 0) {
    let before = 0;
    let after = 0;
    order.forEach((i, k) => {
      const enough = noneEnough || coverage[k] >= MIN_COVERAGE;
      if (enough) before = Math.max(before, final[k]);
      final[k] *= 1 - FOCUS_WEIGHT + FOCUS_WEIGHT * (keyScore[i] / keyBest);
      if (enough) after = Math.max(after, final[k]);
    });
    if (after > 0) for (let k = 0; k < final.length; k++) final[k] *= before / after;
  }
  order.forEach((i, k) => {
    const keys = exactOf.get(i) ?? [];
    final[k] = final[k] * keySpecificity(keys, ctx.keysNamed?.(i) ?? 0) + EXACT_BONUS * keys.length;
  });
  const cut = top < order.length ? valueAtRank(final, order.length - top) : -Infinity;
  const out: Candidate[] = [];
  order.forEach((i, k) => {
    // Ties at the cut are all kept, so the first `top` are those of a full sort; so are the
    // curated answers that cover part of the question, for suggestions when none is good enough.
    if (final[k] < cut && !(coverage[k] > 0 && index.items[i].kind === 'curated')) return;
    out.push({ item: index.items[i], itemIndex: i, score: final[k], coverage: coverage[k], subjectCoverage: totalSubject ? gotSubject[i] / totalSubject : 0, exactHits: exactOf.get(i)?.length ?? 0, covers: covers[i], fullCovers: fullCovers[i], askedCovers: askedCovers[i], askedCoverage: totalSubject ? subjectWeights.reduce((sum, w, ci) => (ci < 31 && askedCovers[i] & (1 << ci) ? sum + w : sum), 0) / totalSubject : 0 });
  });
  // Stable: equal scores keep the order met.
  out.sort((a, b) => b.score - a.score);
  return retiredFirst(writtenForFirst(delayFirst(yieldOpenings(out, q, ctx), q, statements), q), q, ctx.foldedText);
}

/**
 * A text saying a setting or feature was retired or can no longer be configured: what a question
 * whether it can still be done asks about (see AnalyzedQuery.asksStill).
 */
const STATES_RETIRED = /廃止|構成できません|構成できず|考慮されなく|(?:変更する|設定する|構成する)ことはできなく|(?:設定|構成|変更)できなくな|\bno longer (?:be )?(?:configur|support|honou?r|appl|accept)|\bcannot be configured\b|\bcan no longer\b|\bretire(?:d|ment)\b|\bdeprecat/;

/** How far down a question whether something can still be done looks for the text saying it was retired. */
const RETIRED_LOOKAHEAD = 5;

/**
 * A question whether a setting can still be used (「MaxInactiveTime をまだ延ばせる？」) names the
 * setting, and every text describing it matches as well as the one saying it was retired: among
 * the best, the first that says so goes first, as what the question asks.
 */
function retiredFirst(ranked: Candidate[], q: AnalyzedQuery, foldedText: (itemIndex: number) => string): Candidate[] {
  if (!q.asksStill) return ranked;
  const k = ranked.findIndex((c, m) => m < RETIRED_LOOKAHEAD && c.coverage >= MIN_COVERAGE && STATES_RETIRED.test(foldedText(c.itemIndex)));
  if (k <= 0) return ranked;
  return [ranked[k], ...ranked.slice(0, k), ...ranked.slice(k + 1)];
}

/**
 * A curated answer written about what the question tells (its questions match a good share of it)
 * goes before a first curated answer that matches the question as widely but was written about none of it:
 * an overview listing every cause matches a story naming one ("the help desk wiped my laptop…
 * related?") as well as the answer on that cause, and more of its other words.
 */
const WRITTEN_FOR = { lookahead: 3, minAsked: 0.3, leaderAsked: 0.15, minScoreShare: 0.6, minConcepts: 4 } as const;

function writtenForFirst(ranked: Candidate[], q: AnalyzedQuery): Candidate[] {
  // A short question is matched by many entries' questions alike, and one asking what a thing is
  // wants the text defining it: only a message telling several things has an answer written for it.
  if (q.form === 'define' || q.concepts.length < WRITTEN_FOR.minConcepts) return ranked;
  const lead = ranked[0];
  // A passage first is the documents' own words for the question; only another curated answer gives way.
  if (!lead || lead.item.kind !== 'curated' || lead.askedCoverage >= WRITTEN_FOR.leaderAsked || lead.exactHits > 0) return ranked;
  let k = -1;
  for (let m = 1; m < Math.min(WRITTEN_FOR.lookahead, ranked.length); m++) {
    const c = ranked[m];
    if (c.item.kind !== 'curated' || c.askedCoverage < WRITTEN_FOR.minAsked || c.score < lead.score * WRITTEN_FOR.minScoreShare) continue;
    if (k < 0 || c.askedCoverage > ranked[k].askedCoverage) k = m;
  }
  return k < 0 ? ranked : [{ ...ranked[k], score: lead.score }, ...ranked.slice(0, k), ...ranked.slice(k + 1)];
}

/** How far down a question about a delay looks for the text on the delay (see delayFirst). */
const DELAY_LOOKAHEAD = 10;

/**
 * A question about a delay (「無効化したのに、しばらく普通に動いてた」) shares most of its words with
 * the texts on what caused it (the revocation, the policy change), which match them better; the
 * first text that explains the delay goes first, as what the question asks: among the best, or
 * further down when it covers enough of the question by itself.
 */
function delayFirst(ranked: Candidate[], q: AnalyzedQuery, statements: FormStatements): Candidate[] {
  if (q.form !== 'delay') return ranked;
  const k = ranked.findIndex((c, m) => (m < DELAY_LOOKAHEAD || c.coverage >= MIN_COVERAGE) && statements.states(c.itemIndex, 'delay'));
  if (k <= 0) return ranked;
  return [ranked[k], ...ranked.slice(0, k), ...ranked.slice(k + 1)];
}

/**
 * The value at position `at` of `values` sorted ascending, as `Float64Array.from(values).sort()[at]`
 * gives it (-0 and 0 aside, which are one to a comparison), without sorting: the cut of the best `top` among the ~12,000 candidates of a large
 * corpus is one value, and a full sort of all final scores was a large part of ranking there.
 * Quickselect (Hoare's partition, middle pivot) on a copy; a score that is NaN, which a sort puts
 * last, leaves it to the sort.
 */
export function valueAtRank(values: Float64Array, at: number): number {
  const a = Float64Array.from(values);
  if (a.some(Number.isNaN)) return a.sort()[at];
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (at <= j) hi = j;
    else if (at >= i) lo = i;
    else return a[at];
  }
  return a[at];
}

/**
 * A document's opening only announces what the document answers: when a curated answer
 * written from the same document for questions of the asker's form (how, why, how long)
 * covers enough of the question, the opening goes just below it.
 */
function yieldOpenings(ranked: Candidate[], q: AnalyzedQuery, ctx: RankContext): Candidate[] {
  if (q.form === 'other' || q.form === 'open' || q.form === 'yes-no' || q.form === 'what-happens' || !ctx.opening || !ctx.forms || !ctx.documents) return ranked;
  for (let k = 0; k < ranked.length; k++) {
    const o = ranked[k];
    if (!ctx.opening(o.itemIndex)) continue;
    const doc = ctx.documents(o.itemIndex)[0];
    const j = ranked.findIndex(
      (c, m) => m > k && c.item.kind === 'curated' && c.coverage >= MIN_COVERAGE && ctx.forms!(c.itemIndex).has(q.form) && ctx.documents!(c.itemIndex).includes(doc),
    );
    if (j < 0) continue;
    ranked.splice(k, 1);
    ranked.splice(j, 0, { ...o, score: ranked[j - 1].score });
    k--;
  }
  return ranked;
}

/** A length of time in a folded text: a duration, or a lifetime given by an event (until revoked, until it expires). */
const STATES_LENGTH = new RegExp(`${STATES_DURATION.source}|取り消されるまで|until[- ]revoked|無期限|indefinitely|(?:切れる|期限)まで|until (?:it|they) expires?`);

/** A time in a folded text: a length of time or a date. */
const STATES_TIME = new RegExp(`${STATES_LENGTH.source}|\\d{4}\\s*年|\\b(?:19|20)\\d{2}\\b`);

/** A price in a folded text: a currency sign or unit next to a number. */
const PRICE = /[$¥€£]\s?\d|\d\s?(?:円|ドル|usd|jpy|eur|yen|dollars?)\b|料金|価格|値段/;

/**
 * Whether the best candidates cover enough of the question to answer it. A question for a
 * price, a duration or a date is answered only by a text that states one (`foldedText` of an item),
 * a question how to do something only by a text that says how (`forms` of an item: see RankContext).
 */
export function shouldAnswer(
  q: AnalyzedQuery,
  ranked: readonly Candidate[],
  foldedText?: (itemIndex: number) => string,
  forms?: (itemIndex: number) => ReadonlySet<QuestionForm>,
): boolean {
  if (!q.concepts.length && !q.exact.length) return false;
  if (q.asksPrice && foldedText && !ranked.slice(0, 5).some((c) => PRICE.test(foldedText(c.itemIndex)))) return false;
  if (ranked.some((c) => c.exactHits > 0)) return true;
  // A bare number ("1", "90") names nothing to ask about; error codes are exact keys, handled above.
  if (q.concepts.every((c) => c.terms.every((t) => c.partial.has(t) || /^[\d.,]+$/.test(t)))) return false;
  const good = ranked.slice(0, 5).filter(isGoodMatch);
  // "How long", "since when": one of the first answers that really match (not by one shared word) must state a time.
  // The time must be stated by a text about the question's most specific subject (the run history
  // a retention question asks about), not by one about another duration that shares its other words.
  // For a length of time, the question's most specific subject when the best match does not name
  // it (how long the run history is kept: not a lifetime stated by a text on Power Automate's tokens),
  // stated by any of the first texts naming it.
  const rarest = q.asksDuration ? rarestSubject(q, ranked, ~0) : -1;
  const unnamed = good.length > 0 && rarest >= 0 && !(good[0].fullCovers & (1 << rarest));
  const focus = unnamed ? rarest : good.length ? rarestSubject(q, ranked, good[0].fullCovers) : -1;
  // A question for a length of time is not answered by a text that only gives a date.
  const time = q.asksDuration ? STATES_LENGTH : STATES_TIME;
  const statesTime = (c: Candidate) => (unnamed || c.score >= MIN_SCORE) && (focus < 0 || (c.fullCovers & (1 << focus)) !== 0) && time.test(foldedText!(c.itemIndex));
  if (q.form === 'how-long' && foldedText && ![...good, ...ranked.slice(0, unnamed ? 5 : 3)].some(statesTime)) return false;
  // "How do I change my Teams background?": a good answer must be about the thing acted on,
  // not only share the question's other words (Teams, flow, change).
  const about = good.find((c) => isAboutSubjects(q, c, foldedText));
  if (!about) return false;
  // "How do I turn on SSPR for our tenant?": the answer about the thing acted on, which comes
  // first (see subjectFirst), must say how to act: a text giving the steps, or a curated answer
  // written for how-questions about that thing. One that names the thing in passing (SSPR does
  // not invalidate a connection; reset a long password through the SSPR link) is about something
  // else the knowledge says of it, not about doing it.
  if (q.form === 'how' && (q.subjects.length || q.subjectStates.length) && foldedText && forms && !saysHow(q, about, foldedText, forms)) return false;
  // A word narrowing that thing which no text matches (外部 of 外部共有) names something else
  // than what the knowledge has: its external sharing, not its sharing.
  const known = ranked.reduce((bits, c) => bits | c.covers, 0);
  return !q.subjectModifiers.some((k) => k < 31 && !(known & (1 << k)));
}

/**
 * Among the question's concepts in `among` (bits; not everyday words, context words, durations or words saying whose),
 * the one the fewest candidates match as a whole: the most specific subject the answer is about.
 */
function rarestSubject(q: AnalyzedQuery, ranked: readonly Candidate[], among: number): number {
  let best = -1;
  let fewest = Infinity;
  q.concepts.slice(0, 31).forEach((c, k) => {
    if (!(among & (1 << k)) || c.general || c.context || c.qualifies || c.terms.every((t) => durationMinutes(t) !== undefined)) return;
    const n = ranked.filter((x) => x.fullCovers & (1 << k)).length;
    if (n > 0 && n < fewest) (fewest = n), (best = k);
  });
  return best;
}

/** Whether a candidate matches enough of the question, or matches strongly most of what the corpus can speak of. */
function isGoodMatch(c: Candidate): boolean {
  return (c.subjectCoverage >= MIN_COVERAGE && c.score >= MIN_SCORE) || (c.subjectCoverage >= STRONG_MATCH.minCoverage && c.score >= STRONG_MATCH.minScore);
}

/**
 * Whether a candidate says how to act on the things a how-question acts on (see shouldAnswer): it
 * gives steps, or it is a curated answer written for how-questions about them, or for how-questions
 * asked much as this one is: its questions match most of what it matches of this one (a way to keep
 * flows running when their owners leave: 運用 is in the answer, the leaving in its questions).
 */
function saysHow(q: AnalyzedQuery, c: Candidate, foldedText: (itemIndex: number) => string, forms: (itemIndex: number) => ReadonlySet<QuestionForm>): boolean {
  if (SAYS_HOW.test(foldedText(c.itemIndex))) return true;
  const asksAbout = c.askedCovers !== 0 && q.subjects.every((k) => k >= 31 || (c.askedCovers & (1 << k)) !== 0);
  // A curated answer written about the thing that states the very state asked for (it covers the
  // state as a whole, see isAboutSubjects: refresh tokens set to never expire) is about putting it
  // in that state, whether it says how or that it can no longer be done.
  if (q.subjectStates.length && asksAbout) return true;
  return forms(c.itemIndex).has('how') && (asksAbout || c.askedCoverage >= c.subjectCoverage / 2);
}

/** Whether a candidate covers the things a how-question acts on (see AnalyzedQuery.subjects). */
function isAboutSubjects(q: AnalyzedQuery, c: Candidate, foldedText?: (itemIndex: number) => string): boolean {
  if (q.subjects.some((k) => k < 31 && !(c.covers & (1 << k)))) return false;
  // The state asked for, matched only in part (期限切れ for "never expire"), is another state.
  if (q.subjectStates.some((k) => k < 31 && !(c.fullCovers & (1 << k)))) return false;
  const text = foldedText && q.subjectPhrases.length ? foldedText(c.itemIndex).replace(/\s+/g, '') : '';
  return !text || q.subjectPhrases.every((p) => text.includes(foldForLookup(p).replace(/\s+/g, '')));
}

/**
 * The candidates with the first good one about the things a how-question acts on moved to the
 * front (see shouldAnswer): the answer a how-question gets first is about what it acts on.
 */
export function subjectFirst(q: AnalyzedQuery, ranked: Candidate[], foldedText?: (itemIndex: number) => string): Candidate[] {
  if (!q.subjects.length && !q.subjectStates.length && !q.subjectPhrases.length) return ranked;
  const k = ranked.slice(0, 5).findIndex((c) => isGoodMatch(c) && isAboutSubjects(q, c, foldedText));
  return k <= 0 ? ranked : [ranked[k], ...ranked.slice(0, k), ...ranked.slice(k + 1)];
}
