/**
 * The words a user types to steer the bot, in both languages: the commands
 * (shown by the help card and listed in the Teams manifest's `commandLists`,
 * whose titles and descriptions are copied from here; Teams limits a title to
 * 32 and a description to 128 characters) and the navigation words a walk
 * understands at every step. The bot and the walker read the same lists, so a
 * word means the same wherever it is typed.
 */
import type { Lang } from '../content/types.js';
import { normalizeInput } from './troubleshoot/answer-matcher.js';

export type CommandId = 'help' | 'troubleshoot' | 'english' | 'japanese' | 'restart' | 'cancel';

export interface BotCommand {
  id: CommandId;
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  /** Phrases that trigger the command, lower-case, matched as the whole message after normalizeInput. */
  match: readonly string[];
  /**
   * The words that name the request when it is asked for in the user's own words: the whole
   * message is one of them with only ways of asking around it (see ASKING) and, optionally,
   * what the request is about (`about`): 「診断をお願いします」, "can you diagnose my connection".
   */
  asks?: readonly string[];
  /** What the request may name besides (「フローの」, "my connection"): words that mean nothing for another command. */
  about?: readonly string[];
}

/** How a language is asked for around its name: "speak English", 「英語で返信して」, "can you reply in Japanese". */
const LANGUAGE_REQUEST: readonly string[] = [
  'speak', 'in', 'reply in', 'answer in', 'respond in', 'write in', 'talk in', 'switch to', 'change to', 'use', 'language', 'do you speak', 'to',
  'で', 'に', 'で話して', '話して', 'で大丈夫', 'でいい', 'がいい', 'でいいです', 'がいいです', 'で返信', '返信', 'で回答', '回答', 'で答えて', '答えて', '返事', 'に切り替え', '切り替え', 'に変更', '変更', 'にして', 'に変えて', '変えて', '対応',
];

/** The commands, in the order of the help card and the manifest. */
export const COMMANDS: readonly BotCommand[] = [
  {
    id: 'help',
    title: { en: 'help', ja: 'ヘルプ' },
    description: {
      en: 'Show what I can do and how to ask',
      ja: 'できることと質問のしかたを表示します',
    },
    match: ['help', '/help', 'ヘルプ', 'へるぷ', '使い方', 'つかいかた'],
    asks: [
      'help', 'ヘルプ', '使い方', 'つかいかた', 'how to use', 'how do i use', 'how does this work', 'how do you work',
      'what can you do', 'what do you know', 'what do you know about', 'what can i ask', 'what do you do', 'what can i ask you', 'what are you for', 'what can this bot do',
      '何ができる', 'なにができる', '何ができますか', '何ができるの', '何を聞ける', '何を聞けばいい', 'なにを聞ける', 'どう使う', 'どうやって使う', 'どんなことができる', 'どんなことを聞ける',
    ],
    about: ['this bot', 'the bot', 'you', 'the', 'with you', 'for', 'の', 'を', 'が', 'このボット', 'ボット', 'bot', 'あなた', 'は', 'で', 'に'],
  },
  {
    id: 'troubleshoot',
    title: { en: 'troubleshoot', ja: '診断' },
    description: {
      en: 'Step-by-step diagnosis of an invalid connection in a flow',
      ja: 'フローの「無効な接続」を質問に答えながら診断します',
    },
    match: ['troubleshoot', 'diagnose', 'start troubleshooting', '診断', 'トラブルシューティング', 'トラブルシュート', '診断開始'],
    asks: [
      'troubleshoot', 'troubleshooting', 'diagnose', 'diagnosis', 'diagnostic', 'diagnostics', 'find the cause', 'find out why', 'check why', 'figure out why', 'investigate',
      '診断', 'しんだん', 'トラブルシュート', 'トラブルシューティング', '原因を調べ', '原因調べ', '原因調査', '原因を調査', '原因を特定', '原因を探', '原因究明', '原因を突き止め', '調査',
    ],
    about: [
      'my connection', 'my connections', 'my flow', 'my flows', 'the connection', 'the flow', 'connection', 'connections', 'flow', 'flows', 'this', 'it', 'the problem', 'my problem', 'the issue', 'problem', 'issue', 'what is wrong', "what's wrong", 'whats wrong',
      '接続', 'フロー', '接続の', 'フローの', '問題', '問題の', 'これ', 'この', 'の', 'を', 'が', 'は', 'で',
    ],
  },
  {
    id: 'english',
    title: { en: 'English', ja: '英語で' },
    description: { en: 'Always reply in English', ja: '常に英語で返信します' },
    match: ['english', 'english please', 'in english', 'reply in english', '英語で', '英語でお願いします', '英語'],
    asks: ['english', 'eigo', '英語', 'えいご'],
    about: LANGUAGE_REQUEST,
  },
  {
    id: 'japanese',
    title: { en: 'Japanese', ja: '日本語で' },
    description: { en: 'Always reply in Japanese', ja: '常に日本語で返信します' },
    match: ['japanese', 'japanese please', 'in japanese', 'nihongo', '日本語で', '日本語でお願いします', '日本語'],
    asks: ['japanese', 'nihongo', '日本語', 'にほんご'],
    about: LANGUAGE_REQUEST,
  },
  {
    id: 'restart',
    title: { en: 'restart', ja: 'やり直し' },
    description: {
      en: 'Start the current diagnosis over from the first question',
      ja: '進行中の診断を最初の質問からやり直します',
    },
    match: ['restart', 'reset', 'start over', 'やり直し', 'やりなおし', 'リセット', '最初から', 'はじめから', '初めから', '最初からやり直す'],
    asks: ['restart', 'start over', 'start again', 'begin again', 'from the beginning', 'from the start', 'from scratch', 'やり直', 'やりなお', '最初から', 'はじめから', '初めから', 'もう一度最初から', '一からやり直'],
    about: ['the diagnosis', 'diagnosis', 'the troubleshooting', 'troubleshooting', 'the questions', 'it', 'all', '診断', '診断を', '全部', 'もう一度', 'もう一回'],
  },
  {
    id: 'cancel',
    title: { en: 'cancel', ja: 'キャンセル' },
    description: { en: 'Stop the current diagnosis', ja: '進行中の診断を中止します' },
    match: ['cancel', 'stop', 'quit', 'exit', 'end', 'キャンセル', '中止', 'やめる', '終了', '診断をやめる'],
    asks: [
      'cancel', 'stop', 'quit', 'exit', 'end', 'never mind', 'nevermind', 'nvm', 'forget it', 'forget about it', 'no need', 'not needed anymore', 'enough', "that's enough", 'abort',
      'キャンセル', '中止', '中断', 'やめ', '止め', '終了', '終わり', 'おわり', 'もういい', 'もういいや', 'やっぱりいい', 'やっぱりいいや', 'やっぱいい', 'やっぱいいや', 'もう結構', 'もうけっこう',
    ],
    about: [
      'the diagnosis', 'diagnosis', 'the troubleshooting', 'troubleshooting', 'this', 'it', 'that', 'now', 'here', 'there', 'for now', 'for today', 'at this point', 'this one',
      '診断', '診断は', '診断を', 'それ', 'これ', 'は', 'を', 'ここで', 'ここまで', 'ここまでで', '今日は', '今回は', 'いったん', '一旦',
    ],
  },
];

