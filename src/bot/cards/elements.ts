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
  /** Id of an option of the current troubleshooting step. */
  choice?: string;
  /** The walk step the card was shown for, so a press on an older card is recognised. */
  step?: string;
}

/** Most actions Teams shows in one set before it moves the rest behind "…". */
export const MAX_ACTIONS_PER_SET = 6;

/** A whole card as an attachment; `fallbackText` is what text-only clients show. */
export function adaptiveCard(body: CardElement[], actions: CardElement[], fallbackText: string): Attachment {
  // More actions than Teams shows in one row go into the body as several sets instead.
  const split = actions.length > MAX_ACTIONS_PER_SET;
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    fallbackText,
    body: split ? [...body, ...actionSets(actions)] : body,
    ...(actions.length && !split ? { actions } : {}),
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
 * A button that sends `input` back as plain Action.Submit data. Plain data works
 * in every Teams client and in the Agents Playground (which fails on the
 * `msteams` messageBack form); the bot reads it from the message's `value`.
 */
export function submitButton(title: string, input: CardInput): CardElement {
  return { type: 'Action.Submit', title, data: { ...input } };
}

/** Buttons in the card body, at most MAX_ACTIONS_PER_SET per set so Teams never hides one behind "…". */
export function actionSets(actions: CardElement[], extra: CardElement = {}): CardElement[] {
  const sets: CardElement[] = [];
  for (let i = 0; i < actions.length; i += MAX_ACTIONS_PER_SET) {
    sets.push({ type: 'ActionSet', actions: actions.slice(i, i + MAX_ACTIONS_PER_SET), ...extra });
  }
  return sets;
}
