/**
 * Greetings, thanks, goodbyes, asking to ask, and displeasure, recognised when they are the whole message (with
 * punctuation, emoji or a polite tail around them), or several of them in a row
 * (「承知しました。ありがとうございます。」, "ok got it, thanks", "hi again"), so the bot
 * answers them with a short friendly line instead of searching the knowledge base.
 */
import { symbolForm } from '../../core/analysis/char-filter.js';
import { asksForFun } from '../../core/search/playful-requests.js';
import { withoutReplyToAnswer } from '../../core/search/question-frames.js';

export type SmallTalk = 'greeting' | 'thanks' | 'tired' | 'ack' | 'farewell' | 'preface' | 'complaint' | 'confused' | 'trying' | 'about' | 'fun';

const PHRASES: Record<SmallTalk, readonly string[]> = {
  // Asking for a joke or a poem is recognised by its request, whatever the topic (see asksForFun).
  fun: [],
  greeting: [
    'hi', 'hello', 'hey', 'hiya', 'hi there', 'hello there', 'hey there', 'good morning', 'good afternoon', 'good evening', 'morning', 'yo',
    'こんにちは', 'こんにちわ', 'こんばんは', 'こんばんわ', 'おはよう', 'おはようございます', 'はじめまして', 'もしもし', 'どうも',
    'よろしく', 'よろしくお願いします', 'よろしくお願いいたします', 'よろしくおねがいします', 'お世話になっております', 'いつもお世話になっております', 'お世話になります', 'お世話様です',
  ],
  thanks: [
    'thanks', 'thank you', 'thank you so much', 'thanks a lot', 'many thanks', 'thx', 'ty', 'cheers', 'great thanks', 'ok thanks', 'thanks so much', 'much appreciated',
    'ありがとう', 'ありがとうございます', 'ありがとうございました', 'どうもありがとう', 'どうもありがとうございます', 'どうもありがとうございました',
    '助かりました', '助かります', 'たすかりました', 'サンキュー', 'さんきゅー', '感謝します', 'ありがと', 'ありがとー',
    'that was helpful', 'that was very helpful', 'very helpful', 'helpful', 'that was useful', 'super helpful', 'that helps a lot', 'you saved me', 'lifesaver',
    'ありがと〜', '助かった', 'たすかった', '助かる', 'たすかる', 'めっちゃ助かった', 'あざす', 'あざっす', 'ありがとね', 'サンキュ', '感謝', '感謝です', '恐れ入ります', '恐縮です', '参考になりました', '参考になります', 'よくわかりました',
    'thank you very much', 'thanks for the help', 'thanks for your help', 'thank you for your help', 'thanks for that', 'that helps', 'that helped', 'appreciate it', '🙏',
  ],
  // A bare acknowledgement ("OK", 「了解です」) asks nothing: it is not a question to search for.
  ack: [
    'ok', 'okay', 'k', 'kk', 'okey', 'got it', 'alright', 'all right', 'cool', 'great', 'nice', 'understood', 'noted', 'i see', 'roger', 'sounds good', 'ok cool', 'ok great',
    '了解', '了解です', '了解しました', 'りょうかい', 'りょ', 'わかりました', '分かりました', '承知しました', '承知いたしました', 'かしこまりました', 'なるほど', 'オッケー', 'おけ', 'はい', 'うん',
    '👍', '👌', '🙆', '🆗', '😀', '😃', '😄', '😁', '😊', '🙂', '😉', '👏', '🎉', '✨', '💯', '🙌', 'awesome', 'perfect', 'good', 'fine', 'lol', 'haha', 'hahaha', 'lmao', 'w', 'ww', 'www', '笑', 'あ', 'おお', 'へえ', 'ふむ', 'hmm', 'hmmm', 'うーん', 'うーむ', 'んー', 'ううむ',
  ],
  farewell: [
    'bye', 'bye bye', 'goodbye', 'good bye', 'see you', 'see ya', 'cya', 'see you later', 'later', 'good night', 'night', 'take care', 'have a good day', 'have a nice day', 'ttyl',
    'さようなら', 'さよなら', 'バイバイ', 'ばいばい', 'またね', 'ではまた', 'それではまた', 'じゃあね', 'おやすみ', 'おやすみなさい', '失礼します', '失礼いたします', 'お先に失礼します',
  ],
  // Asking to ask, or calling the bot: nothing to search yet ("quick question", 「ちょっと質問いいですか?」, 「すみません」).
  preface: [
    'quick question', 'a quick question', 'question', 'i have a question', 'got a question', 'can i ask something', 'can i ask you something', 'can i ask a question', 'may i ask something',
    'are you there', 'anyone there', 'anybody there', 'is anyone there', 'you there', 'test', 'testing', 'help me', 'i need help', 'need help',
    '質問', '質問です', '質問があります', '質問があるのですが', '質問があるんですが', '質問いいですか', '質問してもいいですか', '質問してもよろしいでしょうか', 'ちょっと質問', 'ちょっと質問いいですか',
    'ちょっといいですか', '相談です', '相談があります', 'ご相談です', 'すみません', 'すいません', 'あの', 'あのー', 'あのう', 'もしもし', 'テスト', 'てすと', '助けて', '助けてください',
  ],
  // Displeasure with the last reply: an apology and a way on, not a search.
  complaint: [
    'useless', "you're useless", 'you are useless', 'not helpful', 'unhelpful', 'not useful', "isn't helpful", "that's wrong", 'that is wrong', 'wrong', 'wrong answer', "that didn't help", 'that does not help', "that doesn't help", 'no help',
    '役に立たない', '使えない', '違う', 'ちがう', '違います', '全然違う', 'わかりにくい', '分かりにくい',
  ],
  // Going to try what the bot said ("thanks, I'll try that", 「試してみます」): not done yet.
  trying: [
    "i'll try", 'i will try', "i'll try that", "i'll try it", 'will try', 'will try that', 'let me try', 'let me try that', 'trying now', "i'll give it a try", "i'll give it a go",
    '試してみます', '試します', 'やってみます', 'やってみる', '試してみる', '試してきます', 'やってきます', '確認してみます', '確認します', '再接続してみます',
  ],
  // Not following what the bot asked or said ("sorry, what?", 「どういう意味？」).
  confused: [
    'what', 'huh', 'eh', 'pardon', 'come again', 'what do you mean', 'i dont understand', 'i do not understand', "i don't understand", "i don't get it", 'i dont get it',
    "i'm confused", 'im confused', 'confused', "i'm lost", 'im lost', 'lost', 'can you explain', 'explain', 'explain please', 'can you explain the options', 'explain the options',
    'which one should i pick', 'which one do i choose', 'what should i choose', 'what should i pick',
    'どういうこと', 'どういう意味', 'どういう意味ですか', 'どういうことですか', '意味不明', '意味がわからない', '意味が分からない', 'え', 'えっ', 'えー', 'はい?',
    'どれを選べばいい', 'どれを選べばいいですか', 'どれを選べばいいの', 'どれを選ぶの', '選択肢の意味がわからない', '🤔', '😕', '❓',
  ],
  // About the bot itself, not the documents: who or what it is ("are you a human?", 「誰が作ったの？」).
  about: [
    'who are you', 'what are you', 'who made you', 'who built you', 'who created you', 'who wrote you', 'who developed you', 'who owns you', 'who runs you',
    'are you a human', 'are you human', 'are you a person', 'are you real', 'are you a bot', 'are you a robot', 'are you an ai', 'are you ai', 'are you chatgpt', 'are you a bot or a human', 'are you a human or a bot',
    'is this a bot', 'is this a human', 'am i talking to a human', 'am i talking to a bot', 'am i talking to a person', 'is this a real person', 'what is your name', "what's your name", 'whats your name', 'your name',
    'あなたは誰', 'あなたはだれ', 'だれ', '誰', '君は誰', 'きみは誰', '誰が作ったの', '誰が作った', 'だれが作ったの', '誰が作りましたか', '作ったのは誰', '作者は誰', '開発者は誰', 'あなたは何', 'あなたはなに',
    '人間', '人間ですか', '人間なの', '人間なの?', '人ですか', 'ボットですか', 'ボットなの', 'botですか', 'ai', 'aiですか', 'aiなの', 'ロボットですか', '機械ですか', '中の人いる', '中の人', '中の人はいますか',
    '人間が答えてるの', '人間が答えていますか', '名前は', 'お名前は', '名前を教えて', 'あなたの名前は',
  ],
  tired: ['お疲れ様です', 'お疲れさまです', 'おつかれさまです', 'お疲れ様でした', 'お疲れさまでした', 'おつかれさま', 'お疲れ様', 'お疲れ', 'おつかれ'],
};

