import type { Lang } from '../../content/types.js';
import { detectLang, langFromLocale } from '../../core/language.js';

/**
 * The reply language for one message: the user's pinned language if any, else
 * Japanese when the text has kana/kanji, English when it has Latin letters only,
 * else the activity's locale (then Japanese, the product's home language).
 */
export function pickLang(text: string | undefined, locale: string | undefined, pinned?: Lang): Lang {
  if (pinned === 'ja' || pinned === 'en') return pinned;
  const fromLocale = langFromLocale(locale, 'ja');
  return detectLang(text ?? '', fromLocale);
}
