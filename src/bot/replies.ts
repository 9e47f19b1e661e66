import type { Activity } from 'botbuilder';
import type { Lang } from '../content/types.js';
import { deepFreeze } from '../core/deep-freeze.js';
import type { Answer } from '../core/search/types.js';
import { answerCard, declineCard } from './cards/answer-card.js';
import { helpCard } from './cards/help-card.js';
import { choiceCard, outcomeCard } from './cards/step-cards.js';
import { welcomeCard } from './cards/welcome-card.js';
import { CitationList, citationEntity } from './citations.js';
import { t } from './language/strings.js';
import type { OutcomeView, StepView } from './services.js';

/**
 * Whole reply activities. Each has a complete text form: `text` plus every
 * card's `fallbackText` together say everything the cards show, so the
 * terminal chat and text-only clients lose nothing.
 */
export type Reply = Partial<Activity> & { answerId?: string };

export function textReply(text: string): Reply {
  return { type: 'message', text, textFormat: 'markdown' };
}

export function welcomeReply(lang: Lang): Reply {
  return { type: 'message', attachments: [welcomeCard(lang)] };
}

export function helpReply(lang: Lang): Reply {
  return { type: 'message', attachments: [helpCard(lang)] };
}

/**
 * Built answer replies by answer object and language. The knowledge base hands out the
 * same frozen Answer for a repeated question, so its cards are built once; each send
 * gets its own shallow copy (botbuilder and the outbox set fields on the top level only).
 * An answer that is not frozen did not come from the answer cache and will not come again.
 */
const builtAnswers = new WeakMap<Answer, Partial<Record<Lang, Reply>>>();

/**
 * A cited answer: text with [n] markers, the schema.org citation entity Teams
 * renders, feedback buttons, and a card with the quoted sources.
 */
export function answerReply(answer: Answer, lang: Lang, notice?: string): Reply {
  if (notice || !Object.isFrozen(answer)) return buildAnswerReply(answer, lang, notice);
  let byLang = builtAnswers.get(answer);
  if (!byLang) builtAnswers.set(answer, (byLang = {}));
  const reply = (byLang[lang] ??= deepFreeze(buildAnswerReply(answer, lang)));
  return { ...reply };
}

function buildAnswerReply(answer: Answer, lang: Lang, notice?: string): Reply {
  const list = new CitationList();
  const parts = [`${answer.text.trim()} ${list.add(answer.citations)}`.trim()];
  for (const note of answer.notes ?? []) {
    parts.push(`${t(lang, 'answerNotesTitle')}: ${note.text.trim()} ${list.add(note.citations)}`.trim());
  }
  return {
    type: 'message',
    text: parts.join('\n\n'),
    textFormat: 'markdown',
    attachments: [answerCard(list.items, lang, notice)],
    entities: [citationEntity(list.items)] as Activity['entities'],
    channelData: { feedbackLoopEnabled: true },
    answerId: answer.id,
  };
}

export function declineReply(lang: Lang, suggestions: readonly string[], notice?: string): Reply {
  return { type: 'message', attachments: [declineCard(lang, suggestions, notice)] };
}

/** A troubleshooting step: a choice card for a question, a cited outcome for the end. */
export function stepReply(view: StepView, lang: Lang, notice?: string): Reply {
  if (view.kind === 'question') return { type: 'message', attachments: [choiceCard(view, lang, notice)] };
  return outcomeReply(view, lang, notice);
}

function outcomeReply(view: OutcomeView, lang: Lang, notice?: string): Reply {
  const list = new CitationList();
  const markers = list.add(view.citations);
  for (const n of view.notes) list.add(n.citations);
  const text = [notice, `**${t(lang, 'outcomeTitle')}:** ${view.verdict.trim()} ${markers}`.trim()].filter(Boolean).join('\n\n');
  return {
    type: 'message',
    text,
    textFormat: 'markdown',
    attachments: [outcomeCard(view, list.items, lang)],
    entities: [citationEntity(list.items)] as Activity['entities'],
  };
}
