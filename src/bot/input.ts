import { TurnContext, type Activity } from 'botbuilder';
import { cleanText } from './text-safety.js';

/** Longest text the bot searches or walks with; longer messages are cut and the user told. */
export const MAX_QUESTION_CHARS = 2000;
/** Anything longer is not read at all (it is already far past MAX_QUESTION_CHARS). */
const MAX_READ_CHARS = 100_000;

/** What one user message means, whether typed or pressed on a card. */
export interface TurnInput {
  /** The text to act on (mention removed, cleaned, at most MAX_QUESTION_CHARS). */
  text: string;
  /** Option id when a card button for a troubleshooting option was pressed. */
  choice?: string;
  /** The walk step of the card that was pressed (absent for typed text). */
  step?: string;
  /** Length (code points) of the original text when it was cut. */
  truncatedFrom?: number;
  fromCard: boolean;
  /** How many files or images came with the message (Teams' HTML copy of the text not counted): the bot cannot read them. */
  attachments?: number;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * Reads a message activity: removes the bot's @mention (channels, group chats),
 * and turns a card submit (Action.Submit data or messageBack value with `text`
 * / `choice`) into the same input the typed text would give. Unknown or forged
 * values yield empty text, never an exception.
 */
export function readInput(activity: Partial<Activity>): TurnInput {
  let text = str(activity.text) ?? '';
  if (text && activity.recipient?.id && Array.isArray(activity.entities)) {
    try {
      text = TurnContext.removeMentionText({ ...activity, text } as Activity, activity.recipient.id) ?? text;
    } catch {
      // A malformed mention entity is not worth failing the turn: keep the text as is.
    }
  }
  // Teams leaves the <at>…</at> markup when the mention entity text differs; drop any left.
  text = text.replace(/<at>[^<]{0,200}<\/at>/gi, ' ');
  // Teams pads mentions with &nbsp; entities in the message text.
  text = text.replace(/&nbsp;/gi, ' ');

  let choice: string | undefined;
  let step: string | undefined;
  let fromCard = false;
  const value = activity.value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const inner = v.msteams && typeof v.msteams === 'object' ? ((v.msteams as Record<string, unknown>).value as Record<string, unknown> | undefined) : undefined;
    const src = inner && typeof inner === 'object' ? inner : v;
    const c = str(src.choice);
    const vt = str(src.text);
    const st = str(src.step);
    if (c !== undefined || vt !== undefined || st !== undefined) {
      fromCard = true;
      choice = c && c.length <= 200 ? c : undefined;
      step = st && st.length <= 200 ? st : undefined;
      if (!text.trim() && vt) text = vt;
    }
  }

  text = cleanText(text.length > MAX_READ_CHARS ? text.slice(0, MAX_READ_CHARS) : text, MAX_READ_CHARS)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  const files = userAttachments(activity.attachments);
  const extra = files ? { attachments: files } : {};
  const chars = Array.from(text);
  if (chars.length > MAX_QUESTION_CHARS) {
    return { text: chars.slice(0, MAX_QUESTION_CHARS).join(''), choice, step, truncatedFrom: chars.length, fromCard, ...extra };
  }
  return { text, choice, step, fromCard, ...extra };
}

/** Files and images the user sent; Teams also attaches the message's own text as text/html, which is no file. */
function userAttachments(attachments: unknown): number {
  if (!Array.isArray(attachments)) return 0;
  return attachments.filter((a) => a && typeof a === 'object' && !/^text\/html\b/i.test(String((a as { contentType?: unknown }).contentType ?? ''))).length;
}
