/**
 * Typed answers → options. A user may press a button, type the option's number,
 * its label or a synonym in either language, or a close paraphrase. Matching is
 * deliberately conservative: input that is not clearly one option is left
 * unmatched, so the bot can treat it as a free question instead.
 */
import type { Bilingual, Lang } from '../../content/types.js';
import { symbolForm } from '../analysis/char-filter.js';
import { correctTypos } from '../analysis/typos.js';
import { withoutHedgedMarks } from './hedges.js';

/** Data-driven matching: phrases (either language) and regular expressions (e.g. error codes). */
export interface MatchSpec {
  /** Extra phrasings that select this option / reach this outcome (compared fuzzily). */
  phrases?: string[];
  /** Regular expressions (case-insensitive) tested against the user's text. */
  patterns?: string[];
}

/** What can be matched: an option, or a synthetic one such as "yes, solved". */
export interface Matchable {
  id: string;
  label: Bilingual;
  synonyms?: Partial<Record<Lang, string[]>>;
  /** Patterns for typed answers only (see TreeOption.answerPatterns). */
  answerPatterns?: (string | string[])[];
  match?: MatchSpec;
}

export interface OptionMatch<T extends Matchable> {
  option: T;
  /** 1 for a number, id or exact label; lower for containment and paraphrase. */
  score: number;
  how: 'number' | 'id' | 'exact' | 'pattern' | 'contains' | 'similar';
  /** Picked only by a way of answering several questions share (a list in `answerPatterns`: "I don't know", "nothing changed"). */
  general?: boolean;
  /** Picked only by an `answerPatterns` hit: an answer only to the question just asked. */
  asAsked?: boolean;
}

/** Best-to-second margin below which two options are too close to pick one. */
const AMBIGUITY_MARGIN = 0.05;
/** Lowest paraphrase similarity accepted (Dice coefficient over character bigrams). */
const MIN_SIMILARITY = 0.6;

/** NFKC, lower case, single spaces, no trailing punctuation. */
export function normalizeInput(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?。!?、,]+$/u, '')
    .trim();
}

/**
 * The comparable core of a text: normalized, without spaces and punctuation (Japanese labels
 * space words apart). A text made only of symbols (👍, 👎) is its own core, so it can be a synonym.
 */
function compact(text: string): string {
  return coreOf(normalizeInput(text));
}

/** compact() of a text normalizeInput has normalized already. */
function coreOf(normalized: string): string {
  const core = normalized.replace(/[\s\p{P}\p{S}]/gu, '');
  return core || symbolForm(normalized);
}

/** Character-bigram counts of a compact text (a single character counts as itself). */
interface Bigrams {
  counts: Map<string, number>;
  size: number;
}

function bigramCounts(core: string): Bigrams {
  const chars = Array.from(core);
  const grams = chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c);
  const counts = new Map<string, number>();
  for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  return { counts, size: bigramCount(chars.length) };
}

/** How many bigrams bigramCounts finds in a text of `chars` code points. */
function bigramCount(chars: number): number {
  return chars < 2 ? chars : chars - 1;
}

function dice(x: Bigrams, y: Bigrams): number {
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const [g, n] of y.counts) shared += Math.min(n, x.counts.get(g) ?? 0);
  return (2 * shared) / (x.size + y.size);
}

/** Dice coefficient over character bigrams of the compact forms: 1 for equal texts, 0 for nothing shared. */
export function bigramSimilarity(a: string, b: string): number {
  return dice(bigramCounts(compact(a)), bigramCounts(compact(b)));
}

/**
 * The words of a Latin-script text (or a number), space-separated with a space at each end
 * (" no idea "), or undefined for text in another script: an English synonym is only contained
 * in an answer as whole words ("it" is not in "neither"), while Japanese has no spaces to go by.
 */
function latinWords(text: string): string | undefined {
  return latinWordsOf(normalizeInput(text));
}

