import type { Attachment } from 'botbuilder';
import type { Lang } from '../../content/types.js';
import { t } from '../language/strings.js';
import { actionSets, adaptiveCard, heading, paragraph, submitButton, type CardElement } from './elements.js';
import { helpActions } from './help-card.js';

/** The example questions of the welcome card (also the manifest's prompt starters). */
export function welcomeExamples(lang: Lang): string[] {
  return t(lang, 'welcomeExamples').split('\n');
}

/** One language's part of the welcome: what the bot does, what to type, example questions as buttons. */
function welcomeSection(lang: Lang): { body: CardElement[]; fallback: string[] } {
  const examples = welcomeExamples(lang);
  const body: CardElement[] = [
    heading(t(lang, 'welcomeTitle')),
    paragraph(t(lang, 'welcomeBody')),
    paragraph(t(lang, 'welcomeExamplesTitle'), { weight: 'Bolder', spacing: 'Medium' }),
    ...actionSets([...examples.map((q) => submitButton(q, { text: q })), ...helpActions(lang)]),
    paragraph(t(lang, 'welcomeTyping'), { isSubtle: true, size: 'Small' }),
  ];
  const fallback = [t(lang, 'welcomeTitle'), t(lang, 'welcomeBody'), `${t(lang, 'welcomeExamplesTitle')}:`, ...examples.map((q) => `- ${q}`), t(lang, 'welcomeTyping')];
  return { body, fallback };
}

/** The card sent once when the bot itself is installed or added to a conversation. */
export function welcomeCard(lang: Lang): Attachment {
  const s = welcomeSection(lang);
  return adaptiveCard(s.body, [], s.fallback.join('\n'));
}

/** The welcome in both languages, Japanese first, for a client that did not say its language. */
export function bilingualWelcomeCard(): Attachment {
  const ja = welcomeSection('ja');
  const en = welcomeSection('en');
  const body = [...ja.body, { type: 'Container', separator: true, spacing: 'Large', items: en.body }];
  return adaptiveCard(body, [], [...ja.fallback, '', ...en.fallback].join('\n'));
}
