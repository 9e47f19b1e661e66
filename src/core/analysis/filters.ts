/**
 * The token filters of the Japanese analyzer chain, each a small pure function
 * over a token list (the shape of Lucene's kuromoji analyzer).
 */
import { ENGLISH_STOP_WORDS, asciiTerm } from './english.js';
import type { Token } from './token.js';

const ASCII_PIECE = /^[A-Za-z0-9_\-.=/:]+$/;
const KATAKANA = /^[\u30a0-\u30ff]+$/;

function join(tokens: Token[]): Token {
  const surface = tokens.map((t) => t.surface).join('');
  const joined: Token = { surface, term: surface, pos: '名詞', posDetail: '一般', start: tokens[0].start, end: tokens[tokens.length - 1].end, merged: true };
  if (tokens.every((t) => t.reading)) joined.reading = tokens.map((t) => t.reading).join('');
  return joined;
}

/**
 * Re-joins what IPADIC splits by script: touching ASCII pieces form one identifier
 * (Get + - + MgPolicy… → Get-MgPolicyTokenLifetimePolicy, AADSTS + 70008), and
 * katakana fragments rejoin (トー + クン → トークン, ログ + イン → ログイン) while
 * whole katakana words stay apart (アクセス|トークン).
 */
export function mergeScriptRuns(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    const touching = prev && prev.end === t.start;
    if (touching && ASCII_PIECE.test(prev.surface) && ASCII_PIECE.test(t.surface)) {
      out[out.length - 1] = join([prev, t]);
    } else if (
      touching &&
      KATAKANA.test(prev.surface) &&
      KATAKANA.test(t.surface) &&
      (katakanaLength(prev.surface) <= 2 || katakanaLength(t.surface) <= 2 || t.posDetail === '接尾')
    ) {
      out[out.length - 1] = join([prev, t]);
    } else {
      out.push(t);
    }
  }
  return out;
}

function katakanaLength(s: string): number {
  return s.replace(/ー/g, '').length;
}

/**
 * Re-joins a noun that IPADIC cuts before the colloquial topic particle って: 「の上限って」 comes out as
 * 上 + 限っ (限る) + て, so the question loses 上限. Where a noun and a verb ending in っ, followed by
 * て, spell a word the dictionary knows as one noun without the っ, they are that noun and って.
 * `nounOf` gives the dictionary's token for a whole word when it is a known noun.
 */
export function rejoinNounBeforeTte(tokens: Token[], nounOf: (surface: string) => Token | undefined): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [n, v, te] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    const split = n.pos === '名詞' && v?.pos === '動詞' && v.surface.endsWith('っ') && v.surface.length >= 2 && n.end === v.start && te?.surface === 'て' && te.start === v.end;
    const noun = split ? nounOf(n.surface + v.surface.slice(0, -1)) : undefined;
    if (!noun) {
      out.push(n);
      continue;
    }
    out.push({ ...noun, start: n.start, end: v.end - 1 });
    out.push({ ...te, surface: 'って', term: 'って', pos: '助詞', posDetail: '格助詞', base: 'って', reading: undefined, general: true, start: v.end - 1 });
    i += 2;
  }
  return out;
}

/** Normalized key of a user-dictionary term: no spaces, lowercase. */
export function compoundKey(term: string): string {
  return term.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** A set of compound terms and all their prefixes, for longest-match merging. */
export class UserDictionary {
  private readonly terms = new Set<string>();
  private readonly prefixes = new Set<string>();
  private readonly inflecting = new Set<string>();

  /**
   * `inflecting`: terms that also match where their last word is inflected (an asker's 勝手に直る
   * in 勝手に直ってた); the others, as the documents write them, match only as written.
   */
  constructor(terms: Iterable<string> = [], inflecting: Iterable<string> = []) {
    for (const t of terms) this.add(t);
    for (const t of inflecting) {
      this.add(t);
      this.inflecting.add(compoundKey(t));
    }
  }

  add(term: string): void {
    const key = compoundKey(term);
    if (key.length < 2) return;
    this.terms.add(key);
    for (let i = 1; i <= key.length; i++) this.prefixes.add(key.slice(0, i));
  }

  has(key: string): boolean {
    return this.terms.has(key);
  }

  /** True for a term that matches in its inflected forms too (see the constructor). */
  inflects(key: string): boolean {
    return this.inflecting.has(key);
  }

  hasPrefix(key: string): boolean {
    return this.prefixes.has(key);
  }

  get size(): number {
    return this.terms.size;
  }
}

/**
 * Adds a compound token wherever consecutive tokens spell a user-dictionary term
 * (条件 + 付き + アクセス → 条件付きアクセス, 更新 ␣ トークン → 更新トークン), longest
 * match first; an inflecting term also where its last word is inflected (勝手に直ってた is
 * 勝手に直る). The parts stay too, so partial queries still match.
 */
export function mergeUserDictionary(dict: UserDictionary) {
  return (tokens: Token[]): Token[] => {
    if (!dict.size) return tokens;
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      let key = '';
      let best = -1;
      let bestKey = '';
      for (let j = i; j < tokens.length; j++) {
        // An inflecting term ending in a verb matches its inflections (勝手に直る: 勝手に直ってた).
        const base = tokens[j].base;
        const inflected = j > i && base && base !== tokens[j].surface ? key + compoundKey(base) : '';
        if (inflected && dict.inflects(inflected)) (best = j), (bestKey = inflected);
        key += compoundKey(tokens[j].surface);
        if (!dict.hasPrefix(key)) break;
        if (j > i && dict.has(key)) (best = j), (bestKey = key);
      }
      if (best > i) {
        const c = join(tokens.slice(i, best + 1));
        c.term = bestKey;
        c.surface = compoundKey(c.surface);
        out.push(c);
      }
      out.push(tokens[i]);
    }
    return out;
  };
}

