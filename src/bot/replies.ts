import type { Activity } from 'botbuilder';
import type { Lang } from '../content/types.js';
import { deepFreeze } from '../core/deep-freeze.js';
import type { Answer } from '../core/search/types.js';
import { declineCard } from './cards/answer-card.js';
import { helpCard } from './cards/help-card.js';
import { choiceCard, outcomeCard } from './cards/step-cards.js';
import { bilingualWelcomeCard, welcomeCard } from './cards/welcome-card.js';
import { CitationList, citationEntity, sourcesText, type NumberedCitation } from './citations.js';
import { outcomeAnswerId } from './feedback.js';
import { t } from './language/strings.js';
import type { OutcomeView, StepView } from './services.js';

/**
 * Whole reply activities. Each has a complete text form: `text` plus every
 * card's `fallbackText` together say everything the cards show, so the
 * terminal chat and text-only clients lose nothing.
 */
export type Reply = Partial<Activity> & {
  /** Bookkeeping for feedback: the answer (or walk outcome, see outcomeAnswerId) this reply carries. Never sent. */
  answerId?: string;
  /** False for a rated reply that answers no question (a walk outcome): its 👍/👎 is recorded without one. Never sent. */
  answersQuestion?: false;
  /** The sources as text, added to `text` on channels that do not render citations. Never sent as such. */
  sourcesText?: string;
};

/** Channels that render the citation entity (Teams, and the Agents Playground emulating it). */
const CITING_CHANNELS = new Set(['msteams']);

/**
 * The activity to send for a reply on `channelId`: internal fields removed, and the
 * sources written into the text where the channel shows no citation pop-ups.
 */
export function toActivity(reply: Reply, channelId: string | undefined): Partial<Activity> {
  const { answerId: _answerId, answersQuestion: _answersQuestion, sourcesText: sources, ...activity } = reply;
  if (sources && !CITING_CHANNELS.has(channelId ?? '')) activity.text = [activity.text, sources].filter(Boolean).join('\n\n');
  return activity;
}

export function textReply(text: string): Reply {
  return { type: 'message', text, textFormat: 'markdown' };
}

/** The welcome in `lang`, or in both languages when the client did not say which. */
export function welcomeReply(lang: Lang | undefined): Reply {
  return { type: 'message', attachments: [lang ? welcomeCard(lang) : bilingualWelcomeCard()] };
}

export function helpReply(lang: Lang): Reply {
  return { type: 'message', attachments: [helpCard(lang)] };
}

/**
 * Built answer replies by answer object and language. The knowledge base hands out the
 * same frozen Answer for a repeated question, so its reply is built once; each send
 * gets its own shallow copy (botbuilder and the outbox set fields on the top level only).
 * An answer that is not frozen did not come from the answer cache and will not come again.
 */
const builtAnswers = new WeakMap<Answer, Partial<Record<Lang, Reply>>>();

/**
 * A cited answer as one message: the text with [n] markers (notes with their own),
 * the citation entity Teams renders as pop-ups, Teams' feedback buttons, and the
 * sources as text for channels without citations.
 */
export function answerReply(answer: Answer, lang: Lang, notice?: string): Reply {
  if (notice || !Object.isFrozen(answer)) return buildAnswerReply(answer, lang, notice);
  let byLang = builtAnswers.get(answer);
  if (!byLang) builtAnswers.set(answer, (byLang = {}));
  const reply = (byLang[lang] ??= deepFreeze(buildAnswerReply(answer, lang)));
  return { ...reply };
}

/** A list item as the documents and curated answers write one: "- ", "* ", 「・」, "•", "1." or "1)". */
const LIST_ITEM = /^[ \t]*(?:[-*][ \t]+|[・•][ \t]*|\d{1,2}[.)][ \t]+)/u;

/**
 * A passage's or curated answer's text as Markdown that reads as written: each line its own
 * paragraph (a single line break would join them into one run-on paragraph), list items as a
 * Markdown list set off from the text around it, the documents' 「・」 and "•" bullets as "- ".
 */
