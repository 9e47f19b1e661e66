import type { Lang } from '../content/types.js';

const JAPANESE_SCRIPT = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/;
const JAPANESE_RUN = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f々〆ー]+/g;
const WORD = /[A-Za-z]+(?:'[A-Za-z]+)?/g;
/** Quoted spans: UI labels, error texts and source wording the writer cites rather than writes. */
const QUOTED = /「[^」]*」|『[^』]*』|【[^】]*】|“[^”]*”|‘[^’]*’|"[^"]*"|`[^`]*`/g;
const URL = /https?:\/\/\S+/gi;

/** Short English words that carry a sentence; a quoted Japanese label never supplies them. */
const ENGLISH_FUNCTION_WORDS = new Set(
  ('a an the is are was were be been am do does did doing have has had can could will would should may might must ' +
    'i you he she it we they me my your our their its this that these those what why how when where which who whom ' +
    'of to in on at for from with by about after before into over under not no yes and or but if then so than ' +
    "there here just also still only again all any some every each don't doesn't didn't can't won't isn't aren't it's i'm i've").split(' '),
);

/**
 * A Japanese run that is a sentence of its own rather than a label: it ends in (or holds) a
 * predicate, a verb or copula in one of its inflected forms (切れています, 出ました, ですか,
 * 動かない, になった). UI labels and terms are noun phrases (接続を修正, 無効な接続, 更新トークン,
 * データ), so a label of any length inside an English sentence leaves it English.
 */
const JAPANESE_PREDICATE = /(?:ます|ました|ません|でした|です|でしょう|ている|ていた|てる|てた|ない|なかった|たい|った|んだ|した|して|する|される|れる|られる|なる|なった|だった|ください|下さい|か)(?:[。、!?？！]|$)|(?:ます|です|ました|でした|ている|ています)/u;
/** True when the text contains kana or kanji. */
export function containsJapanese(text: string): boolean {
  return JAPANESE_SCRIPT.test(text);
}

/**
 * The language a message is written in, judged by its prose: quoted spans and
 * URLs do not count, and short Japanese labels inside an English sentence
 * ("what does 接続を修正 do?") leave it English. Undefined when the message has
 * no language of its own: a number, an emoji, an error code, an acronym, a single
 * English word ("OK", "help").
 */
export function proseLang(text: string): Lang | undefined {
  const folded = text.normalize('NFKC').replace(URL, ' ');
  const unquoted = folded.replace(QUOTED, ' ');
  // A message that is all quotation is judged by what it quotes.
  const body = /[A-Za-z\u3040-\u9fff]/.test(unquoted) ? unquoted : folded;
  const runs = body.match(JAPANESE_RUN) ?? [];
  // Acronyms and codes (MFA, AADSTS, SSPR) are shared by both languages.
  const words = (body.match(WORD) ?? []).filter((w) => w.length === 1 ? /^[aI]$/.test(w) : w !== w.toUpperCase());
  if (!runs.length) {
    // One word ("help", "thanks", "OK") is a command or a token more than a choice of language.
    return words.length >= 2 ? 'en' : undefined;
  }
  if (!words.length) return 'ja';
  const isFunctionWord = (w: string) => ENGLISH_FUNCTION_WORDS.has(w.toLowerCase());
  const englishProse = words.some(isFunctionWord) && words.length >= 2 && words.length >= runs.length;
  if (!englishProse) return 'ja';
  if (!runs.some((r) => JAPANESE_PREDICATE.test(r))) return 'en';
  // Japanese sentences beside English ones: the message is in the language it opens its prose with.
  const before = body.slice(0, body.search(JAPANESE_RUN)).match(WORD) ?? [];
  return before.some(isFunctionWord) ? 'en' : 'ja';
}

/** Language of one message by its prose (see proseLang), else the fallback (e.g. the activity's locale). */
export function detectLang(text: string, fallback: Lang = 'ja'): Lang {
  return proseLang(text) ?? fallback;
}

/** Maps a BCP-47 locale such as "ja-JP" or "en-US" to a supported language. */
export function langFromLocale(locale: string | undefined, fallback: Lang): Lang;
export function langFromLocale(locale: string | undefined, fallback?: Lang): Lang | undefined;
export function langFromLocale(locale: string | undefined, fallback?: Lang): Lang | undefined {
  if (!locale) return fallback;
  const l = locale.toLowerCase();
  if (l.startsWith('ja')) return 'ja';
  if (l.startsWith('en')) return 'en';
  return fallback;
}
