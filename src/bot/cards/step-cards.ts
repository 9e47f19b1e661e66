import type { Attachment } from 'botbuilder';
import type { Lang } from '../../content/types.js';
import type { NumberedCitation } from '../citations.js';
import { quoteEnglishLine, sourcesByUrl, sourcesText } from '../citations.js';
import { t } from '../language/strings.js';
import type { OutcomeView, QuestionView } from '../services.js';
import { adaptiveCard, paragraph, plainRuns, submitButton, type CardElement } from './elements.js';
import { clip, escapeMarkdown } from '../text-safety.js';

/** Id of the choice input on a question card; its value arrives as `choice`. */
const CHOICE_INPUT = 'choice';

/**
 * "Back" (when there is a step to go back to) and "Start over". Back carries the
 * step it was shown for: on an older card it must not move the current walk.
 */
function walkActions(canGoBack: boolean | undefined, lang: Lang, step: string | undefined): CardElement[] {
  const actions: CardElement[] = [];
  if (canGoBack) actions.push(submitButton(t(lang, 'buttonBack'), { text: lang === 'ja' ? '戻る' : 'back', step }));
  actions.push(submitButton(t(lang, 'buttonRestart'), { text: lang === 'ja' ? 'やり直し' : 'restart' }));
  return actions;
}

/** Notes shown with a step, each with its sources quoted; the same lines for text clients. */
function noteBlocks(notes: QuestionView['notes'], lang: Lang): { body: CardElement[]; lines: string[] } {
  const body: CardElement[] = [];
  const lines: string[] = [];
  for (const n of notes ?? []) {
    const src = n.citations.map((c) => [`“${clip(c.title, 80)}” ${c.url}: “${clip(c.quote, 200)}”`, quoteEnglishLine(c, lang)].filter(Boolean).join(' '));
    body.push(plainRuns(`${t(lang, 'answerNotesTitle')}: ${n.text}`));
    for (const line of src) body.push(plainRuns(line, { italic: true, isSubtle: true }));
    lines.push(`${t(lang, 'answerNotesTitle')}: ${n.text}`, ...src.map((l) => `  ${l}`));
  }
  return { body, lines };
}

/**
 * A troubleshooting question. Every option is a radio button with its whole
 * label wrapped (no label is cut, none hides behind an overflow menu, however
 * many options there are), answered with one "Answer" button that carries the
 * step. Text clients see the numbered options.
 */
export function choiceCard(view: QuestionView, lang: Lang, notice?: string): Attachment {
  const body: CardElement[] = [];
  if (notice) body.push(paragraph(notice, { isSubtle: true, size: 'Small' }));
  const notes = noteBlocks(view.notes, lang);
  body.push(...notes.body);
  body.push(plainRuns(view.text, { weight: 'Bolder' }));
  if (view.help) body.push(plainRuns(view.help, { isSubtle: true }));
  body.push({
    type: 'Input.ChoiceSet',
    id: CHOICE_INPUT,
    style: 'expanded',
    wrap: true,
    isRequired: true,
    errorMessage: t(lang, 'walkChooseOne'),
    choices: view.options.map((o) => ({ title: `${o.number}. ${o.label}`, value: o.id })),
  });
  const actions = [submitButton(t(lang, 'buttonAnswer'), { step: view.step }), ...walkActions(view.canGoBack, lang, view.step)];
  const fallback = [
    notice,
    ...notes.lines,
    view.text,
    view.help,
    ...view.options.map((o) => `  ${o.number}. ${o.label}`),
    t(lang, 'walkReplyWithNumber'),
  ]
    .filter(Boolean)
    .join('\n');
  return adaptiveCard(body, actions, fallback);
}

/**
 * The end of a walk. The verdict with its [n] markers is the message text (where
 * Teams renders citations); the card holds the steps, notes, sources, the summary
 * to copy and "did this solve it?".
 */
export function outcomeCard(view: OutcomeView, citations: readonly NumberedCitation[], noteMarkers: readonly string[], lang: Lang): Attachment {
  const body: CardElement[] = [];
  if (view.steps.length) {
    body.push(paragraph(t(lang, 'outcomeSteps'), { weight: 'Bolder' }));
    view.steps.forEach((s, i) => body.push(plainRuns(`${i + 1}. ${s}`)));
  }
  const notes = view.notes.map((n, i) => `${t(lang, 'answerNotesTitle')}: ${n.text} ${noteMarkers[i] ?? ''}`.trim());
  for (const n of notes) body.push(plainRuns(n, { spacing: 'Medium' }));
  if (citations.length) {
    body.push(paragraph(t(lang, 'answerSourcesTitle'), { weight: 'Bolder', spacing: 'Medium' }));
    // One entry per page (its title a link, so no button label is ever cut), then the quotes taken from it.
    for (const g of sourcesByUrl(citations)) {
      const title = `“${clip(g.title, 120)}”`;
      body.push(/^https:\/\/[^\s()<>]+$/i.test(g.url) ? paragraph(`[${escapeMarkdown(title)}](${g.url})`, { weight: 'Bolder' }) : plainRuns(title, { weight: 'Bolder' }));
      for (const c of g.items) {
        body.push(plainRuns(`[${c.position}] “${clip(c.quote, 400)}”`, { italic: true }));
        const english = quoteEnglishLine(c, lang);
        if (english) body.push(plainRuns(english, { isSubtle: true }, 600));
      }
    }
  }
  if (view.summary) {
    // A read-only multiline input is the one card element Teams lets users select and copy as a whole;
    // its label is the heading, so the heading appears once.
    body.push({
      type: 'Input.Text',
      id: 'summary',
      isMultiline: true,
      value: view.summary.slice(0, 2000),
      label: t(lang, 'outcomeSummary'),
      spacing: 'Medium',
    });
  }
  const actions: CardElement[] = [];
  if (view.solvedOptions.length) {
    body.push(plainRuns(view.solvedQuestion || t(lang, 'outcomeSolved'), { weight: 'Bolder', spacing: 'Medium' }));
    actions.push(...view.solvedOptions.map((o) => submitButton(o.label, { choice: o.id, step: view.step })));
  }
  actions.push(...walkActions(view.canGoBack, lang, view.step));
  const fallback = [
    ...(view.steps.length ? [`${t(lang, 'outcomeSteps')}:`, ...view.steps.map((s, i) => `  ${i + 1}. ${s}`)] : []),
    ...notes,
    sourcesText(citations, t(lang, 'answerSourcesTitle'), lang),
    view.summary ? `${t(lang, 'outcomeSummary')}:\n${view.summary}` : '',
    ...(view.solvedOptions.length ? [view.solvedQuestion || t(lang, 'outcomeSolved'), ...view.solvedOptions.map((o) => `  ${o.number}. ${o.label}`)] : []),
  ]
    .filter(Boolean)
    .join('\n');
  return adaptiveCard(body, actions, fallback);
}
