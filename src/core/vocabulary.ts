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
}

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
  },
  {
    id: 'troubleshoot',
    title: { en: 'troubleshoot', ja: '診断' },
    description: {
      en: 'Step-by-step diagnosis of an invalid connection in a flow',
      ja: 'フローの「無効な接続」を質問に答えながら診断します',
    },
    match: ['troubleshoot', 'diagnose', 'start troubleshooting', '診断', 'トラブルシューティング', 'トラブルシュート', '診断開始'],
  },
  {
    id: 'english',
    title: { en: 'English', ja: '英語で' },
    description: { en: 'Always reply in English', ja: '常に英語で返信します' },
    match: ['english', 'english please', 'in english', 'reply in english', '英語で', '英語でお願いします', '英語'],
  },
  {
    id: 'japanese',
    title: { en: 'Japanese', ja: '日本語で' },
    description: { en: 'Always reply in Japanese', ja: '常に日本語で返信します' },
    match: ['japanese', 'japanese please', 'in japanese', 'nihongo', '日本語で', '日本語でお願いします', '日本語'],
  },
  {
    id: 'restart',
    title: { en: 'restart', ja: 'やり直し' },
    description: {
      en: 'Start the current diagnosis over from the first question',
      ja: '進行中の診断を最初の質問からやり直します',
    },
    match: ['restart', 'reset', 'start over', 'やり直し', 'やりなおし', 'リセット', '最初から', 'はじめから', '初めから', '最初からやり直す'],
  },
  {
    id: 'cancel',
    title: { en: 'cancel', ja: 'キャンセル' },
    description: { en: 'Stop the current diagnosis', ja: '進行中の診断を中止します' },
    match: ['cancel', 'stop', 'quit', 'exit', 'end', 'キャンセル', '中止', 'やめる', '終了', '診断をやめる'],
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
const MAX_COMMAND_CHARS = 40;

const byPhrase = new Map<string, CommandId>(COMMANDS.flatMap((c) => c.match.map((m) => [m, c.id] as const)));

/** The command a whole message asks for, or undefined when it is not a command. */
export function findCommand(text: string): BotCommand | undefined {
  const t = normalizeInput(text);
  if (!t || t.length > MAX_COMMAND_CHARS) return undefined;
  const id = byPhrase.get(t);
  return id && COMMANDS.find((c) => c.id === id);
}

/** A navigation word typed as the whole message (back / restart / cancel / help, either language). */
export function matchCommand(text: string): NavigationCommand | undefined {
  const t = normalizeInput(text);
  if (!t || t.length > MAX_COMMAND_CHARS) return undefined;
  if (BACK_WORDS.includes(t)) return 'back';
  const id = byPhrase.get(t);
  return id === 'restart' || id === 'cancel' || id === 'help' ? id : undefined;
}
