import type { Attachment } from 'botbuilder';
import type { Lang } from '../../content/types.js';
import { t } from '../language/strings.js';
import { adaptiveCard, heading, paragraph, submitButton } from './elements.js';
import { helpActions } from './help-card.js';

/** The card sent once when the bot itself is installed or added to a conversation. */
export function welcomeCard(lang: Lang): Attachment {
  const examples = t(lang, 'welcomeExamples').split('\n');
  const body = [
    heading(t(lang, 'welcomeTitle')),
    paragraph(t(lang, 'welcomeBody')),
    paragraph(t(lang, 'welcomeExamplesTitle'), { weight: 'Bolder', spacing: 'Medium' }),
  ];
  const actions = [...examples.map((q) => submitButton(q, { text: q })), ...helpActions(lang)];
  const fallback = [t(lang, 'welcomeTitle'), t(lang, 'welcomeBody'), `${t(lang, 'welcomeExamplesTitle')}:`, ...examples.map((q) => `- ${q}`)].join('\n');
  return adaptiveCard(body, actions, fallback);
}