/** "Back" is not a command of its own: it only means something inside a walk. */
export const BACK_WORDS: readonly string[] = [
  'back', 'go back', 'previous', 'prev', 'previous question', 'back please', 'go back please', 'undo', 'go back one',
  '戻る', 'もどる', '戻って', '戻ってください', '戻りたい', '前へ', '前に戻る', '前に戻って', 'ひとつ前', '一つ前', '一つ前に戻る', '一つ前に戻って', 'ひとつ前に戻って',
  '前の質問', '前の質問に戻る', '前の質問に戻って',
];

/** What a walk understands at every step, besides an answer. */
export type NavigationCommand = 'back' | 'restart' | 'cancel' | 'help';

/** Longer messages are never a command: they are questions that happen to contain one. */
const MAX_COMMAND_CHARS = 80;

const byPhrase = new Map<string, CommandId>(COMMANDS.flatMap((c) => c.match.map((m) => [m, c.id] as const)));

/**
 * The ways of asking that may surround any request, in both languages: polite and casual forms
 * ("please", "can you", 「してください」, 「お願いします」, 「して〜」), said before or after it.
 */
const ASKING: readonly string[] = [
  'please', 'pls', 'plz', 'can you', 'could you', 'would you', 'will you', 'can we', 'could we', 'can i', 'let us', "let's", 'lets', 'let me', 'lemme', 'i want to', 'i wanna', 'i would like to', "i'd like to", 'id like to', 'i need to', 'i need',
  'i want', 'i would like', "i'd like", 'want to', 'need to', 'help me', 'me', 'for me', 'start', 'start a', 'start the', 'begin', 'run', 'run a', 'do', 'do a', 'a', 'the', 'now', 'just', 'ok', 'okay', 'um', 'uh', 'hey', 'actually', 'again', 'thanks', 'thank you', 'sorry',
  'して', 'してください', 'して下さい', 'してくれ', 'してくれる', 'してくれますか', 'してくれませんか', 'してもらえる', 'してもらえますか', 'してもらえませんか', 'していただけますか', 'していただけませんか', 'してほしい', 'してほしいです', 'して欲しい',
  'お願い', 'おねがい', 'お願いします', 'おねがいします', 'お願いいたします', 'お願いできますか', 'お願いできる', 'をお願い', 'を', 'したい', 'したいです', 'したいんですが', 'したいのですが', 'する', 'します', 'しよう', 'しましょう', 'しといて',
  'て', 'てください', 'て下さい', 'てほしい', 'たい', 'たいです', 'る', 'ます', 'ましょう', 'よう', 'ください', '下さい', 'です', 'だ', 'ね', 'よ', 'な', 'や', 'か', 'ちょっと', 'すみません', 'すいません', 'あの', 'ごめん', 'ごめんなさい', 'じゃあ', 'では', 'やっぱり', 'やっぱ', 'やっぱし',
  '始めて', 'はじめて', '始め', 'はじめ', '開始', '開始して', 'を始めて', 'をはじめて', 'スタート', 'して〜', 'お願い〜', '頼む', '頼みます', 'たのむ', 'で', 'に',
  'にする', 'にします', 'にして', 'とく', 'ときます', 'ておく', 'ておきます', '教えて', '教えてください', '見せて', '見せてください', '表示して', '出して',
  // The softeners and request endings of a polite mail: 「大変恐縮ですが…していただけますでしょうか」.
  '恐縮ですが', '大変恐縮ですが', '恐れ入りますが', '大変恐れ入りますが', 'お手数ですが', 'お手数をおかけしますが', '申し訳ありませんが', '申し訳ございませんが', 'すみませんが', 'すいませんが', '度々すみません', '一度', 'いったん', '一旦',
  'していただけますでしょうか', 'していただけないでしょうか', 'していただけませんでしょうか', 'していただけますと幸いです', 'していただけると助かります', 'していただきたいです', 'していただいてもよろしいでしょうか', 'していただいてもいいですか',
  'いただけますか', 'いただけませんか', 'いただけますでしょうか', 'いただけないでしょうか', 'いただきたいです', 'てもらってもいいですか', 'してもらってもいいですか', 'してもいいですか', 'てもいいですか', 'できますか', 'できますでしょうか', 'でしょうか', 'よろしいでしょうか', 'ましょうか', 'しましょうか',
  'would it be possible to', 'is it possible to', 'would you mind', 'i think', 'i think we should', 'we should', 'we can', 'maybe', 'kindly', 'if possible', 'if you could', 'if you can', 'i would appreciate it if you could',
];

