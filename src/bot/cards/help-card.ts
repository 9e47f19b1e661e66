import type { Attachment } from 'botbuilder';
import type { Lang } from '../../content/types.js';
import { COMMANDS } from '../../core/vocabulary.js';
import { t } from '../language/strings.js';
import { adaptiveCard, heading, paragraph, submitButton, type CardElement } from './elements.js';

/** The two buttons most cards end with: start a diagnosis, show help. */
export function helpActions(lang: Lang): CardElement[] {
  return [
    submitButton(t(lang, 'buttonTroubleshoot'), { text: COMMANDS.find((c) => c.id === 'troubleshoot')!.title[lang] }),
  ];
}

/** The help card: what the bot does and every command, in one language. */
export function helpCard(lang: Lang): Attachment {
  const facts = COMMANDS.map((c) => ({ title: c.title[lang], value: c.description[lang] }));
  const body: CardElement[] = [
    heading(t(lang, 'helpTitle')),
    paragraph(t(lang, 'helpBody')),
    { type: 'FactSet', facts },
    paragraph(t(lang, 'helpLanguage'), { isSubtle: true, spacing: 'Medium' }),
  ];
  const fallback = [t(lang, 'helpTitle'), t(lang, 'helpBody'), ...facts.map((f) => `- ${f.title}: ${f.value}`), t(lang, 'helpLanguage')].join('\n');
  return adaptiveCard(body, helpActions(lang), fallback);
}
