/**
 * Other spellings of the corpus' words, so a question written differently still meets them:
 *
 * - readings: the katakana reading of each word of the vocabulary (削除 → サクジョ,
 *   再認証 → サイニンショウ), so a kana spelling (さくじょ, せつぞく, さいにんしょう), which
 *   kuromoji splits into unrelated pieces, finds the word (Elasticsearch's kuromoji_readingform);
 * - synonyms: Sudachi's synonym dictionary (npm sudachi-synonyms-dictionary), kept to the
 *   groups with a word of the vocabulary: orthographic and loanword variants, abbreviations
 *   and English equivalents (デフォ → デフォルト, リトライ → 再試行, retry → 再試行).
 *
 * Both depend only on the vocabulary, so they are built with the index and saved beside it.
 */
import { readFileSync } from 'node:fs';
import type { Analyzer } from '../analysis/analyzer.js';
import { normalizeChars } from '../analysis/char-filter.js';
import { durationMinutes } from '../analysis/filters.js';
import type { Token } from '../analysis/token.js';
import { writeFileWhole } from '../write-whole.js';

/** Shorter readings (キ, サイ) are parts of too many words to stand for one. */
const MIN_READING = 3;
const MAX_READING = 16;
/** Least length of kana the analyzer read as function words only that still count as a word. */
const MIN_UNPARSED_READING = 5;

interface SudachiItem {
  expandControl: number;
  vocabularyNumber?: number;
  midashi: string;
}
interface SudachiGroup {
  items: SudachiItem[];
}

/** One place in a question where a kana run spells a word of the vocabulary. */
export interface ReadingMatch {
  start: number;
  end: number;
  term: string;
  /** The word read is an everyday word (see Token.general). */
  everyday?: boolean;
}

interface SavedVariants {
  hash: string;
  vocabulary: string[];
  readings: [string, string][];
  synonyms: [string, string[]][];
  loanwords: [string, string][];
  rendaku: [string, string][];
  everyday: string[];
  partlyKana: [string, string][];
}

