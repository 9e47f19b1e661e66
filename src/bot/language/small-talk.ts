/**
 * Greetings and thanks, recognised when they are the whole message (with
 * punctuation, emoji or a polite tail around them), so the bot answers them
 * with a short friendly line instead of searching the knowledge base.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'tired';

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
  tired: ['お疲れ様です', 'お疲れさまです', 'おつかれさまです', 'お疲れ様でした', 'お疲れさまでした', 'おつかれさま', 'お疲れ様', 'お疲れ', 'おつかれ'],
};

/** Everything that is not a letter or a digit (punctuation, emoji, spaces, 〜, ー at the end). */
const NOISE = /[^\p{L}\p{N}]+/gu;

const BY_FORM = new Map<string, SmallTalk>();
for (const [kind, phrases] of Object.entries(PHRASES) as [SmallTalk, readonly string[]][]) {
  for (const p of phrases) BY_FORM.set(form(p), kind);
}

function form(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOISE, '');
}

/** The kind of small talk a whole message is, or undefined when it says anything more. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  if (text.length > 60) return undefined;
  const f = form(text).replace(/(です|ー+|〜+)$/u, '');
  return BY_FORM.get(f) ?? BY_FORM.get(form(text));
}
