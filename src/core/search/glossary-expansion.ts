/**
 * Cross-lingual query expansion: English words of a question are matched against
 * the glossary's English phrases (longest match first, after plural/inflection
 * folding) and replaced by the analyzed Japanese terms they map to. English words
 * that also occur in the Japanese text (MFA, SAML, cmdlet names) keep their own terms.
 */
import { normalizeChars } from '../analysis/char-filter.js';
import { ENGLISH_STOP_WORDS, isEnglishDeterminer, isIdentifier, stemEnglish } from '../analysis/english.js';
import type { Analyzer } from '../analysis/analyzer.js';
import type { Token } from '../analysis/token.js';
import type { GlossaryEntry } from '../../content/glossary.js';

/** One English word of a question with its folded key. */
export interface EnglishWord {
  raw: string;
  key: string;
  stop: boolean;
  /**
   * A stop word written in capitals in a text that is not all capitals (AT, IT): an abbreviation
   * (access token) where the glossary lists it so, else the stop word it spells.
   */
  abbreviation?: boolean;
}

export interface GlossaryMatch {
  /** The question's words that matched, as typed. */
  phrase: string;
  /** Terms that stand for the whole phrase: the mapped Japanese (and English) glossary terms. */
  terms: string[];
  /** Terms that stand for part of it: words inside those terms, entries of single words of the phrase. */
  partial: string[];
}

export interface Expansion {
  matches: GlossaryMatch[];
  /** Words not covered by any glossary phrase (stop words excluded). */
  rest: EnglishWord[];
}

/** Folding key of one English word: identifiers lowercase, words stemmed. */
function wordKey(w: string): string {
  const lower = w.toLowerCase();
  return isIdentifier(w) ? lower : stemEnglish(lower);
}

/**
 * The English words of a text for phrase matching. Hyphenated plain words are
 * split (sign-in → sign in) so both spellings meet; identifiers stay whole.
 */