/** Hiragana → katakana (the readings are katakana). */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export class Variants {
  constructor(
    /** The analyzed terms of the corpus' sentences. */
    private readonly vocabulary: ReadonlySet<string>,
    /** Katakana reading → the vocabulary word it spells (the first one met). */
    private readonly readings: ReadonlyMap<string, string>,
    /** Term → other terms of its Sudachi groups that the vocabulary has. */
    private readonly synonymsOf: ReadonlyMap<string, readonly string[]>,
    /** Katakana loanword → the English word Sudachi gives for it (リフレッシュ → refresh), for the glossary's English. */
    private readonly loanwords: ReadonlyMap<string, string>,
    /**
     * A compound's reading without its sound change (キゲンキレ, see withoutRendaku) → the word: an
     * asker spelling the compound in kana writes each word as it reads alone (きげんきれ).
     */
    private readonly rendakuReadings: ReadonlyMap<string, string> = new Map(),
    /**
     * The words of the vocabulary read above that are everyday words (see Token.general: verbs,
     * adjectives, time nouns): a kana word the dictionary knows is read as one of the vocabulary
     * only when both are everyday or neither is (きのう, yesterday, is not 機能).
     */
    private readonly everyday: ReadonlySet<string> = new Set(),
    /**
     * A compound with some of its words written in kana, each as it reads in the compound (多ようそ認証,
     * じょうけん付きアクセス) → the compound: the kanji the asker kept need not be read the way the
     * dictionary reads them alone (多 alone is おお).
     */
    private readonly partlyKana: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The word of the vocabulary a katakana reading spells, with or without the compound's sound change. */
  private wordRead(reading: string): string | undefined {
    return this.readings.get(reading) ?? this.rendakuReadings.get(reading);
  }

  static empty(): Variants {
    return new Variants(new Set(), new Map(), new Map(), new Map());
  }

  /**
   * Builds the tables for a vocabulary (analyzed terms). `known` also counts as vocabulary
   * for synonyms (the glossary's Japanese terms, which lead on to their own synonyms).
   */
  static build(
    vocabulary: Iterable<string>,
    known: Iterable<string>,
    englishWords: ReadonlySet<string>,
    analyzer: Analyzer,
    groups: readonly SudachiGroup[],
  ): Variants {
    const vocab = new Set(vocabulary);
    known = [...known];
    const loanwords = new Map<string, string>();
    for (const g of groups) {
      for (const en of g.items) {
        const word = en.midashi.toLowerCase();
        if (!/^[a-z][a-z-]*$/.test(word) || !englishWords.has(word)) continue;
        for (const ja of g.items) {
          const kana = simpleFold(ja.midashi);
          if (ja.vocabularyNumber === en.vocabularyNumber && /^[\u30a1-\u30fa\u30fc]{2,}$/.test(kana) && !loanwords.has(kana)) loanwords.set(kana, word);
        }
      }
    }
    const readings = new Map<string, string>();
    const plainReadings = new Map<string, string>();
    const everyday = new Set<string>();
    const partlyKana = new Map<string, string>();
    // The vocabulary's words first, then the glossary's (直す, and the askers' 確かめる): a kana
    // spelling of either is the word (なおす, たしかめる).
    for (const term of new Set([...vocab, ...known])) {
      const words = wordReadings(term, analyzer);
      const reading = words?.join('');
      if (reading && reading.length >= MIN_READING && reading.length <= MAX_READING && !readings.has(reading)) {
        readings.set(reading, term);
        const raw = analyzer.rawTokens(term);
        if (raw.length === 1 && raw[0].general) everyday.add(term);
        for (const spelt of partlyKanaSpellings(raw)) if (!partlyKana.has(spelt) && !vocab.has(spelt)) partlyKana.set(spelt, term);
        for (const plain of withoutRendaku(term, reading, vocab, analyzer)) if (!plainReadings.has(plain)) plainReadings.set(plain, term);
      }
    }
    for (const r of readings.keys()) plainReadings.delete(r);
    const targets = new Set([...vocab, ...known]);
    const synonymsOf = new Map<string, string[]>();
    for (const g of groups) {
      // A single character (生, 現) is a reading of too many words to be anyone's variant.
      const items = g.items.filter((i) => i.expandControl !== 2 && [...i.midashi].length > 1);
      // Only groups the corpus can answer through; each word of one is analyzed like the corpus.
      if (!items.some((i) => targets.has(simpleFold(i.midashi)))) continue;
      // Variants of one word (same vocabulary number: other spellings, abbreviations, the English
      // word), not the group's near-synonyms (経緯 is not 理由).
      const terms = items.map((i) => ({ term: singleTerm(i.midashi, analyzer), word: i.vocabularyNumber ?? 0, trigger: i.expandControl === 0 }));
      for (const { term, word, trigger } of terms) {
        if (!term || !trigger) continue;
        const others = terms.filter((t) => t.word === word && t.term && t.term !== term && targets.has(t.term)).map((t) => t.term!);
        if (!others.length) continue;
        const list = synonymsOf.get(term) ?? [];
        for (const o of others) if (!list.includes(o)) list.push(o);
        synonymsOf.set(term, list);
      }
    }
    return new Variants(vocab, readings, synonymsOf, loanwords, plainReadings, everyday, partlyKana);
  }

  /** Sudachi synonyms of an analyzed term that the corpus uses. */
  synonyms(term: string): readonly string[] {
    return this.synonymsOf.get(term) ?? [];
  }

  /**
   * Kana runs of a question that spell a word of the vocabulary, longest first, where the
   * analyzer did not find a word of the vocabulary itself (`tokens`: the analyzed question).
   */
  /**
   * A katakana compound read as English words, loanword by loanword (リフレッシュトークン →
   * "refresh token", ダブルクォーテーション → "double quotation"), when every part is one.
   */
  asEnglish(katakana: string): string | undefined {
    const k = simpleFold(katakana);
    const words: string[] = [];
    for (let i = 0; i < k.length; ) {
      let j = k.length;
      while (j > i + 1 && !this.loanwords.has(k.slice(i, j)) && !this.loanwords.has(k.slice(i, j) + 'ー')) j--;
      const word = this.loanwords.get(k.slice(i, j)) ?? this.loanwords.get(k.slice(i, j) + 'ー');
      if (!word) return undefined;
      words.push(word);
      i = j;
    }
    return words.length ? words.join(' ') : undefined;
  }

  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  private durationTerms?: string[];

  /** The durations the corpus states, as terms (p90d, pt10m): questions meet the ones near theirs. */
  durations(): readonly string[] {
    this.durationTerms ??= [...this.vocabulary].filter((t) => durationMinutes(t) !== undefined);
    return this.durationTerms;
  }

  readingMatches(text: string, tokens: readonly Token[], raw: readonly Token[] = tokens): ReadingMatch[] {
    const out: ReadingMatch[] = [];
    if (!this.readings.size) return out;
    const s = normalizeChars(text);
    for (const run of s.matchAll(/[\u3041-\u3096\u30a1-\u30fa\u30fc]{3,}/g)) {
      const kana = toKatakana(run[0]);
      for (let i = 0; i < kana.length; ) {
        let found: ReadingMatch | undefined;
        for (let j = Math.min(kana.length, i + MAX_READING); j >= i + MIN_READING; j--) {
          const term = this.wordRead(kana.slice(i, j));
          if (term) {
            found = { start: run.index + i, end: run.index + j, term };
            break;
          }
        }
        const inside = found ? tokens.filter((t) => t.start < found.end && found.start < t.end) : [];
        // Where the analyzer kept no word, the kana read as function words (しよう as する, にんしょう
        // as に|ん|しょ|う): only a long reading is a word written in kana, not a coincidence.
        const word = found && (inside.length > 0 || found.end - found.start >= MIN_UNPARSED_READING);
        // The analyzer understood this part already.
        if (found && word && !inside.some((t) => this.vocabulary.has(t.term) && t.term !== found.term) && !inside.some((t) => this.isOtherWord(t, found))) {
          if (!inside.some((t) => t.term === found.term)) out.push(found);
          i += found.end - found.start;
        } else i++;
      }
    }
    // Words the dictionary knows in kana, inflected (とりけせる, かわった): their base form read as a
    // word of the vocabulary (とりけす → 取り消す), which the inflected kana does not spell.
    for (const t of tokens) {
      if (!HIRAGANA_WORD.test(t.term) || t.term.length < MIN_READING || this.vocabulary.has(t.term)) continue;
      if (out.some((o) => o.start < t.end && t.start < o.end)) continue;
      const term = this.wordRead(toKatakana(t.term));
      const found = term && { start: t.start, end: t.end, term };
      if (found && !this.isOtherWord(t, found) && !tokens.some((x) => x.term === term && x.start < t.end && t.start < x.end)) out.push(found);
    }
    // A word read over kana and kanji (きげん切れ → 期限切れ) is longer than the kana alone (きげん → 期限).
    const spelt = this.partlyKanaMatches(s, tokens);
    const mixed = [...spelt, ...this.mixedMatches(s, tokens, raw).filter((m) => !spelt.some((p) => m.start < p.end && p.start < m.end))];
    return [...mixed, ...out.filter((o) => !mixed.some((m) => o.start < m.end && m.start < o.end))]
      .map((m) => (this.everyday.has(m.term) ? { ...m, everyday: true } : m))
      .sort((a, b) => a.start - b.start);
  }

  /** Compounds written with some of their words in kana (see partlyKana), longest first. */
  private partlyKanaMatches(s: string, tokens: readonly Token[]): ReadingMatch[] {
    const out: ReadingMatch[] = [];
    if (!this.partlyKana.size) return out;
    for (let i = 0; i < s.length; i++) {
      for (let j = Math.min(s.length, i + MAX_PARTLY_KANA); j > i + 2; j--) {
        const term = this.partlyKana.get(s.slice(i, j).toLowerCase());
        if (!term) continue;
        if (!tokens.some((x) => x.term === term && x.start < j && i < x.end)) out.push({ start: i, end: j, term });
        i = j - 1;
        break;
      }
    }
    return out;
  }

  /**
   * True when `t` is a kana word of the dictionary spanning the match exactly that is another word
   * than the one read: an everyday word where the vocabulary's is not, or the other way round
   * (きのう, yesterday, read キノウ like 機能).
   */
  private isOtherWord(t: Token, m: ReadingMatch): boolean {
    return t.base !== undefined && t.start === m.start && t.end === m.end && !!t.general !== this.everyday.has(m.term);
  }

  /**
   * Words written partly in kana, the rest in the corpus' kanji (期限ぎれ, さい認証, 多ようそ認証):
   * kana read as written and kanji through their tokens' readings spell a word of the vocabulary
   * that keeps every kanji the asker wrote, in order, and has kanji where the asker wrote kana.
   */
  private mixedMatches(s: string, tokens: readonly Token[], raw: readonly Token[]): ReadingMatch[] {
    // The text as pieces with readings: one per kana character, one per kanji token of kuromoji's
    // (`raw`: suffixes such as 切れ, read ギレ after a noun, are dropped later in the chain); anything
    // else (ASCII, punctuation, an unknown kanji word) ends a run.
    type Piece = { start: number; end: number; reading: string; kana: boolean };
    // The first read token at each offset, found once rather than searched for at every character.
    const readAt = new Map<number, Token>();
    for (const x of raw) if (x.reading && !readAt.has(x.start)) readAt.set(x.start, x);
    const runs: Piece[][] = [[]];
    for (let p = 0; p < s.length; ) {
      const run = runs[runs.length - 1];
      if (KANA.test(s[p])) {
        run.push({ start: p, end: p + 1, reading: toKatakana(s[p]), kana: true });
        p++;
        continue;
      }
      const t = KANJI.test(s[p]) ? readAt.get(p) : undefined;
      if (t) {
        run.push({ start: t.start, end: t.end, reading: t.reading!, kana: false });
        p = t.end;
      } else {
        if (run.length) runs.push([]);
        p++;
      }
    }
    const out: ReadingMatch[] = [];
    for (const run of runs) {
      for (let i = 0; i < run.length; ) {
        let found: ReadingMatch | undefined;
        let reading = '';
        for (let j = i; j < run.length && reading.length + run[j].reading.length <= MAX_READING; j++) {
          reading += run[j].reading;
          const pieces = run.slice(i, j + 1);
          if (!pieces.some((x) => x.kana) || !pieces.some((x) => !x.kana)) continue;
          const term = this.wordRead(reading);
          const written = s.slice(run[i].start, run[j].end);
          if (!term || !keepsKanji(written, term)) continue;
          // A word of the vocabulary the asker wrote in kana inside the span is not to be read over.
          const kanaWords = tokens.filter((x) => x.start >= run[i].start && x.end <= run[j].end && !KANJI.test(s.slice(x.start, x.end)) && this.vocabulary.has(x.term));
          if (kanaWords.length || tokens.some((x) => x.term === term && x.start < run[j].end && run[i].start < x.end)) continue;
          found = { start: run[i].start, end: run[j].end, term };
        }
        if (found) {
          out.push(found);
          while (i < run.length && run[i].start < found.end) i++;
        } else i++;
      }
    }
    return out;
  }

  save(file: string, hash: string): void {
    const saved: SavedVariants = {
      hash,
      vocabulary: [...this.vocabulary],
      readings: [...this.readings],
      synonyms: [...this.synonymsOf].map(([k, v]) => [k, [...v]]),
      loanwords: [...this.loanwords],
      rendaku: [...this.rendakuReadings],
      everyday: [...this.everyday],
      partlyKana: [...this.partlyKana],
    };
    writeFileWhole(file, JSON.stringify(saved));
  }

  /** The saved tables when they were built for `hash`; undefined when missing or stale. */
  static load(file: string, hash: string): Variants | undefined {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedVariants;
      if (saved.hash !== hash) return undefined;
      return new Variants(new Set(saved.vocabulary), new Map(saved.readings), new Map(saved.synonyms), new Map(saved.loanwords), new Map(saved.rendaku), new Set(saved.everyday), new Map(saved.partlyKana));
    } catch {
      return undefined;
    }
  }
}

