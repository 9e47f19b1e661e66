import type { Attachment } from 'botbuilder';
import type { Lang } from '../../content/types.js';
import { t } from '../language/strings.js';
import { adaptiveCard, paragraph, submitButton, type CardElement } from './elements.js';
import { helpActions } from './help-card.js';
import { clip } from '../text-safety.js';

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
