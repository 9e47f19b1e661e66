import type { Attachment } from 'botbuilder';
import type { Lang } from '../../content/types.js';
import type { NumberedCitation } from '../citations.js';
import { sourcesText } from '../citations.js';
import { t } from '../language/strings.js';
import { adaptiveCard, openUrlButton, paragraph, plainRuns, submitButton, type CardElement } from './elements.js';
import { helpActions } from './help-card.js';
import { clip } from '../text-safety.js';

/**
 * The card under a cited answer: each numbered source with its verbatim quote
 * (in quotation marks, original language) and a button to open it. The answer
 * text itself is the message text, where Teams renders the [n] citations.
 */
export function answerCard(citations: readonly NumberedCitation[], lang: Lang, notice?: string): Attachment {
  const body: CardElement[] = [];
  if (notice) body.push(paragraph(notice, { isSubtle: true, size: 'Small' }));
  body.push(paragraph(t(lang, 'answerSourcesTitle'), { weight: 'Bolder' }));
  for (const c of citations) {
    body.push({
      type: 'Container',
      spacing: 'Small',
      items: [
        plainRuns(`[${c.position}] “${clip(c.title, 120)}”`, { weight: 'Bolder' }),
        plainRuns(`“${clip(c.quote, 400)}”`, { italic: true }),
      ],
    });
  }
  const actions: CardElement[] = [];
  for (const c of citations.slice(0, 3)) {
    const b = openUrlButton(`${t(lang, 'buttonOpenSource')} [${c.position}]`, c.url);
    if (b) actions.push(b);
  }
  actions.push(...helpActions(lang));
  const fallback = [notice, sourcesText(citations, t(lang, 'answerSourcesTitle'))].filter(Boolean).join('\n');
  return adaptiveCard(body, actions, fallback);
}

/** The polite "no answer" card, with "did you mean" suggestions as buttons. */
export function declineCard(lang: Lang, suggestions: readonly string[], notice?: string): Attachment {
  const body: CardElement[] = [];
  if (notice) body.push(paragraph(notice, { isSubtle: true, size: 'Small' }));
  body.push(paragraph(t(lang, 'declineTitle'), { weight: 'Bolder' }), paragraph(t(lang, 'declineBody')));
  const picks = suggestions.slice(0, 4).map((s) => clip(s, 80));
  if (picks.length) body.push(paragraph(t(lang, 'declineSuggestions'), { spacing: 'Medium' }));
  const actions = [...picks.map((s) => submitButton(s, { text: s })), ...helpActions(lang)];
  const fallback = [
    notice,
    t(lang, 'declineTitle'),
    t(lang, 'declineBody'),
    ...(picks.length ? [t(lang, 'declineSuggestions'), ...picks.map((s) => `- ${s}`)] : []),
  ]
    .filter(Boolean)
    .join('\n');
  return adaptiveCard(body, actions, fallback);
}
