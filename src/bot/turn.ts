import type { TurnContext } from 'botbuilder';
import type { Lang } from '../content/types.js';
import type { BotEvent } from '../core/events/index.js';
import type { SentAnswer } from './feedback.js';
import type { TurnInput } from './input.js';
import type { Reply } from './replies.js';

/** What the bot keeps per conversation: plain JSON, so any Storage round-trips it. */
export interface ConversationData {
  /** The position of the walk in progress (the walker's own JSON); absent when there is none. */
  walk?: unknown;
  /** The language the bot last replied in: kept for messages with no language of their own (a button, a number). */
  lang?: Lang;
  /** The language of the user's last message that had one of its own: a walk's language turns only after two in a row in the other. */
  heard?: Lang;
  /** The latest answers sent here, newest last: what a 👍/👎 rates, on whichever instance it arrives. */
  answers?: SentAnswer[];
  /** What the last answered question was about, in its language: a follow-up ("what about MFA?") is asked with it. */
  topic?: { lang: Lang; words: string[] };
  /** Ids of the latest messages handled here, newest last: a message Teams delivers again is not applied twice. */
  handled?: string[];
}

/** What the bot keeps per user, across conversations. */
export interface UserData {
  /** Language pinned with "English please" / "日本語で". */
  lang?: Lang;
}

/**
 * One message turn: what the user said, the reply language, the state the
 * steps read and change, and the replies they add. Nothing is sent while the
 * turn runs; the replies go out after the state is saved.
 */
export interface Turn {
  readonly context: TurnContext;
  readonly input: TurnInput;
  lang: Lang;
  conversation: ConversationData;
  user: UserData;
  readonly replies: Reply[];
  /** What the knowledge owners learn from this turn (see core/events), recorded once the replies are delivered. */
  readonly events: BotEvent[];
}

const TURN_KEY = Symbol('pa-bot.turn');

export function setTurn(context: TurnContext, turn: Turn): void {
  context.turnState.set(TURN_KEY, turn);
}

/** The message turn running on this context, if any (the error reply uses its language). */
export function turnOf(context: TurnContext): Turn | undefined {
  return context.turnState.get(TURN_KEY) as Turn | undefined;
}

/** Ids for log lines: enough to find the conversation, never the message text. */
export function logIds(context: TurnContext): Record<string, string | undefined> {
  const a = context.activity;
  return { activityId: a?.id, conversationId: a?.conversation?.id, channelId: a?.channelId, type: a?.type };
}