const E_TO_U: Record<string, string> = {
  え: 'う', け: 'く', げ: 'ぐ', せ: 'す', て: 'つ', ね: 'ぬ', べ: 'ぶ', め: 'む', れ: 'る',
};

/**
 * IPADIC lists potential verbs (取り消せる, 作れる, 使える) as words of their own, so
 * "取り消せますか" never meets "取り消すことはできず". Where the plain godan verb
 * exists in the dictionary, it is added as an alternative token at the same place.
 * `isVerb` checks the dictionary (cached by the caller).
 */
export function addPlainVerbForPotential(isVerb: (base: string) => boolean) {
  return (tokens: Token[]): Token[] => {
    const out: Token[] = [];
    for (const t of tokens) {
      out.push(t);
      const base = t.base;
      if (t.pos !== '動詞' || !base || base.length < 3 || !base.endsWith('る')) continue;
      const u = E_TO_U[base[base.length - 2]];
      const plain = u && base.slice(0, -2) + u;
      if (plain && isVerb(plain)) out.push({ ...t, base: plain, term: plain, merged: false });
    }
    return out;
  };
}

/** Replaces inflected Japanese words by their dictionary form (失敗し → 失敗する, 教え → 教える). */
export function toBaseForm(tokens: Token[]): Token[] {
  return tokens.map((t) => (t.base && t.base !== '*' && !t.merged ? { ...t, term: t.base } : t));
}

// Adverbs (まず, とても, すぐ) qualify a question but never name its topic.
/** The index term that stands for a negation (ない, ず, ません; not, n't, never in English questions). */
export const NEGATION_TERM = 'ない';
const NEGATION_BASES = new Set(['ない', 'ぬ', 'ん']);

/**
 * Keeps negation as a term: the decision table's two columns differ only by it
 * (接続が無効になるケース / 接続が無効にならないケース), and a question that asks
 * "which do not" should lean to the negated side. Auxiliary ない/ず/ん and the
 * adjective ない become the one term NEGATION_TERM.
 */
export function markNegation(tokens: Token[]): Token[] {
  return tokens.map((t) =>
    (t.pos === '助動詞' || t.pos === '形容詞') && NEGATION_BASES.has(t.base ?? '')
      ? { ...t, term: NEGATION_TERM, pos: '否定', posDetail: '*' }
      : t,
  );
}

const DROPPED_POS = new Set(['助詞', '助動詞', '記号', '接続詞', '連体詞', 'フィラー', '感動詞', '接頭詞', '副詞', 'その他']);
const DROPPED_DETAIL = new Set(['非自立', '代名詞', '接尾', '特殊']);

/** Drops particles, auxiliaries, symbols, pronouns and other function words. */
export function filterPartOfSpeech(tokens: Token[]): Token[] {
  return tokens.filter((t) => {
    if (t.merged) return true;
    if (ASCII_PIECE.test(t.surface)) return true;
    if (DROPPED_POS.has(t.pos) || DROPPED_DETAIL.has(t.posDetail)) return false;
    // Lone hiragana / symbols left over from unknown-word splitting carry nothing.
    return !/^[\u3040-\u309f]$/.test(t.term) && /[\p{L}\p{N}]/u.test(t.term);
  });
}