/**
 * The variants of an index: the saved tables when they were built for it, else built (Sudachi's
 * dictionary is read only then) and saved. Problems are returned, never thrown: without the
 * tables questions are still answered, only without other spellings, and the next start tries again.
 */
export async function openVariants(
  file: string,
  index: { hash: string; quotes: { vocab: ReadonlyMap<string, number> } },
  glossary: { jaTerms(): string[]; spelledTerms(): string[]; englishVocabulary: ReadonlySet<string> },
  analyzer: Analyzer,
): Promise<{ table: Variants; errors: string[] }> {
  const saved = Variants.load(file, index.hash);
  if (saved) return { table: saved, errors: [] };
  let table: Variants;
  try {
    table = Variants.build(index.quotes.vocab.keys(), [...glossary.jaTerms(), ...glossary.spelledTerms()], glossary.englishVocabulary, analyzer, await sudachiGroups());
  } catch (e) {
    return { table: Variants.empty(), errors: [`spelling variants could not be built: ${(e as Error).message}`] };
  }
  try {
    table.save(file, index.hash);
  } catch (e) {
    return { table, errors: [`${file}: could not save the spelling variants: ${(e as Error).message}`] };
  }
  return { table, errors: [] };
}

/** Sudachi's synonym groups (read once, to build the tables: 14 MB of JSON). */
export function sudachiGroups(): Promise<readonly SudachiGroup[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fetchDictionary } = require('sudachi-synonyms-dictionary') as { fetchDictionary(): Promise<readonly SudachiGroup[]> };
  return fetchDictionary();
}

