import assert from 'node:assert/strict';
import type { Attachment } from 'botbuilder';
import { helpCard } from '../../../src/bot/cards/help-card.js';
import { welcomeCard } from '../../../src/bot/cards/welcome-card.js';
import type { Lang } from '../../../src/content/types.js';
import { findCommand } from '../../../src/core/vocabulary.js';
import { sharedKnowledgeBase } from './shared.js';

/** The example questions a card offers: the texts its buttons send that are no command. */
export function exampleQuestions(card: Attachment): string[] {
  const texts: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'Action.Submit' && typeof (o.data as { text?: unknown })?.text === 'string') texts.push((o.data as { text: string }).text);
      Object.values(o).forEach(walk);
    }
  };
  walk(card.content);
  return [...new Set(texts)].filter((t) => t && !findCommand(t));
}

describe('the example questions of the welcome and help cards', function () {
  this.timeout(120000);
  for (const lang of ['ja', 'en'] as Lang[]) {
    it(`each get a curated answer at the top, in ${lang}, fitting the question's form`, async () => {
      const kb = await sharedKnowledgeBase();
      const examples = [...exampleQuestions(welcomeCard(lang)), ...exampleQuestions(helpCard(lang))];
      assert.ok(examples.length >= 3, 'the cards offer examples');
      for (const q of examples) {
        const r = kb.ask(q, { lang });
        assert.equal(r.answered, true, q);
        assert.equal(r.answers[0].kind, 'curated', `${q}: ${r.answers.map((a) => a.id)}`);
        assert.doesNotMatch(r.answers[0].text, /^(?:Yes|No)\b|^(?:はい|いいえ)。/, q);
      }
    });
  }
});
