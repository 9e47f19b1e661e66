import type { Lang } from '../content/types.js';
import { normalizeInput } from '../core/troubleshoot/index.js';

/**
 * The bot's commands. One list serves three readers: the help card, the command
 * parser (every `match` phrase, compared after normalisation) and the Teams app
 * manifest's `commandLists` (the manifest engineer copies `title`/`description`
 * per language; Teams limits title to 32 and description to 128 characters).
 */
export interface BotCommand {
  id: 'help' | 'troubleshoot' | 'english' | 'japanese' | 'restart' | 'cancel';
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  /** Phrases that trigger the command (lower-case; matched as the whole message). */
  match: readonly string[];
}

export const COMMANDS: readonly BotCommand[] = [
  {
    id: 'help',
    title: { en: 'help', ja: 'ヘルプ' },
    description: {
      en: 'Show what I can do and how to ask',
      ja: 'できることと質問のしかたを表示します',
    },
    match: ['help', '/help', '?', 'ヘルプ', 'へるぷ', '使い方', 'つかいかた'],
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
    match: ['restart', 'reset', 'start over', 'やり直し', 'やりなおし', 'リセット', '最初から', 'はじめから', '最初からやり直す'],
  },
  {
    id: 'cancel',
    title: { en: 'cancel', ja: 'キャンセル' },
    description: { en: 'Stop the current diagnosis', ja: '進行中の診断を中止します' },
    match: ['cancel', 'stop', 'quit', 'キャンセル', '中止', 'やめる', '診断をやめる'],
  },
];

/** The command a whole message asks for, or undefined when it is not a command. */
export function findCommand(text: string): BotCommand | undefined {
  const t = normalizeInput(text);
  if (!t || t.length > 40) return undefined;
  return COMMANDS.find((c) => c.match.includes(t));
}