export function asMarkdownBlocks(text: string): string {
  const out: string[] = [];
  let inList = false;
  for (const raw of text.trim().split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      inList = false;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const bullet = /^\s*\d/.test(item[0]) ? item[0].trim().replace(')', '.') : '-';
      out.push(`${inList ? '\n' : '\n\n'}${bullet} ${line.slice(item[0].length)}`);
      inList = true;
    } else {
      out.push(`\n\n${line.trim()}`);
      inList = false;
    }
  }
  return out.join('').trim();
}

/**
 * The text with its [n] markers: at its end, or, when it ends with a list, after the paragraph
 * leading into its first list (Teams renders markers inside a list item as plain text, not as
 * citations), or on their own after a text that is a list only.
 */
function withMarkers(markdown: string, markers: string): string {
  if (!markers) return markdown;
  const blocks = markdown.split('\n\n');
  const last = blocks.length - 1;
  const at = LIST_ITEM.test(blocks[last]) ? blocks.findIndex((b) => LIST_ITEM.test(b)) - 1 : last;
  if (at < 0) return `${markdown}\n\n${markers}`;
  blocks[at] = `${blocks[at]} ${markers}`;
  return blocks.join('\n\n');
}

function buildAnswerReply(answer: Answer, lang: Lang, notice?: string): Reply {
  const list = new CitationList();
  const parts = [withMarkers(asMarkdownBlocks(answer.text), list.add(answer.citations))];
  for (const note of answer.notes ?? []) {
    parts.push(`**${t(lang, 'answerNotesTitle')}:** ${note.text.trim()} ${list.add(note.citations)}`.trim());
  }
  if (notice) parts.push(`_${notice}_`);
  return {
    type: 'message',
    text: parts.join('\n\n'),
    textFormat: 'markdown',
    ...citing(list.items, lang),
    channelData: { feedbackLoop: { type: 'default' } },
    answerId: answer.id,
  };
}

/**
 * The sources of an answer already given, written into the text on every channel (they were
 * asked for): each page with its link and the passages quoted from it.
 */
export function sourcesReply(answer: Answer, lang: Lang, lead: string): Reply {
  const list = new CitationList();
  list.add(answer.citations);
  for (const note of answer.notes ?? []) list.add(note.citations);
  return { type: 'message', text: [lead, sourcesText(list.items, t(lang, 'answerSourcesTitle'), lang)].filter(Boolean).join('\n\n'), textFormat: 'markdown' };
}

/** The citation entity and the text form of the sources, when there are any. */
function citing(citations: readonly NumberedCitation[], lang: Lang): Pick<Reply, 'entities' | 'sourcesText'> {
  if (!citations.length) return {};
  return {
    entities: [citationEntity(citations)] as Activity['entities'],
    sourcesText: sourcesText(citations, t(lang, 'answerSourcesTitle'), lang),
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

/**
 * The end of a branch: the verdict with its markers as the text, the card with the steps, and
 * Teams' feedback buttons, since the diagnosis is an answer too; its 👍/👎 names the outcome.
 */
function outcomeReply(view: OutcomeView, lang: Lang, notice?: string): Reply {
  const list = new CitationList();
  const markers = list.add(view.citations);
  const noteMarkers = view.notes.map((n) => list.add(n.citations));
  const text = [notice, `**${view.verdict.trim()}** ${markers}`.trim()].filter(Boolean).join('\n\n');
  return {
    type: 'message',
    text,
    textFormat: 'markdown',
    attachments: [outcomeCard(view, list.items, noteMarkers, lang)],
    ...(list.items.length ? { entities: [citationEntity(list.items)] as Activity['entities'] } : {}),
    ...(view.tree && view.step ? { channelData: { feedbackLoop: { type: 'default' } }, answerId: outcomeAnswerId(view.tree, view.step), answersQuestion: false as const } : {}),
  };
}