/** Everything that is not a letter or a digit (punctuation, emoji, spaces, 〜, ー at the end). */
const NOISE = /[^\p{L}\p{N}]+/gu;

/** Words said around small talk that add nothing to it ("hello bot", "hi again", 「皆さん」). */
const FILLERS = [
  'bot', 'team', 'everyone', 'all', 'again', 'there', 'guys', 'so', 'much', 'a lot', 'and', 'oh', 'ah', 'well', 'about', 'connections', 'power automate',
  'sorry', 'um', 'あなた', 'あなたは', '君は', 'きみは', 'ボットさん', '皆さん', 'みなさん', 'です', 'ね', 'よ', 'えっと', 'また', 'では', 'それでは', 'これで', 'じゃあ', 'that is', "that's", 'this is', 'very', 'really', '接続について', '接続の件で', 'power automateについて', 'について', 'ちょっと', '早速', 'さっそく', 'すぐ', 'いったん', '一度', 'now', 'right away', 'いいですか', 'よろしいですか', 'よろしいでしょうか',
];

/** Which kind a run of several wins: going to try over thanks over goodbyes over greetings, anything over a bare "OK". */
const PRIORITY: readonly SmallTalk[] = ['about', 'trying', 'thanks', 'farewell', 'complaint', 'confused', 'preface', 'greeting', 'tired', 'ack'];

