/**
 * Personal data out of events before they are written: e-mail addresses and UPNs,
 * GUIDs (object, tenant, correlation ids), long hex ids and anything token-shaped
 * (JWTs, bearer tokens, keys). With question text turned off, events keep only
 * hashes, never text.
 */
import { createHash } from 'node:crypto';
import type { BotEvent } from './types.js';

export interface RedactionPolicy {
  /** False: no question or comment text is kept, only hashes and counts. */
  keepText: boolean;
}

const RULES: [RegExp, string][] = [
  // JWTs first: their dots would otherwise look like parts of an address.
  [/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, '[token]'],
  [/\b(bearer|basic)\s+[\w.~+/=-]{8,}/gi, '$1 [token]'],
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, '[email]'],
  [/\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b/gi, '[guid]'],
  [/\b[0-9a-f]{16,}\b/gi, '[id]'],
  // Long runs mixing letters and digits (keys, secrets, SAS signatures); plain words and error codes stay.
  [/(?<![\w-])(?=[\w+/=-]{20,})(?=[\w+/=-]*\d)(?=[\w+/=-]*[a-z])(?=[\w+/=-]*[A-Z])[\w+/=-]+/g, '[token]'],
];

/** The text with personal data and secrets replaced by placeholders. */
export function redactText(text: string): string {
  let out = text;
  for (const [re, to] of RULES) out = out.replace(re, to);
  return out;
}

/** A short stable hash of a question, after NFKC, case and whitespace folding, so repeats count as one. */
export function questionHash(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(redactText(folded)).digest('hex').slice(0, 16);
}

/** The event as it may be written: text redacted, or dropped when the policy keeps none. */
export function redactEvent(event: BotEvent, policy: RedactionPolicy): BotEvent {
  switch (event.kind) {
    case 'question': {
      const { text, suggestions, ...rest } = event;
      return {
        ...rest,
        ...(policy.keepText && text ? { text: redactText(text) } : {}),
        ...(policy.keepText && suggestions?.length ? { suggestions } : {}),
      };
    }
    case 'feedback': {
      const { comment, question, ...rest } = event;
      return {
        ...rest,
        ...(policy.keepText && comment ? { comment: redactText(comment) } : {}),
        ...(policy.keepText && question ? { question: redactText(question) } : {}),
      };
    }
    case 'walk':
      return event;
  }
}

/** True when a record carries nothing worth keeping (e.g. a feedback invoke with no reaction and no comment). */
export function isEmptyEvent(event: BotEvent): boolean {
  return event.kind === 'feedback' && !event.reaction && !event.comment;
}
