/**
 * The Japanese analyzer, readable as a chain (like Lucene's JapaneseAnalyzer):
 *
 *   NFKC char filter → kuromoji tokens → script-run merge → user-dictionary compounds
 *   → base forms → negation term → plain verb for potential verbs → part-of-speech filter
 *   → stop words → katakana long vowel → lowercase/ASCII folding
 *
 * It also handles the English words and identifiers inside Japanese text, and
 * English text on its own, so one analyzer serves the whole index.
 */
import { normalizeChars } from './char-filter.js';
import { ASCII_TOKEN, identifierParts } from './english.js';
import {
  UserDictionary,
  addPlainVerbForPotential,
  markNegation,
  dropStopWords,
  filterPartOfSpeech,
  foldAscii,
  mergeScriptRuns,
  mergeUserDictionary,
  normalizeLongVowel,
  toBaseForm,
} from './filters.js';
import type { JaTokenizer } from './kuromoji-adapter.js';
import type { Token } from './token.js';

/** Bump when any step changes what terms are produced: prebuilt indexes are rebuilt. */
export const ANALYZER_VERSION = 'ja-chain-6';

type TokenFilter = (tokens: Token[]) => Token[];

/** kuromoji output as chain tokens; whitespace tokens are dropped (their gap stays in the offsets). */
export function kuromojiTokens(tokenizer: JaTokenizer, text: string): Token[] {
  const out: Token[] = [];
  for (const k of tokenizer.tokenize(text)) {
    if (k.pos_detail_1 === '空白' || !k.surface_form.trim()) continue;
    const start = k.word_position - 1;
    out.push({
      surface: k.surface_form,
      term: k.surface_form,
      pos: k.pos,
      posDetail: k.pos_detail_1,
      base: k.word_type === 'KNOWN' ? k.basic_form : undefined,
      start,
      end: start + k.surface_form.length,
    });
  }
  return out;
}

export class Analyzer {
  private readonly filters: TokenFilter[];

  constructor(
    private readonly tokenizer: JaTokenizer,
    readonly userDictionary: UserDictionary = new UserDictionary(),
  ) {
    this.filters = [
      mergeScriptRuns,
      mergeUserDictionary(userDictionary),
      toBaseForm,
      markNegation,
      addPlainVerbForPotential((base) => this.isDictionaryVerb(base)),
      filterPartOfSpeech,
      dropStopWords,
      normalizeLongVowel,
      foldAscii,
    ];
  }

  private readonly verbCache = new Map<string, boolean>();

  /** True when `base` is a verb of the dictionary on its own (作る yes, 教う no). */
  private isDictionaryVerb(base: string): boolean {
    let known = this.verbCache.get(base);
    if (known === undefined) {
      const t = this.tokenizer.tokenize(base);
      known = t.length === 1 && t[0].pos === '動詞' && t[0].word_type === 'KNOWN' && t[0].basic_form === base;
      this.verbCache.set(base, known);
    }
    return known;
  }

  /** Tokens after the whole chain, with offsets into the character-filtered text. */
  tokens(text: string): Token[] {
    const filtered = normalizeChars(text);
    return this.filters.reduce((tokens, f) => f(tokens), kuromojiTokens(this.tokenizer, filtered));
  }

  /** Index terms of a text, in order, repeated as often as they occur. */
  terms(text: string): string[] {
    return this.tokens(text).map((t) => t.term);
  }
}

/** The words inside the identifiers of a text: a secondary field (see identifierParts). */
export function identifierWords(text: string): string[] {
  return [...normalizeChars(text).matchAll(ASCII_TOKEN)].flatMap((m) => identifierParts(m[0]));
}

const JAPANESE_CHAR = /[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005]/;
const CONTENT_CHAR = /[\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005]/;

/**
 * Character bigrams of the Japanese runs of a text: a secondary, dictionary-free
 * field that still matches when tokenization disagrees (spaces inside words are
 * ignored; bigrams made only of hiragana are skipped as noise).
 */
export function japaneseBigrams(text: string): string[] {
  const s = normalizeChars(text).replace(/(?<=[\u3041-\u30ff\u4e00-\u9fff])\s+(?=[\u3041-\u30ff\u4e00-\u9fff])/g, '');
  const out: string[] = [];
  for (const run of s.split(/[^\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005]+/)) {
    for (let i = 0; i + 1 < run.length; i++) {
      const bg = run.slice(i, i + 2);
      if (JAPANESE_CHAR.test(bg) && CONTENT_CHAR.test(bg)) out.push(bg);
    }
  }
  return out;
}
