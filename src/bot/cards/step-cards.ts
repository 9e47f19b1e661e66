import type { Attachment } from 'botbuilder';
import type { Lang } from '../../content/types.js';
import type { NumberedCitation } from '../citations.js';
import { sourcesText } from '../citations.js';
import { t } from '../language/strings.js';
import type { OutcomeView, QuestionView } from '../services.js';
import { adaptiveCard, heading, openUrlButton, paragraph, plainRuns, submitButton, type CardElement } from './elements.js';
import { clip } from '../text-safety.js';

/** "Back" (when there is a step to go back to) and "start over", sending what a user would type. */
function walkActions(canGoBack: boolean | undefined, lang: Lang): CardElement[] {
  const actions: CardElement[] = [];
  if (canGoBack) actions.push(submitButton(t(lang, 'buttonBack'), { text: lang === 'ja' ? '戻る' : 'back' }));
  actions.push(submitButton(t(lang, 'buttonRestart'), { text: lang === 'ja' ? 'やり直し' : 'restart' }));
  return actions;
}

/** A troubleshooting question with one button per option; text clients see numbered options. */
export function choiceCard(view: QuestionView, lang: Lang, notice?: string): Attachment {
  const body: CardElement[] = [];
  if (notice) body.push(paragraph(notice, { isSubtle: true, size: 'Small' }));
  const noteLines: string[] = [];
  for (const n of view.notes ?? []) {
    const src = n.citations.map((c) => `“${clip(c.title, 80)}”: “${clip(c.quote, 200)}”`);
    body.push(plainRuns(`${t(lang, 'answerNotesTitle')}: ${n.text}`, { isSubtle: false }));
    for (const line of src) body.push(plainRuns(line, { italic: true, isSubtle: true }));
    noteLines.push(`${t(lang, 'answerNotesTitle')}: ${n.text}`, ...src.map((l) => `    ${l}`));
  }
  body.push(plainRuns(view.text, { weight: 'Bolder' }));
  if (view.help) body.push(plainRuns(view.help, { isSubtle: true }));
  const actions = view.options.map((o) => submitButton(`${o.number}. ${clip(o.label, 60)}`, { choice: o.id, text: String(o.number) }));
  actions.push(...walkActions(view.canGoBack, lang));
  const fallback = [
    notice,
    ...noteLines,
    view.text,
    view.help,
    ...view.options.map((o) => `  ${o.number}. ${o.label}`),
    t(lang, 'walkReplyWithNumber'),
  ]
    .filter(Boolean)
    .join('\n');
  return adaptiveCard(body, actions, fallback);
}

/** The end of a walk: verdict, numbered steps, sources, copyable summary, "did this solve it?". */
export function outcomeCard(view: OutcomeView, citations: readonly NumberedCitation[], lang: Lang): Attachment {
  // The verdict is the message text (where Teams renders its [n] citations); the card holds the rest.
  const body: CardElement[] = [heading(t(lang, 'outcomeTitle'))];
  if (view.steps.length) {
    body.push(paragraph(t(lang, 'outcomeSteps'), { weight: 'Bolder', spacing: 'Medium' }));
    view.steps.forEach((s, i) => body.push(plainRuns(`${i + 1}. ${s}`)));
  }
  for (const n of view.notes) body.push(plainRuns(`${t(lang, 'answerNotesTitle')}: ${n.text}`));
  if (citations.length) {
    body.push(paragraph(t(lang, 'answerSourcesTitle'), { weight: 'Bolder', spacing: 'Medium' }));
    for (const c of citations) {
      body.push(plainRuns(`[${c.position}] “${clip(c.title, 120)}”`, { weight: 'Bolder' }));
      body.push(plainRuns(`“${clip(c.quote, 400)}”`, { italic: true }));
    }
  }
  if (view.summary) {
    body.push(paragraph(t(lang, 'outcomeSummary'), { weight: 'Bolder', spacing: 'Medium' }));
    // A read-only multiline input is the one card element Teams lets users select and copy as a whole.
    body.push({ type: 'Input.Text', id: 'summary', isMultiline: true, value: clip(view.summary, 2000), label: t(lang, 'outcomeSummary') });
  }
  const actions: CardElement[] = [];
  if (view.solvedOptions.length) {
    body.push(plainRuns(view.solvedQuestion || t(lang, 'outcomeSolved'), { weight: 'Bolder' }));
    actions.push(...view.solvedOptions.map((o) => submitButton(`${o.number}. ${o.label}`, { choice: o.id, text: String(o.number) })));
  }
  actions.push(...walkActions(view.canGoBack, lang));
  for (const c of citations.slice(0, 2)) {
    const b = openUrlButton(`${t(lang, 'buttonOpenSource')} [${c.position}]`, c.url);
    if (b) actions.push(b);
  }
  const fallback = [
    ...(view.steps.length ? [`${t(lang, 'outcomeSteps')}:`, ...view.steps.map((s, i) => `  ${i + 1}. ${s}`)] : []),
    ...view.notes.map((n) => `${t(lang, 'answerNotesTitle')}: ${n.text}`),
    sourcesText(citations, t(lang, 'answerSourcesTitle')),
    view.summary ? `${t(lang, 'outcomeSummary')}:\n${view.summary}` : '',
    ...(view.solvedOptions.length ? [view.solvedQuestion || t(lang, 'outcomeSolved'), ...view.solvedOptions.map((o) => `  ${o.number}. ${o.label}`)] : []),
  ]
    .filter(Boolean)
    .join('\n');
  return adaptiveCard(body, actions, fallback);
}
