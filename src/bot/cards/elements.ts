import { CardFactory, type Attachment } from 'botbuilder';
import { cardPlainText } from '../text-safety.js';

/**
 * Small Adaptive Card building blocks. Version 1.4: rendered by Teams desktop,
 * web and mobile (1.5 features are not needed here).
 */
export const CARD_VERSION = '1.4';

export type CardElement = Record<string, unknown>;

/** What a card button sends back: handled exactly like the same text typed. */
export interface CardInput {
  /** Text to process as if typed (a command, a question). */
  text?: string;
  /** Id of an option of the current troubleshooting question. */
  choice?: string;
}

/** A whole card as an attachment; `fallbackText` is what text-only clients show. */
export function adaptiveCard(body: CardElement[], actions: CardElement[], fallbackText: string): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    fallbackText,
    body,
    ...(actions.length ? { actions } : {}),
  });
}

/** A heading. `text` must be bot-authored or already escaped (TextBlock renders Markdown). */
export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

/** Trusted (bot-authored or curated) Markdown paragraph. */
export function paragraph(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/**
 * Untrusted or verbatim text (user text, source quotes) as a RichTextBlock
 * TextRun: TextRuns do not render Markdown, so nothing in it becomes a link.
 */
export function plainRuns(text: string, extra: CardElement = {}, max = 2000): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: cardPlainText(text, max), ...extra }] };
}

/**
 * A button that sends `input` back. In Teams the messageBack form echoes the
 * label into the chat and delivers `text`/`value`; other clients send `data`.
 */
export function submitButton(title: string, input: CardInput): CardElement {
  return {
    type: 'Action.Submit',
    title,
    data: {
      ...input,
      msteams: { type: 'messageBack', displayText: title, text: input.text ?? '', value: input },
    },
  };
}

/** A button opening a web page (only https URLs from the knowledge base). */
export function openUrlButton(title: string, url: string): CardElement | undefined {
  return /^https:\/\/[^\s]+$/i.test(url) ? { type: 'Action.OpenUrl', title, url } : undefined;
}