/** Japanese words too general to mean anything in a query or passage. */
export const JAPANESE_STOP_WORDS = new Set(
  (
    'する ある いる なる れる られる できる こと もの よう ため これ それ あれ どれ ここ そこ など ほか いう おる ' +
    'いただく くださる ござる 致す いたす 存ずる 思う 考える 場合 方 とき 時 事 的 上 中 下 前 後 以下 以上 次 ' +
    'どう どの どんな 何 なに 教える 知る 分かる わかる 見る 言う 際 ください さん 今回 以下 上記 たち 皆様 ' +
    'よい いい 良い ください 等 毎 各 特定 おく しまう みる くる いく 行く 来る ' +
    // どん of the colloquial どんくらい (how long, how much): kuromoji reads it as a noun of its own.
    'どん ' +
    // The set phrases of business mail (お世話になっております, ご教示ください, お手数ですが
    // よろしくお願いいたします, 幸いです): courtesy, never the subject of a question.
    '世話 お世話 教示 ご教示 手数 お手数 願い お願い 願う 幸い 恐縮 恐れ入る 失礼 存じる 申し上げる 申す 承知 ' +
    '何卒 よろしく 宜しく よろしい 宜しい 助かる 参る 拝見 拝読 伺う 頂く 頂ける いただける'
  ).split(/\s+/),
);

/** Drops stop words: Japanese by base form, English words after folding. */
export function dropStopWords(tokens: Token[]): Token[] {
  return tokens.filter((t) => !JAPANESE_STOP_WORDS.has(t.term) && !ENGLISH_STOP_WORDS.has(t.term.toLowerCase()));
}

/** Minutes per unit of a duration written after a number (か月 counts 30 days, a week 7). */
const DURATION_UNITS: Record<string, number> = {
  秒: 1 / 60, 秒間: 1 / 60, 分: 1, 分間: 1, 時間: 60, 日: 1440, 日間: 1440, 週: 10080, 週間: 10080,
  か月: 43200, ヶ月: 43200, カ月: 43200, ヵ月: 43200, ケ月: 43200, 箇月: 43200, か月間: 43200, ヶ月間: 43200, カ月間: 43200,
  年: 525600, 年間: 525600,
};
/** A number of years this large is a calendar year (2023 年), not a duration. */
const CALENDAR_YEAR = 1000;

/** Durations written as one word, without a number (半年 is half a year, 180 days). */
const DURATION_WORDS: Record<string, number> = { 半年: 259200, 半日: 720 };

/**
 * After a duration, ぶり (振り) says that much time has passed since the thing was last done
 * (「半年ぶりに動かした」, 「3か月ぶりの実行」): the asker's way of saying it sat unused. Kept as a
 * term, which the glossary reads as inactivity (see its spellings).
 */
const TIME_SINCE = /^(?:ぶり|振り)$/;

/**
 * The term a duration is indexed under, the same however it is written: ISO 8601 in its
 * largest whole unit (24 時間, 1 日 and "a full day" are all p1d; 90 日 and "three months" p90d).
 */
export function durationTerm(minutes: number): string | undefined {
  if (!(minutes > 0) || !Number.isFinite(minutes)) return undefined;
  if (minutes % 1440 === 0) return `p${minutes / 1440}d`;
  if (minutes % 60 === 0) return `pt${minutes / 60}h`;
  return Number.isInteger(minutes) ? `pt${minutes}m` : undefined;
}

/** The minutes a duration term stands for (p90d → 129600), or undefined for any other term. */
export function durationMinutes(term: string): number | undefined {
  const m = /^p(?:(\d+)d|t(\d+)h|t(\d+)m)$/.exec(term);
  if (!m) return undefined;
  return m[1] ? Number(m[1]) * 1440 : m[2] ? Number(m[2]) * 60 : Number(m[3]);
}

/**
 * How far apart two durations may be and still answer each other: "can it last 48 hours"
 * is answered by the maximum of one day, "unused for 100 days" by the 90 days of inactivity;
 * a month is not two weeks.
 */
export const NEAR_DURATION_RATIO = 2;

/** The duration terms of `known` within NEAR_DURATION_RATIO of `minutes` (the same one excluded), nearest first. */
export function nearDurations(minutes: number, known: Iterable<string>): string[] {
  const near: [string, number][] = [];
  for (const term of known) {
    const m = durationMinutes(term);
    if (m === undefined || m === minutes) continue;
    const ratio = Math.max(m, minutes) / Math.min(m, minutes);
    if (ratio <= NEAR_DURATION_RATIO) near.push([term, ratio]);
  }
  return near.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}

