import type { Lang } from '../../content/types.js';
import { langFromLocale, proseLang } from '../../core/language.js';

/**
 * The reply language for one message: the user's pinned language if any; else
 * the language the message is written in (by its prose); a message with no
 * language of its own (a button press, a number, an emoji, "OK") keeps the
 * conversation's language; failing that, the activity's locale, then Japanese,
 * the product's home language.
 */
export function pickLang(text: string | undefined, locale: string | undefined, pinned?: Lang, conversation?: Lang): Lang {
  if (pinned === 'ja' || pinned === 'en') return pinned;
  return proseLang(text ?? '') ?? conversation ?? langFromLocale(locale, 'ja');
}