/** latinWords() of a text normalizeInput has normalized already. */
function latinWordsOf(normalized: string): string | undefined {
  const n = normalized.replace(/['’]/g, '');
  if (!/^[\x20-\x7e]*[a-z0-9][\x20-\x7e]*$/.test(n)) return undefined;
  return ` ${n.replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** An option's texts in comparable form, computed once per option (options are immutable tree data). */
interface PreparedOption {
  texts: { core: string; grams: Bigrams; words?: string; negative: boolean }[];
  patterns: RegExp[];
  answerPatterns: RegExp[];
  /** The answer patterns that come in shared lists (general ways of answering). */
  sharedAnswerPatterns: RegExp[];
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const KANJI_DIGITS = '一二三四五六七八九';

/** 一 … 十二 as the number they write (one or two kanji), or the text as it is. */
function kanjiNumber(text: string): string {
  return text.replace(/(十)?([一二三四五六七八九])?(?=\s*(?:番|つ目))|十(?=\s*(?:番|つ目))/gu, (m, ten?: string, digit?: string) => {
    if (!m) return m;
    return String((ten || m === '十' ? 10 : 0) + (digit ? KANJI_DIGITS.indexOf(digit) + 1 : 0));
  });
}

/**
 * "2", "２", "②", "2️⃣", "#2", "2番", 「三番目のやつ」, 「5番かな」, 「たぶん 2」, "2 です", "no. 2", "option 2",
 * "option two", "the second one", "probably 2" → 2.
 */
export function parseChoiceNumber(text: string): number | undefined {
  return choiceNumberOf(normalizeInput(text));
}

/** "option two", "number three": a number word after the word for a choice. */
const NUMBER_WORD_CHOICE = new RegExp(`^((?:option|number|choice|answer|no\\.?)\\s+)(${NUMBER_WORDS.join('|')})$`);

/** parseChoiceNumber() of a text normalizeInput has normalized already. */
function choiceNumberOf(normalized: string): number | undefined {
  // A keycap emoji is the digit, a variation selector and the enclosing keycap.
  const plain = kanjiNumber(normalized.replace(/(\d)\uFE0F?\u20E3/gu, '$1')).replace(NUMBER_WORD_CHOICE, (_, head: string, word: string) => `${head}${NUMBER_WORDS.indexOf(word) + 1}`);
  const m = /^(?:(?:たぶん|多分|おそらく|恐らく|きっと|probably|maybe|perhaps|i think|i guess|i'd say|prob)[、,\s]*)?(?:no\.?|#|番号|option|number|choice|answer)?\s*(\d{1,2})\s*(?:番目?|つ目|\.|:|\))?\s*(?:の(?:やつ|もの|選択肢))?\s*(?:です|で|を選択|を選びます|にします|でお願いします|かな|かも|please|i guess|i think)?$/u.exec(plain);
  if (m) return Number(m[1]);
  const ordinal = /^(?:the )?([a-z]+)(?: one| option)?(?: please)?$/.exec(plain);
  const n = ordinal ? ORDINALS.indexOf(ordinal[1]) : -1;
  return n >= 0 ? n + 1 : undefined;
}

/** "the last one", 「最後のやつ」: the last option. */
const LAST_OPTION = /^(?:the )?(?:last|bottom)(?: one| option)?$|^(?:最後|一番下|いちばん下|いちばんした|一番した)(?:の(?:やつ|もの|選択肢|です))?(?:です|で)?$/u;

/** "the top one", 「一番上」, 「いちばん上のやつ」: the first option, named by where the list shows it. */
const FIRST_OPTION = /^(?:the )?(?:top|topmost)(?: one| option)?$|^(?:一番上|いちばん上|いちばんうえ|一番うえ)(?:の(?:やつ|もの|選択肢|です))?(?:です|で)?$/u;

/**
 * True when the text asks about something (an interrogative: "what is SSPR?", 「401 ってどういう意味?」,
 * "is 90 days the limit?"): even a pattern hit is then no answer, but the topic of a question.
 * A bare question mark or かな is not enough: 「MFA を有効にしたからかな」 is a hedged answer; いつも, いつの間にか and どこか ask nothing;
 * an auxiliary followed by "not" opens a statement ("did not fix it").
 */
function asksAbout(text: string): boolean {
  // An English interrogative opens a sentence or a clause; mid-sentence it is a relative ("a user who left", "broke when we …").
  return /(?:^|[,.;:!?]\s*|\b(?:and|but|so|also|then|ok|hmm|wait|btw)\s+)(?:why|what|what's|whats|how|when|which|where|who)\b|(?:^|[,.;:!?]\s*)(?:is|are|does|do|did|can|could|will|would|should|was|were)\s(?!not\b)|\bdid you\b|なぜ|どうして|どう(?:すれ|したら|やって|いう|なる|なり)|(?<![こあもそ])とは|って(?:何|なに|どう)|何(?:です|でしょう|なの)|意味|どこ(?!か)|いつ(?!も|の(?:間|ま)に)|どれ(?:です|が|を|くらい)|ですか|ますか|でしょうか/iu.test(
    text.normalize('NFKC'),
  );
}

/** True when the text asks something rather than picks something (a question mark is enough here). */
function looksLikeQuestion(text: string): boolean {
  return /[?？]/u.test(text) || asksAbout(text);
}

/**
 * A mention the sentence denies: 「401じゃなくて」, 「初期化はしてない」, "it's not a 401",
 * "no 403". One character of slack after the match lets a pattern end on a boundary it consumed.
 */
const DENIED_AFTER =
  /^.?\s*(?:じゃ|では|でも|は|が|も|を)?\s*(?:使って|使用して|利用して|使い|やって|実行して|変えて|変更して|入れて|有効にして|導入して|出て|表示されて|起きて|して|し|され|させ|になって|にして|に)?(?:い|て)?(?:なく|ない|無い|ありません|ございません|なかった|ません|ず)|^.?\s*以外/u;
const DENIED_BEFORE = /\b(?:not|no|never|isn'?t|wasn'?t|aren'?t|weren'?t|didn'?t|don'?t|doesn'?t|haven'?t|hasn'?t|without)(?:\s+[a-z]+)?(?:\s+(?:an?|the|any))?\s*$/iu;
/**
 * The mention as the topic or object of a clause whose predicate is negative:
 * 「SSPRは使ってないです」, 「セルフサービスのリセットは使っていません」, 「401が出ていない」.
 * The predicate holds no second subject (「401 が出てフローが動かない」 is no denial of 401).
 */
const DENIED_CLAUSE = /^(?:の[^。、,.!?はもをが]{0,8})?(?:は|も|を|が|って)[^。、,.!?がはをも]{0,12}?(?:ない|無い|ません|なかった|ず)(?:です|でした|よ|ね)?\s*(?:[。、,.!?]|$)/u;

function denied(text: string, start: number, end: number): boolean {
  // A pattern may end on the particle after the mention ('401(\D|$)'): the clause is read from both.
  const after = text.slice(end);
  return DENIED_AFTER.test(after) || DENIED_CLAUSE.test(after) || DENIED_CLAUSE.test(text.slice(end - 1)) || DENIED_BEFORE.test(text.slice(0, start));
}

/** True when the pattern occurs in the text, somewhere other than inside a denial. */
function statedIn(pattern: RegExp, text: string): boolean {
  // Most texts hold no match: search tells so without the copy of the expression matchAll makes.
  if (text.search(pattern) < 0) return false;
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    if (!denied(text, start, start + m[0].length)) return true;
  }
  return false;
}

/** True when `part` occurs in `text` somewhere other than inside a denial. */
function containsStated(text: string, part: string): boolean {
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) if (!denied(text, i, i + part.length)) return true;
  return false;
}

/** Whether two texts with these bigram counts can reach MIN_SIMILARITY at all (Dice ≤ 2·min/(x+y)). */
function couldBeSimilar(x: number, y: number): boolean {
  return x > 0 && y > 0 && (2 * Math.min(x, y)) / (x + y) >= MIN_SIMILARITY;
}

/** A negative statement: a paraphrase of a positive text is not one of it ("we did not enable MFA"). */
const NEGATIVE = /\b(?:not|no|never|didn'?t|don'?t|doesn'?t|isn'?t|wasn'?t|haven'?t|hasn'?t|without|none|nothing)\b|ない|ません|なかった|なし|無し/iu;

function scoreOption<T extends Matchable>(o: T, p: PreparedOption, folded: string, negative: boolean, core: string, words: string, gramCount: number, grams: () => Bigrams): OptionMatch<T> | undefined {
  let best: OptionMatch<T> | undefined;
  const consider = (score: number, how: OptionMatch<T>['how'], asked?: 'asked' | 'general') => {
    if (!best || score > best.score) best = { option: o, score, how, ...(asked ? { asAsked: true } : {}), ...(asked === 'general' ? { general: true } : {}) };
  };
  if (p.patterns.some((r) => statedIn(r, folded))) consider(0.9, 'pattern');
  // The ways of answering ("I don't know", 「特にない」) yield to a fact the same words state.
  else if (p.answerPatterns.some((r) => statedIn(r, folded))) consider(0.84, 'pattern', 'asked');
  else if (p.sharedAnswerPatterns.some((r) => statedIn(r, folded))) consider(0.84, 'pattern', 'general');
  for (const { core: c, grams: g, words: w, negative: n } of p.texts) {
    if (c === core) {
      consider(1, 'exact');
      continue;
    }
    const [text, part] = w ? [words, w] : [core, c];
    if (c.length >= 2 && text.includes(part)) {
      // Containment either way; longer shared text scores higher, so "not solved" beats "solved".
      // A text found only inside a denial ("no outage") is no paraphrase of it either.
      if (containsStated(text, part)) consider(0.6 + 0.3 * (c.length / core.length), 'contains');
    } else if (core.length >= 3 && c.includes(core) && core.length / c.length >= 0.4) consider(0.6 + 0.3 * (core.length / c.length), 'contains');
    else if (negative === n && couldBeSimilar(gramCount, g.size)) {
      const sim = dice(grams(), g);
      if (sim >= MIN_SIMILARITY) consider(0.85 * sim, 'similar');
    }
  }
  return best;
}

/** A katakana word of the tree's texts (three characters or more: 「ナシ」 and 「ダメ」 are as often written in hiragana). */
const KATAKANA_WORD = /[\u30a1-\u30f6ー]{3,}/gu;

/** The hiragana spelling of a katakana word (ぱすわーど for パスワード); ー stays. */
function hiraganaSpelling(word: string): string {
  return word.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * The kanji nouns of a text with their dictionary readings in katakana (管理者 → カンリシャ), from
 * the analyzer: the matcher itself knows no dictionary, so whoever loads a tree may pass one.
 */
export type NounReadings = (text: string) => { surface: string; reading: string }[];

/** A noun written in kanji (and katakana), whose reading may be typed in hiragana instead. */
const KANJI_NOUN = /^(?=.*\p{Script=Han})[\p{Script=Han}\p{Script=Katakana}ー]+$/u;

/**
 * Readings shorter than this are left alone: 以内 (いない) or 期間 (きかん) would turn everyday
 * hiragana endings (使っていない) into words; four kana or more spell a word (かんりしゃ, さくじょ).
 */
const MIN_READING = 4;

/**
 * Reads the tree's katakana words typed in hiragana (「ぱすわーどをりせっと」, 「こーどはでてない」) as
 * the words they spell, so a pattern or synonym written in katakana finds them; with the nouns'
 * readings, its kanji nouns too (「かんりしゃです」, 「りようしゃ」). Only whole words
 * the tree uses are replaced: the hiragana around them (particles, endings) stays as typed.
 */
class KanaSpelling {
  private readonly find?: RegExp;
  private readonly words = new Map<string, string>();

  constructor(texts: Iterable<string>, readings?: NounReadings) {
    for (const text of texts) {
      for (const w of text.normalize('NFKC').match(KATAKANA_WORD) ?? []) this.words.set(hiraganaSpelling(w), w);
      for (const { surface, reading } of readings?.(text.normalize('NFKC')) ?? []) {
        const spelling = hiraganaSpelling(reading);
        if (KANJI_NOUN.test(surface) && [...spelling].length >= MIN_READING && !this.words.has(spelling)) this.words.set(spelling, surface);
      }
    }
    // Longest first, so りせっと is not read as a shorter word inside it.
    const spellings = [...this.words.keys()].sort((a, b) => b.length - a.length);
    if (spellings.length) this.find = new RegExp(spellings.join('|'), 'gu');
  }

  /** The text with each hiragana spelling of a word of the tree as the tree writes it. */
  read(text: string): string {
    return this.find && /[\u3041-\u3096]/u.test(text) ? text.replace(this.find, (h) => this.words.get(h) ?? h) : text;
  }
}

/**
 * Matches typed answers to options and first-message facts to match specs. It keeps each
 * option's prepared texts and each pattern compiled, so one instance belongs to one loaded
 * tree (see TroubleshootingTree.matcher) and lives as long as it.
 */
export class OptionMatcher {
  private readonly regexes = new Map<string, RegExp>();
  private readonly prepared = new WeakMap<Matchable, PreparedOption>();
  private readonly vocabularies = new WeakMap<readonly Matchable[], Set<string>>();
  private readonly preparedSpecs = new WeakMap<MatchSpec, { patterns: RegExp[]; cores: string[] }>();
  private readonly kana: KanaSpelling;

  /**
   * `texts`: the tree's texts that answers are matched with (their katakana words are also read
   * when typed in hiragana, and with `readings` their kanji nouns).
   */
  constructor(texts: Iterable<string> = [], readings?: NounReadings) {
    this.kana = new KanaSpelling(texts, readings);
  }

  /**
   * The English words a set of options is answered with (labels, synonyms, and the words
   * their patterns spell out), so a misspelt answer ("enbled", "outgae") reads as the word.
   */
  private vocabulary(options: readonly Matchable[]): Set<string> {
    let v = this.vocabularies.get(options);
    if (!v) {
      const texts = options.flatMap((o) => [o.label.en, ...(o.synonyms?.en ?? []), ...(o.match?.patterns ?? []), ...(o.answerPatterns ?? []).flat()]);
      v = new Set(texts.flatMap((t) => t.toLowerCase().match(/[a-z]{5,}/g) ?? []));
      this.vocabularies.set(options, v);
    }
    return v;
  }

  /** Patterns come from validated tree data; each is compiled once. */
  private regex(pattern: string): RegExp {
    let r = this.regexes.get(pattern);
    // Global, for statedIn's matchAll (which copies the expression, so no lastIndex is shared).
    if (!r) this.regexes.set(pattern, (r = new RegExp(pattern, 'giu')));
    return r;
  }

  private prepare(o: Matchable): PreparedOption {
    let p = this.prepared.get(o);
    if (!p) {
      // A label offering alternatives ("None of these / I don't know") is matched by each of them too.
      const labels = [o.label.ja, o.label.en].flatMap((l) => (l.includes(' / ') ? [l, ...l.split(' / ')] : [l]));
      const texts = [...labels, ...(o.synonyms?.ja ?? []), ...(o.synonyms?.en ?? []), ...(o.match?.phrases ?? [])]
        .map((text) => ({ text, core: compact(text) }))
        .filter((t) => t.core)
        .map(({ text, core }) => ({ core, grams: bigramCounts(core), words: latinWords(text), negative: NEGATIVE.test(text.normalize('NFKC')) }));
      const answerPatterns = o.answerPatterns ?? [];
      p = {
        texts,
        patterns: (o.match?.patterns ?? []).map((x) => this.regex(x)),
        answerPatterns: answerPatterns.filter((x): x is string => typeof x === 'string').map((x) => this.regex(x)),
        sharedAnswerPatterns: answerPatterns.filter((x): x is string[] => Array.isArray(x)).flat().map((x) => this.regex(x)),
      };
      this.prepared.set(o, p);
    }
    return p;
  }

  /**
   * True when the text names an option only to deny it (「SSPRは使ってないです」, "no outage"):
   * one of its patterns or texts occurs, and every occurrence is inside a denial.
   */
  deniesOption(options: readonly Matchable[], input: string): boolean {
    const folded = input.normalize('NFKC');
    const normalized = normalizeInput(input);
    const core = coreOf(normalized);
    const words = latinWordsOf(normalized);
    return options.some((o) => {
      const p = this.prepare(o);
      const byPattern = [...p.patterns, ...p.answerPatterns, ...p.sharedAnswerPatterns].some((r) => folded.search(r) >= 0 && !statedIn(r, folded));
      const byText = p.texts.some(({ core: c, words: w }) => {
        const [text, part] = w && words ? [words, w] : [core, c];
        return c.length >= 2 && text.includes(part) && !containsStated(text, part);
      });
      return byPattern || byText;
    });
  }

  /** True when one of the spec's patterns (case-insensitive regular expressions) or phrases occurs in the text. */
  matchesSpec(spec: MatchSpec | undefined, text: string): boolean {
    return this.specTest(text)(spec);
  }

  /**
   * matchesSpec for one text and many specs: the text is folded and made compact once, when
   * first needed, instead of once per spec (a walk tests a message against every later step).
   */
  specTest(text: string): (spec: MatchSpec | undefined) => boolean {
    let folded: string | undefined;
    let core: string | undefined;
    // Steps share patterns (an error code is an option's and its outcome's): each is tested once.
    const stated = new Map<RegExp, boolean>();
    const statedHere = (r: RegExp): boolean => {
      let found = stated.get(r);
      if (found === undefined) stated.set(r, (found = statedIn(r, folded!)));
      return found;
    };
    return (spec) => {
      if (!spec) return false;
      const { patterns, cores } = this.prepareSpec(spec);
      folded ??= this.kana.read(text.normalize('NFKC'));
      if (patterns.some(statedHere)) return true;
      if (!cores.length) return false;
      core ??= compact(folded!);
      return cores.some((c) => core!.includes(c));
    };
  }

  /** A spec's patterns compiled and the compact forms of its phrases that can be looked for (two characters or more). */
  private prepareSpec(spec: MatchSpec): { patterns: RegExp[]; cores: string[] } {
    let p = this.preparedSpecs.get(spec);
    if (!p) {
      p = { patterns: (spec.patterns ?? []).map((x) => this.regex(x)), cores: (spec.phrases ?? []).map(compact).filter((c) => c.length >= 2) };
      this.preparedSpecs.set(spec, p);
    }
    return p;
  }

  /**
   * The option a typed answer picks, or undefined when none is clear: a number
   * in range, an option id (card buttons), a label or synonym in either language,
   * a pattern, containment, or a close paraphrase. Question-shaped text only
   * counts when it is a number, an id or an exact label, or a pattern hit that asks about nothing.
   */
  matchOption<T extends Matchable>(options: readonly T[], input: string): OptionMatch<T> | undefined {
    const raw = input.trim();
    if (!raw || !options.length) return undefined;
    const byId = options.find((o) => o.id === raw);
    if (byId) return { option: byId, score: 1, how: 'id' };
    const normalized = normalizeInput(raw);
    const n = LAST_OPTION.test(normalized) ? options.length : FIRST_OPTION.test(normalized) ? 1 : choiceNumberOf(normalized);
    if (n !== undefined && n >= 1 && n <= options.length) return { option: options[n - 1], score: 1, how: 'number' };
    const spelt = this.kana.read(correctTypos(raw.normalize('NFKC'), this.vocabulary(options)));
    const speltNormalized = normalizeInput(spelt);
    const core = coreOf(speltNormalized);
    if (!core) return undefined;
    const folded = spelt.normalize('NFKC');
    const negative = NEGATIVE.test(folded);
    const words = latinWordsOf(speltNormalized) ?? ` ${speltNormalized.replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
    // A free question is far longer than any option: its bigrams are counted only if a paraphrase is possible.
    let chars = 0;
    for (const _ of core) chars++;
    let grams: Bigrams | undefined;
    const lazyGrams = () => (grams ??= bigramCounts(core));
    const scored = options
      .map((o) => scoreOption(o, this.prepare(o), folded, negative, core, words, bigramCount(chars), lazyGrams))
      .filter((m): m is OptionMatch<T> => m !== undefined)
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (!best) return undefined;
    if (second && best.score - second.score < AMBIGUITY_MARGIN) return undefined;
    const asking = withoutHedgedMarks(raw);
    if (best.how === 'pattern' && asksAbout(asking)) return undefined;
    if ((best.how === 'contains' || best.how === 'similar') && looksLikeQuestion(asking)) return undefined;
    return best;
  }
}
