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
});
