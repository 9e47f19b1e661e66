/**
 * The Japanese analyzer, readable as a chain (like Lucene's JapaneseAnalyzer):
 *
 *   NFKC char filter → kuromoji tokens → script-run merge → user-dictionary compounds
 *   → base forms → negation term → plain verb for potential verbs → durations
 *   → part-of-speech filter → stop words (with the set phrases of business mail)
 *   → katakana long vowel → lowercase/ASCII folding
 *
 * It also handles the English words and identifiers inside Japanese text, and
 * English text on its own, so one analyzer serves the whole index.
 */
import { LRUCache } from 'lru-cache';
import { normalizeChars } from './char-filter.js';
import { ASCII_TOKEN, identifierParts } from './english.js';
import {
  UserDictionary,
  addDurations,
  addPlainVerbForPotential,
  markNegation,
  dropStopWords,
  filterPartOfSpeech,
  foldAscii,
  mergeScriptRuns,
  mergeUserDictionary,
  normalizeLongVowel,
  rejoinNounBeforeTte,
  toBaseForm,
} from './filters.js';
import type { JaTokenizer } from './kuromoji-adapter.js';
import type { Token } from './token.js';

/** Words read for a noun cut before って that are remembered (see dictionaryNoun). */
const NOUN_CACHE_SIZE = 2048;

type TokenFilter = (tokens: Token[]) => Token[];

/** kuromoji output as chain tokens; whitespace tokens are dropped (their gap stays in the offsets). */
export function kuromojiTokens(tokenizer: JaTokenizer, text: string): Token[] {
  const out: Token[] = [];
  // kuromoji's tokens cover the text in order, so a token starts where the previous one ended:
  // its word_position is one short per extra character of an unknown symbol run (「...。」).
  let end = 0;
  for (const k of tokenizer.tokenize(text)) {
    const start = end;
    end += k.surface_form.length;
    if (k.pos_detail_1 === '空白' || !k.surface_form.trim()) continue;
    out.push({
      surface: k.surface_form,
      term: k.surface_form,
      pos: k.pos,
      posDetail: k.pos_detail_1,
      base: k.word_type === 'KNOWN' ? k.basic_form : undefined,
      reading: k.word_type === 'KNOWN' && k.reading && k.reading !== '*' ? k.reading : undefined,
      general: k.word_type === 'KNOWN' ? isEverydayWord(k.pos, k.pos_detail_1, k.pos_detail_2, k.surface_form) : HIRAGANA.test(k.surface_form),
      start,
      end: start + k.surface_form.length,
    });
  }
  return out;
}

/**
 * Parts of speech that name no subject: verbs, adjectives, adverbs and the nouns IPADIC
 * marks as adverb-like, adjectival, numeric, pronouns or dependent (全部, ダメ, 普通, 人).
 */
const EVERYDAY_POS = new Set(['動詞', '形容詞', '副詞', '連体詞', '感動詞', '接続詞']);
const EVERYDAY_NOUN = new Set(['副詞可能', '形容動詞語幹', '数', '代名詞', '非自立', '接尾', 'ナイ形容詞語幹']);

function isEverydayWord(pos: string, detail: string, detail2: string, surface: string): boolean {
  if (EVERYDAY_POS.has(pos)) return true;
  // A person's name (the asker signing a mail) says nothing about the subject.
  if (detail2 === '人名') return true;
  // A single kanji or kana noun (人, 時, 方) is too general to be a topic; so is a noun written in
  // hiragana alone (ふつう, ひとこと): the subject's terms are written in kanji or katakana.
  return pos === '名詞' && (EVERYDAY_NOUN.has(detail) || [...surface].length === 1 || HIRAGANA.test(surface));
}

/** Hiragana alone: a word the dictionary knows so spelt is an everyday one, and one it does not know a piece of one. */
const HIRAGANA = /^[\u3041-\u3096ー]+$/;

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
      addDurations,
      filterPartOfSpeech,
      dropStopWords,
      normalizeLongVowel,
      foldAscii,
    ];
  }

  /** Keyed by dictionary base forms (never by raw input), so bounded by the dictionary's verbs. */
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

  /**
   * Keyed by a noun and a verb's stem as the asker wrote them (an unknown word is a noun too), so
   * bounded by count: the words people type are not bounded by the dictionary.
   */
  private readonly nounCache = new LRUCache<string, Token | false>({ max: NOUN_CACHE_SIZE });

  /** The dictionary's token for `surface` when it is one known noun (上限 yes, 上限る no). */
  private dictionaryNoun(surface: string): Token | undefined {
    let known = this.nounCache.get(surface);
    if (known === undefined) {
      const t = kuromojiTokens(this.tokenizer, surface);
      known = t.length === 1 && t[0].pos === '名詞' && t[0].base === surface ? t[0] : false;
      this.nounCache.set(surface, known);
    }
    return known || undefined;
  }

  /** kuromoji's tokens with the nouns it cuts before って whole again (see rejoinNounBeforeTte). */
  private kuromoji(filtered: string): Token[] {
    return rejoinNounBeforeTte(kuromojiTokens(this.tokenizer, filtered), (s) => this.dictionaryNoun(s));
  }

  /** Tokens after the whole chain, with offsets into the character-filtered text. */
  tokens(text: string): Token[] {
    const filtered = normalizeChars(text);
    return this.filters.reduce((tokens, f) => f(tokens), this.kuromoji(filtered));
  }

  /** kuromoji's tokens of a text after the character filter, before any token filter. */
  rawTokens(text: string): Token[] {
    return this.kuromoji(normalizeChars(text));
  }

  /** Both of the above from one kuromoji pass: a question needs its raw tokens beside the analyzed ones. */
  tokensAndRaw(text: string): { tokens: Token[]; raw: Token[] } {
    const raw = this.kuromoji(normalizeChars(text));
    // The chain gets copies: the raw tokens stay as kuromoji gave them.
    return { tokens: this.filters.reduce((tokens, f) => f(tokens), raw.map((t) => ({ ...t }))), raw };
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