/**
 * Adds a duration term after a number with a time unit (90 日, 14 日ごと, 2 週間, 60 分),
 * so durations meet whatever unit each side wrote them in. Runs before the part-of-speech
 * filter, which drops the units (counter suffixes).
 */
export function addDurations(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    out.push(t);
    // The number: digits, or kanji numerals kuromoji gives one token each (二, 九 + 十).
    let last = i;
    let value: number | undefined;
    // Own keys only: a word such as "toString" names no duration.
    const word = Object.hasOwn(DURATION_WORDS, t.surface) ? DURATION_WORDS[t.surface] : undefined;
    if (word !== undefined) {
      out.push({ ...t, term: durationTerm(word)!, pos: '名詞', posDetail: '一般', merged: true, general: false });
      keepTimeSince(tokens[i + 1], t.end, out);
      continue;
    }
    if (/^\d+(?:\.\d+)?$/.test(t.surface)) value = Number(t.surface);
    else if (KANJI_NUMERAL.test(t.surface) && !KANJI_NUMERAL.test(tokens[i - 1]?.surface ?? '')) {
      while (tokens[last + 1] && tokens[last + 1].start === tokens[last].end && KANJI_NUMERAL.test(tokens[last + 1].surface)) last++;
      value = kanjiNumber(tokens.slice(i, last + 1).map((x) => x.surface).join(''));
    }
    if (value === undefined) continue;
    // 「1 月 30 日」 is a date: its day is no duration of 30 days.
    if (tokens[i - 1]?.surface === '月' && /^\d+$/.test(tokens[i - 2]?.surface ?? '')) continue;
    const next = tokens[last + 1];
    if (!next || next.start - tokens[last].end > 1) continue;
    // The unit is one token (日, 時間) or two (か + 月, 日 + 間): the longest that is a unit.
    const after = tokens[last + 2];
    const two = after && after.start === next.end ? next.surface + after.surface : '';
    const [unit, end] = DURATION_UNITS[two] ? [two, after.end] : [next.surface, next.end];
    if (unit.startsWith('年') && value >= CALENDAR_YEAR) continue;
    const term = DURATION_UNITS[unit] ? durationTerm(value * DURATION_UNITS[unit]) : undefined;
    if (!term) continue;
    out.push({ surface: `${tokens.slice(i, last + 1).map((x) => x.surface).join('')}${unit}`, term, pos: '名詞', posDetail: '一般', start: t.start, end, merged: true });
    keepTimeSince(tokens.find((x) => x.start >= end), end, out);
  }
  return out;
}

/** Adds ぶり right after a duration ending at `end` as a term of its own (see TIME_SINCE). */
function keepTimeSince(next: Token | undefined, end: number, out: Token[]): void {
  if (next && next.start === end && TIME_SINCE.test(next.surface)) out.push({ ...next, term: 'ぶり', pos: '名詞', posDetail: '一般', merged: true });
}

const KANJI_NUMERAL = /^[〇一二三四五六七八九十百]+$/;
const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The value of a number in kanji below a thousand (二 2, 十四 14, 九十 90, 百二十 120), or undefined. */
export function kanjiNumber(s: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c === '十' || c === '百') {
      total += (digit ?? 1) * (c === '十' ? 10 : 100);
      digit = undefined;
    } else if (digit !== undefined) return undefined;
    else digit = KANJI_DIGITS[c];
  }
  return total + (digit ?? 0) || undefined;
}

/** Lucene's katakana stemmer: a trailing ー of katakana words of 4+ characters goes (サーバー → サーバ). */
export function normalizeLongVowel(tokens: Token[]): Token[] {
  return tokens.map((t) => ({ ...t, term: stripLongVowel(t.term) }));
}

export function stripLongVowel(term: string): string {
  return term.replace(/([\u30a1-\u30fa\u30fc]{3,})ー(?=$|[^\u30a1-\u30fc])/g, '$1');
}

/**
 * Lowercases, and folds ASCII words: identifiers stay whole (maxinactivetime,
 * aadsts70008), words are stemmed (tokens → token).
 */
export function foldAscii(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (ASCII_PIECE.test(t.term)) {
      const term = asciiTerm(t.term);
      if (!term) continue;
      out.push({ ...t, term });
    } else {
      out.push({ ...t, term: t.term.toLowerCase() });
    }
  }
  return out.filter((t) => !ENGLISH_STOP_WORDS.has(t.term));
}
