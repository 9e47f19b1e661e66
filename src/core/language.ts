import type { Lang } from '../content/types.js';

const JAPANESE_SCRIPT = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/;
const LATIN_LETTER = /[A-Za-z\uff21-\uff3a\uff41-\uff5a]/;

/** True when the text contains kana or kanji. */
export function containsJapanese(text: string): boolean {
  return JAPANESE_SCRIPT.test(text);
}

/**
 * Language of one message: Japanese if it contains kana or kanji, English if it
 * has Latin letters only, otherwise the fallback (e.g. the activity's locale).
 */
export function detectLang(text: string, fallback: Lang = 'ja'): Lang {
  if (containsJapanese(text)) return 'ja';
  if (LATIN_LETTER.test(text)) return 'en';
  return fallback;
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