/** Letters and digits only, so punctuation, emoji and spacing around a request do not matter. */
function requestForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/ー+$/u, '');
}

const ASKING_FORMS = new Set(ASKING.map(requestForm));

/** A command's request words, the words around them, and the length of the longest of both. */
interface RequestWords {
  core: ReadonlySet<string>;
  around: ReadonlySet<string>;
  longest: number;
}

const requestWordsOf = new Map<BotCommand, RequestWords>();

/** A command's request words and the words that may surround them, in request form; built once per command. */
function requestWords(command: BotCommand): RequestWords {
  let words = requestWordsOf.get(command);
  if (!words) {
    const core = new Set((command.asks ?? []).map(requestForm));
    const around = new Set([...ASKING_FORMS, ...(command.about ?? []).map(requestForm)]);
    words = { core, around, longest: Math.max(0, ...[...core, ...around].map((w) => w.length)) };
    requestWordsOf.set(command, words);
  }
  return words;
}

function containsAny(text: string, words: Iterable<string>): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/**
 * Whether `form` is one of the command's request words with only ways of asking and what it is
 * about around it, read end to end (at least one request word, nothing unknown).
 */
function asksFor(command: BotCommand, form: string): boolean {
  const { core, around, longest } = requestWords(command);
  // Most messages contain none of the command's request words: nothing to read end to end.
  if (!containsAny(form, core)) return false;
  // reach[i]: 0 = not reachable, 1 = reachable without a request word yet, 2 = with one.
  const reach = new Uint8Array(form.length + 1);
  reach[0] = 1;
  for (let start = 0; start < form.length; start++) {
    if (!reach[start]) continue;
    // No word is longer than the longest: the pieces past it are none.
    for (let end = start + 1; end <= Math.min(form.length, start + longest); end++) {
      const piece = form.slice(start, end);
      if (core.has(piece)) reach[end] = 2;
      else if (around.has(piece)) reach[end] = Math.max(reach[end], reach[start]);
    }
  }
  return reach[form.length] === 2;
}

/** The command a message asks for in its own words (see BotCommand.asks); undefined when none, or more than one. */
function askedCommand(text: string): BotCommand | undefined {
  if (text.length > MAX_COMMAND_CHARS) return undefined;
  const form = requestForm(text);
  if (!form) return undefined;
  const asked = COMMANDS.filter((c) => asksFor(c, form));
  return asked.length === 1 ? asked[0] : undefined;
}

/** The command a whole message asks for, or undefined when it is not a command. */
export function findCommand(text: string): BotCommand | undefined {
  const t = normalizeInput(text);
  if (!t || t.length > MAX_COMMAND_CHARS) return undefined;
  const id = byPhrase.get(t);
  return id ? COMMANDS.find((c) => c.id === id) : askedCommand(t);
}

/** A navigation word typed as the whole message (back / restart / cancel / help, either language). */
export function matchCommand(text: string): NavigationCommand | undefined {
  const t = normalizeInput(text);
  if (!t || t.length > MAX_COMMAND_CHARS) return undefined;
  if (BACK_WORDS.includes(t)) return 'back';
  const id = byPhrase.get(t) ?? askedCommand(t)?.id;
  return id === 'restart' || id === 'cancel' || id === 'help' ? id : undefined;
}
