import type { Attachment } from 'botbuilder';
import type { Lang } from '../../content/types.js';
import { t } from '../language/strings.js';
import { adaptiveCard, paragraph, type CardElement } from './elements.js';
import { helpActions } from './help-card.js';
import { cardPlainText, cleanText } from '../text-safety.js';

/**
 * The polite "no answer" card. "Did you mean" suggestions are a list of wrapped
 * choices with one "Ask" button, so a long suggestion is never cut on a button;
 * the chosen one arrives as `text`, as if typed.
 */
export function declineCard(lang: Lang, suggestions: readonly string[], notice?: string): Attachment {
  const body: CardElement[] = [];
  if (notice) body.push(paragraph(notice, { isSubtle: true, size: 'Small' }));
  body.push(paragraph(t(lang, 'declineTitle'), { weight: 'Bolder' }), paragraph(t(lang, 'declineBody')));
  const picks = suggestions.slice(0, 4).map((s) => cleanText(s, 200).trim()).filter(Boolean);
  const actions: CardElement[] = [];
  if (picks.length) {
    body.push(paragraph(t(lang, 'declineSuggestions'), { spacing: 'Medium' }));
    body.push({
      type: 'Input.ChoiceSet',
      id: 'text',
      style: 'expanded',
      wrap: true,
      isRequired: true,
      errorMessage: t(lang, 'declineChooseOne'),
      choices: picks.map((s) => ({ title: cardPlainText(s), value: s })),
    });
    actions.push({ type: 'Action.Submit', title: t(lang, 'buttonAsk') });
  }
  actions.push(...helpActions(lang));
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