/** Voiced kana → the plain kana of their rows (ガ → カ, ジ → シ, バ → ハ). */
const UNVOICED: Record<string, string> = Object.fromEntries(
  [...'ガギグゲゴザジズゼゾダヂヅデドバビブベボ'].map((c) => [c, String.fromCharCode(c.charCodeAt(0) - 1)]),
);

/**
 * A compound's readings with the sound change (rendaku) of a later word undone: where the reading
 * goes on with a voiced kana after the reading of a leading word of the compound (`words`: the
 * vocabulary), that kana made plain
 * (期限切れ キゲンギレ: 期限 reads キゲン, then ギ → キゲンキレ).
 */
export function withoutRendaku(term: string, reading: string, words: ReadonlySet<string>, analyzer: Analyzer): string[] {
  const out: string[] = [];
  for (let k = 2; k < term.length; k++) {
    const head = term.slice(0, k);
    if (!/^[\u4e00-\u9fff\u3005]+$/.test(head)) break;
    // The leading part is a word of its own (期限, 対話), and a word written in kanji follows it
    // (が of 接続が無効 is a particle; 語 of 言語 is no word after 言).
    if (!words.has(head) || !/[\u4e00-\u9fff\u3005]/.test(term[k])) continue;
    const tokens = analyzer.rawTokens(head);
    if (!tokens.length || !tokens.every((t) => t.reading)) continue;
    const r = tokens.map((t) => t.reading).join('');
    const next = reading[r.length];
    if (reading.startsWith(r) && next && UNVOICED[next]) out.push(r + UNVOICED[next] + reading.slice(r.length + 1));
  }
  return out;
}

