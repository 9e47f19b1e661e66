import type { Lang } from '../../content/types.js';
import { langFromLocale, proseLang } from '../../core/language.js';

/**
 * The reply language for one message: the user's pinned language if any; else
 * the language the message is written in (by its prose); a message with no
 * language of its own (a button press, a number, an emoji, "OK") keeps the
 * conversation's language; failing that, the activity's locale, then Japanese,
 * the product's home language. With `walk` (a walk in progress, and the language of the
 * user's last message that had one), the walk's language holds against a single answer in
 * the other one.
 */
export function pickLang(text: string | undefined, locale: string | undefined, pinned?: Lang, conversation?: Lang, walk?: { heard?: Lang }): Lang {
  if (pinned === 'ja' || pinned === 'en') return pinned;
  const own = proseLang(text ?? '');
  const current = conversationLang(conversation, locale);
  if (!own) return current;
  // During a walk, someone who writes both languages keeps the walk's: an answer in the other
  // language turns it only when the message before was in that language too. A question asked
  // on the way is answered in its own.
  if (walk && own !== current && walk.heard !== own && !asksSomething(text ?? '')) return current;
  return own;
}

/** The conversation's language: the one it has been in when kept, else the client's locale's, else Japanese. */
export function conversationLang(conversation: Lang | undefined, locale: string | undefined): Lang {
  return conversation ?? langFromLocale(locale, 'ja');
}

/** True when a message asks something: a question mark, an English interrogative opening it, or a Japanese question ending. */
export function asksSomething(text: string): boolean {
  return ASKS.test(text);
}

const ASKS = /[?？]|^\s*(?:what|how|why|when|which|where|who|can|could|does|do|is|are|will|should)\b|(?:ですか|ますか|でしょうか|とは|って何|ってなに|教えて)/iu;
