/**
 * Greetings and thanks, recognised when they are the whole message (with
 * punctuation, emoji or a polite tail around them), so the bot answers them
 * with a short friendly line instead of searching the knowledge base.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'tired' | 'ack';

const PHRASES: Record<SmallTalk, readonly string[]> = {
  greeting: [
    'hi', 'hello', 'hey', 'hiya', 'hi there', 'hello there', 'hey there', 'good morning', 'good afternoon', 'good evening', 'morning', 'yo',
    'こんにちは', 'こんにちわ', 'こんばんは', 'こんばんわ', 'おはよう', 'おはようございます', 'はじめまして', 'もしもし', 'どうも',
    'よろしく', 'よろしくお願いします', 'よろしくお願いいたします', 'よろしくおねがいします',
  ],
  thanks: [
    'thanks', 'thank you', 'thank you so much', 'thanks a lot', 'many thanks', 'thx', 'ty', 'cheers', 'great thanks', 'ok thanks', 'thanks so much', 'much appreciated',
    'ありがとう', 'ありがとうございます', 'ありがとうございました', 'どうもありがとう', 'どうもありがとうございます', 'どうもありがとうございました',
    '助かりました', '助かります', 'たすかりました', 'サンキュー', 'さんきゅー', '感謝します', 'ありがと',
  ],
  // A bare acknowledgement ("OK", 「了解です」) asks nothing: it is not a question to search for.
  ack: [
    'ok', 'okay', 'k', 'kk', 'okey', 'got it', 'alright', 'all right', 'cool', 'great', 'nice', 'understood', 'noted', 'i see', 'roger', 'sounds good', 'ok cool', 'ok great',
    '了解', '了解です', '了解しました', 'りょうかい', 'りょ', 'わかりました', '分かりました', '承知しました', '承知いたしました', 'かしこまりました', 'なるほど', 'オッケー', 'おけ', 'はい', 'うん',
    '👍', '👌', '🙆', '🆗',
  ],
  tired: ['お疲れ様です', 'お疲れさまです', 'おつかれさまです', 'お疲れ様でした', 'お疲れさまでした', 'おつかれさま', 'お疲れ様', 'お疲れ', 'おつかれ'],
};

/** Everything that is not a letter or a digit (punctuation, emoji, spaces, 〜, ー at the end). */
const NOISE = /[^\p{L}\p{N}]+/gu;

const BY_FORM = new Map<string, SmallTalk>();
for (const [kind, phrases] of Object.entries(PHRASES) as [SmallTalk, readonly string[]][]) {
  for (const p of phrases) BY_FORM.set(form(p), kind);
}

/** Letters and digits only; a message of symbols alone (👍) is its own form, skin tone aside. */
function form(text: string): string {
  const n = text.normalize('NFKC').toLowerCase();
  return n.replace(NOISE, '') || n.replace(/[\s\uFE0F\u200D]|\p{Emoji_Modifier}/gu, '');
}

/** The kind of small talk a whole message is, or undefined when it says anything more. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  if (text.length > 60) return undefined;
  const f = form(text).replace(/(です|ー+|〜+)$/u, '');
  return BY_FORM.get(f) ?? BY_FORM.get(form(text));
}
