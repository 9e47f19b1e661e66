import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cardPlainText, cleanText, escapeMarkdown } from '../../src/bot/text-safety.js';

describe('bot: text safety', () => {
  it('fuzz: any text is kept out of Markdown, HTML, card functions and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        assert.ok(!escapeMarkdown(s).match(/(?<!\\)[[\]()<>]/));
        assert.ok(!cardPlainText(s).includes('{{'));
        assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(cleanText(s)));
      }),
      { numRuns: 300 },
    );
  });
});