const BY_FORM = new Map<string, SmallTalk | 'filler'>();
for (const f of FILLERS) BY_FORM.set(form(f), 'filler');
for (const [kind, phrases] of Object.entries(PHRASES) as [SmallTalk, readonly string[]][]) {
  for (const p of phrases) BY_FORM.set(form(p), kind);
}
const LONGEST_FORM = Math.max(...[...BY_FORM.keys()].map((k) => k.length));

/**
 * The kinds a form is made of, read as known phrases and fillers end to end
 * (the fewest pieces), or undefined when some of it is none of them.
 */
function pieces(f: string): (SmallTalk | 'filler')[] | undefined {
  const best: ((SmallTalk | 'filler')[] | undefined)[] = [[]];
  for (let end = 1; end <= f.length; end++) {
    for (let start = Math.max(0, end - LONGEST_FORM); start < end; start++) {
      const before = best[start];
      const kind = before && BY_FORM.get(f.slice(start, end));
      if (kind && (!best[end] || best[end]!.length > before.length + 1)) best[end] = [...before, kind];
    }
  }
  return best[f.length];
}

/** Letters and digits only; a message of symbols alone (👍) is its own form, skin tone aside. */
function form(text: string): string {
  const n = text.normalize('NFKC').toLowerCase();
  return n.replace(NOISE, '') || symbolForm(n);
}

/** The kind of small talk a whole message is, or undefined when it says anything more. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  if (asksForFun(text)) return 'fun';
  if (text.length > 60) return undefined;
  // "thx, the reconnect worked 🙏", "that fixed it!! you're a lifesaver": what the user says of the
  // answer they got thanks the bot, whatever else of the small talk is around it.
  const rest = withoutReplyToAnswer(text);
  if (rest !== undefined) return !/[\p{L}\p{N}]/u.test(rest) ? 'thanks' : ((k) => (k === 'ack' || k === 'greeting' ? 'thanks' : k))(smallTalkOf(rest));
  const f = form(text).replace(/(です|ー+|〜+)$/u, '');
  const kinds = pieces(f) ?? pieces(form(text));
  return PRIORITY.find((k) => kinds?.includes(k));
}
