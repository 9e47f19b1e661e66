/**
 * Whether a message asks which languages the bot speaks ("can you speak Japanese?",
 * 「英語話せる？」) rather than asking it to reply in one ("reply in Japanese", 「英語で話して」).
 * Asked about, the bot says it replies in the language written and pins nothing: the asker
 * may only want to know, and a pinned language would hold even when they go on writing in their own.
 */
const LANGUAGE_EN = String.raw`(?:english|japanese|nihongo|eigo|other languages|both languages|both)`;

/** "can you speak Japanese?", "do you understand English too?", "what languages do you speak?". */
const ASKED_EN = new RegExp(
  String.raw`^(?:(?:can|do|does|will|could)\s+(?:you|u|this bot|the bot|it)\s+(?:speak|understand|read|talk|talk in|handle|support|know|do)\s+${LANGUAGE_EN}(?:\s+(?:too|as well|also))?|(?:what|which)\s+languages?\s+(?:do|can)\s+(?:you|u|this bot|the bot)\s+(?:speak|understand|use|handle|support|reply in)|(?:do|does)\s+(?:you|u|this bot|the bot)\s+(?:speak|understand)\s+(?:any\s+)?other languages)\s*\?*$`,
  'i',
);

/** 「英語話せる？」, 「日本語わかりますか」, 「英語も使えるの？」, 「何語が話せる？」. */
const ASKED_JA = new RegExp(
  String.raw`^(?:あなたは|君は|きみは|ボットは)?(?:(?:英語|えいご|日本語|にほんご)(?:は|も|で|が|を)?|(?:何語|なにご|何か国語)(?:が|を|で|なら)?)(?:(?:話せ|はなせ|しゃべれ|喋れ|理解でき|読め|使え|でき|いけ|通じ|対応でき|対応してい|対応して)(?:る|ます)|(?:わか|分か)(?:る|ります))(?:か|の|かな|んですか|んだっけ)?[?？]*$`,
);

/** True when the whole message asks whether (or which) languages the bot speaks. */
export function asksWhichLanguages(text: string): boolean {
  const form = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!form || form.length > 60) return false;
  return ASKED_EN.test(form) || ASKED_JA.test(form.replace(/\s+/g, ''));
}