/** A cheap fold to preselect groups before analyzing them (most of Sudachi's 26,000 groups are never needed). */
function simpleFold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/([\u30a1-\u30fa\u30fc]{3,})ー$/, '$1');
}

/** The one term a word analyzes to, if it is one. */
function singleTerm(word: string, analyzer: Analyzer): string | undefined {
  const terms = analyzer.terms(word);
  return terms.length === 1 && [...terms[0]].length > 1 ? terms[0] : undefined;
}

/** The katakana readings of a vocabulary term's words: katakana words read as written, kanji through the dictionary. */
function wordReadings(term: string, analyzer: Analyzer): string[] | undefined {
  if (/^[\u30a1-\u30fa\u30fc]+$/.test(term)) return [term];
  if (!/[\u4e00-\u9fff\u3005]/.test(term) || /[^\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005]/.test(term)) return undefined;
  const tokens = analyzer.rawTokens(term);
  return tokens.length && tokens.every((t) => t.reading) ? tokens.map((t) => t.reading!) : undefined;
}

const KANA = /[\u3041-\u3096\u30a1-\u30fa\u30fc]/;
/** Longest compound looked up as written partly in kana. */
const MAX_PARTLY_KANA = 24;

/** Katakana → hiragana (ー stays). */
function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * The spellings of a compound (its kuromoji tokens) with some, not all, of its kanji words written
 * in hiragana as they read in it: 多|要素|認証 → 多ようそ認証, 多要素にんしょう, …; a word read in one
 * kana is left in kanji, as such a kana is too often a particle. Compounds of two to five words.
 */
function partlyKanaSpellings(raw: readonly Token[]): string[] {
  if (raw.length < 2 || raw.length > 5 || !raw.every((t) => t.reading)) return [];
  const kanji = raw.flatMap((t, i) => (KANJI.test(t.surface) && t.reading!.length > 1 ? [i] : []));
  const out: string[] = [];
  for (let mask = 1; mask < 1 << kanji.length; mask++) {
    const written = raw.map((t, i) => (kanji.includes(i) && mask & (1 << kanji.indexOf(i)) ? toHiragana(t.reading!) : t.surface));
    // Every kanji word in kana is the pure kana spelling, which the readings already find.
    if (written.some((w) => KANJI.test(w))) out.push(written.join('').toLowerCase());
  }
  return out;
}
const HIRAGANA_WORD = /^[\u3041-\u3096]+$/;
const KANJI = /[\u3400-\u9fff\u3005]/;
const KANJI_RUN = /[\u3400-\u9fff\u3005]+/g;

/** True when `term` has every kanji run of `written`, in order, and more kanji than it (some were written in kana). */
function keepsKanji(written: string, term: string): boolean {
  let from = 0;
  for (const m of written.matchAll(KANJI_RUN)) {
    const i = term.indexOf(m[0], from);
    if (i < 0) return false;
    from = i + m[0].length;
  }
  const kanji = (x: string) => x.match(KANJI_RUN)?.join('').length ?? 0;
  return kanji(term) > kanji(written);
}
