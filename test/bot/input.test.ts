import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_QUESTION_CHARS, readInput } from '../../src/bot/input.js';

describe('bot: reading a message', () => {
  it('fuzz: reading any activity value never throws, and text is capped', () => {
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.string(), fc.constant(undefined)), (value, text) => {
        const input = readInput({ type: 'message', text, value, recipient: { id: 'b', name: 'b' } } as never);
        assert.ok(Array.from(input.text).length <= MAX_QUESTION_CHARS);
      }),
      { numRuns: 300 },
    );
    const huge = readInput({ text: '😀'.repeat(100_000) } as never);
    assert.equal(Array.from(huge.text).length, MAX_QUESTION_CHARS);
    assert.ok(huge.truncatedFrom! > MAX_QUESTION_CHARS);
  });

  it('counts the files and images sent, not the HTML copy of the text Teams attaches', () => {
    const image = { contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' };
    const html = { contentType: 'text/html', content: '<p>見てください</p>' };
    assert.equal(readInput({ type: 'message', text: '見てください', attachments: [html, image] } as never).attachments, 1);
    assert.equal(readInput({ type: 'message', text: 'hi', attachments: [html] } as never).attachments, undefined);
    assert.equal(readInput({ type: 'message', attachments: 'nonsense' } as never).attachments, undefined);
  });
});