export function englishWords(text: string, capitalsAbbreviate?: boolean): EnglishWord[] {
  const out: EnglishWord[] = [];
  const normalized = normalizeChars(text);
  // A message in capitals throughout is shouted, and its capitals abbreviate nothing; a glossary term is as its entry spells it.
  const mixedCase = capitalsAbbreviate ?? /[a-z]/.test(normalized);
  for (const m of normalized.matchAll(/[A-Za-z0-9](?:[A-Za-z0-9_\-.=/:']*[A-Za-z0-9])?/g)) {
    const raw = m[0].replace(/'s$/i, '').replace(/'/g, '');
    const parts = /^[A-Za-z]+(?:-[A-Za-z]+)+$/.test(raw) && !/[a-z][A-Z]/.test(raw) ? raw.split('-') : [raw];
    for (const p of parts) {
      const stop = ENGLISH_STOP_WORDS.has(p.toLowerCase());
      if (stop && mixedCase && /^[A-Z]{2,}$/.test(p)) out.push({ raw: p, key: p, stop: false, abbreviation: true });
      else out.push({ raw: p, key: wordKey(p), stop });
    }
  }
  return out;
}

export class GlossaryExpander {
  private readonly phrases = new Map<string, Set<number>>();
  private readonly entryHeads: string[][];
  private readonly entryParts: string[][];
  private readonly maxWords: number;
  /** Head term of a Japanese glossary term → the head terms of its entry's other Japanese terms. */
  private readonly jaSynonymsOf = new Map<string, Set<string>>();
  /** Head term of an asker's spelling (see GlossaryEntry.spellings) → the head terms of its entry's Japanese terms. */
  private readonly spelledFor = new Map<string, Set<string>>();

  /** Every word of the glossary's English terms, lowercase. */
  readonly englishVocabulary = new Set<string>();
  /** What the analyzer read in the glossary's terms: saved beside the index (see saved-glossary). */
  readonly analyzed: AnalyzedGlossary;

  /**
   * `analyzed` is the analyzer to read the glossary's terms with, or what an earlier reading
   * gave (see analyzeGlossary), which the same glossary and analyzer always give again.
   */
  constructor(entries: readonly GlossaryEntry[], analyzed: Analyzer | AnalyzedGlossary) {
    let maxWords = 1;
    entries.forEach((e, i) => {
      for (const en of e.en) {
        const words = englishWords(en, true);
        for (const w of words) this.englishVocabulary.add(w.raw.toLowerCase());
        if (!words.length) continue;
        const key = phraseKey(words);
        if (!this.phrases.has(key)) this.phrases.set(key, new Set());
        this.phrases.get(key)!.add(i);
        maxWords = Math.max(maxWords, words.length);
      }
    });
    this.maxWords = maxWords;
    this.analyzed = 'heads' in analyzed ? analyzed : analyzeGlossary(entries, analyzed);
    this.entryHeads = this.analyzed.heads;
    this.entryParts = this.analyzed.parts;
    for (const [h, others] of this.analyzed.jaSynonyms) this.jaSynonymsOf.set(h, new Set(others));
    for (const [h, terms] of this.analyzed.spelled) this.spelledFor.set(h, new Set(terms));
  }

  /**
   * The terms the documents use for an asker's spelling (パワーオートメイト → Power Automate), or
   * undefined when the term is not one: it stands for them, as a word the documents never use
   * would otherwise count as something they do not cover.
   */
  respelled(term: string): string[] | undefined {
    const terms = this.spelledFor.get(term);
    return terms && [...terms];
  }

  /** The head terms of the glossary's Japanese terms. */
  jaTerms(): string[] {
    return [...this.jaSynonymsOf.keys()];
  }

  /** The head terms of the askers' spellings (see respelled). */
  spelledTerms(): string[] {
    return [...this.spelledFor.keys()];
  }

  /** Whether an index term heads one of the glossary's Japanese terms: a word of the corpus' subject. */
  hasJaTerm(term: string): boolean {
    return this.jaSynonymsOf.has(term);
  }

  /** Japanese synonyms of an index term: the other Japanese terms of the glossary entries it heads (アプリ → アプリケーション). */
  jaSynonyms(term: string): string[] {
    return [...(this.jaSynonymsOf.get(term) ?? [])];
  }

  /** Matches the English words of `text` against the glossary, longest phrase first. */
  expand(text: string): Expansion {
    const words = englishWords(text);
    const matches: GlossaryMatch[] = [];
    const rest: EnglishWord[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let n = Math.min(this.maxWords + DETERMINERS_SKIPPED, words.length - i); n >= 1; n--) {
        const slice = words.slice(i, i + n);
        // A phrase may contain stop words but must not be one stop word alone, nor end in a determiner.
        if (n === 1 && slice[0].stop) break;
        if (n > 1 && isDeterminer(slice[n - 1])) continue;
        const entries = this.phrases.get(phraseKey(slice));
        if (!entries) continue;
        // A phrase stands for more than its words, but its words' own entries are alternatives
        // too (flow run → 実行 first, then フロー), so passages that word it differently still match.
        const wordEntries = n > 1 ? slice.flatMap((w) => [...(this.phrases.get(w.key) ?? [])]) : [];
        const terms = unique([...entries].flatMap((e) => this.entryHeads[e]));
        const partial = unique([...entries].flatMap((e) => this.entryParts[e]).concat(wordEntries.flatMap((e) => this.entryHeads[e])));
        matches.push({ phrase: slice.map((w) => w.raw).join(' '), terms, partial: partial.filter((t) => !terms.includes(t)) });
        matched = n;
        break;
      }
      if (matched) i += matched;
      else {
        // An abbreviation the glossary does not list is the stop word it spells ("IT", "AT ALL").
        if (!words[i].stop && !words[i].abbreviation) rest.push(words[i]);
        i++;
      }
    }
    return { matches, rest };
  }
}

/**
 * What the analyzer reads in the glossary's terms, entry by entry: the head terms and the other
 * terms of each entry, each Japanese head term's synonyms (the entry's other heads) and the head
 * term of each asker's spelling with the terms it stands for. It is all of the expander that
 * needs kuromoji: every term is tokenized, which is most of what opening a knowledge base costs.
 */
export interface AnalyzedGlossary {
  heads: string[][];
  parts: string[][];
  jaSynonyms: [string, string[]][];
  spelled: [string, string[]][];
}

export function analyzeGlossary(entries: readonly GlossaryEntry[], analyzer: Analyzer): AnalyzedGlossary {
  // Each glossary term is tokenized once.
  const analyzed = new Map<string, Token[]>();
  const tokensOf = (t: string): Token[] => {
    let tokens = analyzed.get(t);
    if (!tokens) analyzed.set(t, (tokens = analyzer.tokens(t)));
    return tokens;
  };
  const split = entries.map((e) => [...e.ja, ...e.en].map((t) => headAndParts(tokensOf(t))));
  const heads = split.map((s) => unique(s.flatMap((x) => x.head)));
  const parts = split.map((s, i) => unique(s.flatMap((x) => x.parts)).filter((t) => !heads[i].includes(t)));
  const jaSynonyms = new Map<string, Set<string>>();
  const spelled = new Map<string, Set<string>>();
  for (const e of entries) {
    const ja = unique(e.ja.map((t) => headTerm(tokensOf(t))).filter((t): t is string => !!t));
    for (const h of ja) {
      const set = jaSynonyms.get(h) ?? new Set<string>();
      for (const other of ja) if (other !== h) set.add(other);
      jaSynonyms.set(h, set);
    }
    for (const spelling of e.spellings ?? []) {
      const h = headTerm(tokensOf(spelling));
      if (!h || ja.includes(h)) continue;
      const set = spelled.get(h) ?? new Set<string>();
      for (const t of ja) set.add(t);
      spelled.set(h, set);
    }
  }
  const listed = (m: Map<string, Set<string>>): [string, string[]][] => [...m].map(([k, v]) => [k, [...v]]);
  return { heads, parts, jaSynonyms: listed(jaSynonyms), spelled: listed(spelled) };
}

/** Determiners a phrase of the question may hold besides the glossary phrase's words. */
const DETERMINERS_SKIPPED = 2;
/**
 * "delete the policy" and "attach a policy" say "delete policy", "attach policy". Only articles and
 * possessives (see ENGLISH_ARTICLES): "that" in "a flow that runs" is no determiner, and "flow that runs" no "flow run".
 */
const isDeterminer = (w: EnglishWord): boolean => isEnglishDeterminer(w.raw, true);

/**
 * The key a phrase is looked up by: its words' keys, without the determiners after the first
 * word, so a phrase with an article in the question meets the glossary's without one and back.
 */
function phraseKey(words: readonly EnglishWord[]): string {
  return words
    .filter((w, k) => k === 0 || !isDeterminer(w))
    .map((w) => w.key)
    .join(' ');
}

/** A glossary term's head term (when it analyzes to one word or compound) and its other terms. */
function headAndParts(tokens: readonly Token[]): { head: string[]; parts: string[] } {
  const terms = tokens.map((t) => t.term);
  const head = headTerm(tokens);
  return head ? { head: [head], parts: terms.filter((t) => t !== head) } : { head: terms, parts: [] };
}

/** The single term a glossary term's tokens stand for (a word or a compound covering it all), if any. */
function headTerm(tokens: readonly Token[]): string | undefined {
  if (tokens.length === 1) return tokens[0].term;
  const first = tokens[0];
  return first?.merged && tokens.every((t) => t.start >= first.start && t.end <= first.end) ? first.term : undefined;
}

export function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}
