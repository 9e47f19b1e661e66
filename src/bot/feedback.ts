import type { Activity } from 'botbuilder';
import type { EventRecorder } from '../core/events/index.js';
import { cleanText } from './text-safety.js';
import type { BotLogger } from './services.js';

/** One 👍/👎 as read from Teams' feedback invoke. */
export interface FeedbackRecord {
  time: string;
  kind: 'feedback';
  conversationId: string;
  /** Id of the bot message the user rated (Teams' replyToId). */
  messageId?: string;
  /** Id of the answer that message carried, as the bot sent it; null when the conversation's state does not know it. */
  answerId: string | null;
  reaction: 'like' | 'dislike' | null;
  comment?: string;
  /** The question that answer was given to. */
  question?: string;
}

/** How many of a conversation's latest answers a 👍/👎 can still be matched to. */
const KEPT_ANSWERS = 20;
const MAX_COMMENT = 2000;

/** An answer the bot sent in a conversation: what a 👍/👎 on that message rates. Kept in conversation state. */
export interface SentAnswer {
  /** The sent message's id, as the connector returned it. */
  messageId?: string;
  answerId: string;
  /** The question it answered; none for a walk outcome. */
  question?: string;
}

/**
 * What a 👍/👎 on a walk outcome names in place of an answer id: the tree and the outcome node,
 * as walk events name where a walk ended. Never a curated entry's id (those have no colon).
 */
export function outcomeAnswerId(tree: string, node: string): string {
  return `walk:${tree}/${node}`;
}

/** The conversation's kept answers with `sent` added, newest last, at most KEPT_ANSWERS. */
export function keepSentAnswers(kept: unknown, sent: readonly SentAnswer[]): SentAnswer[] {
  const valid = Array.isArray(kept) ? kept.filter((a): a is SentAnswer => typeof a?.answerId === 'string') : [];
  return [...valid, ...sent.map((a) => (a.question === undefined ? a : { ...a, question: a.question.slice(0, MAX_COMMENT) }))].slice(-KEPT_ANSWERS);
}

/**
 * Feedback on answers and walk outcomes. Both ask Teams for its feedback buttons with
 * `channelData.feedbackLoop: { type: 'default' }`; a press arrives as a
 * `message/submitAction` invoke with `value.actionName: 'feedback'` and
 * `value.actionValue: { reaction: 'like' | 'dislike', feedback: '{"feedbackText":"…"}' }`.
 * The invoke names only the rated message (replyToId), so the conversation's state
 * keeps which answer each of its latest sent messages carried (see SentAnswer), and
 * any instance sharing that state resolves the answer id from it; an invoke without
 * replyToId (the Agents Playground sends none) is taken to rate the conversation's
 * latest answer, since only answers and outcomes carry the buttons. An answer id in the invoke
 * itself is never trusted. Each feedback goes to the event log (see core/events).
 */
export class FeedbackLog {
  constructor(
    private readonly events: EventRecorder,
    private readonly logger: BotLogger,
  ) {}

  /** Parses a `message/submitAction` feedback invoke, given the conversation's kept answers; undefined when it is not one. */
  parse(activity: Partial<Activity>, kept: unknown = []): FeedbackRecord | undefined {
    const value = activity.value as { actionName?: unknown; actionValue?: { reaction?: unknown; feedback?: unknown } } | undefined;
    if (!value || typeof value !== 'object' || value.actionName !== 'feedback') return undefined;
    const av = value.actionValue && typeof value.actionValue === 'object' ? value.actionValue : {};
    const reaction = av.reaction === 'like' || av.reaction === 'dislike' ? av.reaction : null;
    const messageId = typeof activity.replyToId === 'string' && activity.replyToId ? activity.replyToId.slice(0, 200) : undefined;
    const conversationId = String(activity.conversation?.id ?? '').slice(0, 300);
    const answers = keepSentAnswers(kept, []);
    const sent = messageId ? answers.reverse().find((a) => a.messageId === messageId) : answers.at(-1);
    const comment = extractComment(av.feedback);
    return {
      time: new Date().toISOString(),
      kind: 'feedback',
      conversationId,
      messageId,
      answerId: sent?.answerId ?? null,
      reaction,
      ...(comment ? { comment } : {}),
      ...(sent?.question ? { question: sent.question } : {}),
    };
  }

  /** Records a feedback as an event (the event log drops empty ones). Never throws: feedback must not break a turn. */
  async record(rec: FeedbackRecord): Promise<void> {
    this.logger.info({ feedback: { answerId: rec.answerId, reaction: rec.reaction, comment: rec.comment ? `(${rec.comment.length} chars)` : undefined } }, 'feedback received');
    this.events.record({ kind: 'feedback', time: rec.time, reaction: rec.reaction, answerId: rec.answerId, ...(rec.comment ? { comment: rec.comment } : {}), ...(rec.question ? { question: rec.question } : {}) });
  }
}

/** Teams sends the comment as a JSON string {"feedbackText": "..."}; older clients send plain text. */
function extractComment(feedback: unknown): string | undefined {
  let text: unknown = feedback;
  if (typeof feedback === 'string') {
    try {
      const parsed = JSON.parse(feedback) as unknown;
      text = parsed && typeof parsed === 'object' ? (parsed as { feedbackText?: unknown }).feedbackText : parsed;
    } catch {
      text = feedback;
    }
  } else if (feedback && typeof feedback === 'object') {
    text = (feedback as { feedbackText?: unknown }).feedbackText;
  }
  if (typeof text !== 'string') return undefined;
  const c = cleanText(text, MAX_COMMENT).trim();
  return c || undefined;
}
