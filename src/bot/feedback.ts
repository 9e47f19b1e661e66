import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Activity } from 'botbuilder';
import { cleanText } from './text-safety.js';
import type { BotLogger } from './services.js';

/** One 👍/👎 as written to the feedback log (one JSON object per line). */
export interface FeedbackRecord {
  time: string;
  kind: 'feedback';
  conversationId: string;
  /** Id of the bot message the user rated (Teams' replyToId). */
  messageId?: string;
  /** Id of the answer in that message (curated entry or passage id), when known. */
  answerId: string | null;
  reaction: 'like' | 'dislike' | null;
  comment?: string;
}

const MAX_REMEMBERED = 2000;
const MAX_COMMENT = 2000;

/**
 * Records feedback on answers. Teams' feedback invoke names only the rated
 * message (replyToId), so the bot remembers which answer each sent message
 * carried; the "answer" lines written here let an admin join the two even
 * across instances and restarts.
 */
export class FeedbackLog {
  private readonly answers = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly logger: BotLogger,
  ) {}

  /** Notes that message `messageId` carried answer `answerId`. */
  rememberAnswer(messageId: string | undefined, answerId: string, conversationId: string): void {
    if (!messageId) return;
    this.answers.set(messageId, answerId);
    if (this.answers.size > MAX_REMEMBERED) this.answers.delete(this.answers.keys().next().value!);
    void this.append({ time: new Date().toISOString(), kind: 'answer', conversationId, messageId, answerId });
  }

  /** Parses a `message/submitAction` feedback invoke; undefined when it is not one. */
  parse(activity: Partial<Activity>): FeedbackRecord | undefined {
    const value = activity.value as { actionName?: unknown; actionValue?: { reaction?: unknown; feedback?: unknown } } | undefined;
    if (!value || typeof value !== 'object' || value.actionName !== 'feedback') return undefined;
    const av = value.actionValue && typeof value.actionValue === 'object' ? value.actionValue : {};
    const reaction = av.reaction === 'like' || av.reaction === 'dislike' ? av.reaction : null;
    const messageId = typeof activity.replyToId === 'string' ? activity.replyToId.slice(0, 200) : undefined;
    const answerIdFromValue = (value as { answerId?: unknown }).answerId;
    const answerId =
      (messageId && this.answers.get(messageId)) || (typeof answerIdFromValue === 'string' ? answerIdFromValue.slice(0, 200) : null);
    const comment = extractComment(av.feedback);
    return {
      time: new Date().toISOString(),
      kind: 'feedback',
      conversationId: String(activity.conversation?.id ?? '').slice(0, 300),
      messageId,
      answerId,
      reaction,
      ...(comment ? { comment } : {}),
    };
  }

  /** Writes a record to the log file and the logger. Never throws: feedback must not break a turn. */
  async record(rec: FeedbackRecord): Promise<void> {
    this.logger.info({ feedback: { ...rec, comment: rec.comment ? `(${rec.comment.length} chars)` : undefined } }, 'feedback received');
    await this.append(rec);
  }

  /** Waits for pending writes (tests, shutdown). */
  flush(): Promise<void> {
    return this.queue;
  }

  private append(obj: object): Promise<void> {
    // Serialised so concurrent turns never interleave partial lines.
    this.queue = this.queue.then(async () => {
      try {
        await mkdir(dirname(this.path), { recursive: true });
        await appendFile(this.path, JSON.stringify(obj) + '\n', 'utf8');
      } catch (err) {
        this.logger.error({ err: (err as Error).message, path: this.path }, 'could not write the feedback log');
      }
    });
    return this.queue;
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
