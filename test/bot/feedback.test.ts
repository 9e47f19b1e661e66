import assert from 'node:assert/strict';
import { FeedbackLog } from '../../src/bot/feedback.js';
import { nullLogger } from '../../src/bot/services.js';
import { nullRecorder } from '../../src/core/events/index.js';

describe('bot: feedback', () => {
  it('feedback comments are parsed from Teams JSON strings; forged payloads are ignored', () => {
    const log = new FeedbackLog(nullRecorder, nullLogger);
    assert.equal(log.parse({ value: { actionName: 'other' } }), undefined);
    assert.equal(log.parse({ value: 'x' } as never), undefined);
    const rec = log.parse({ conversation: { id: 'c' } as never, value: { actionName: 'feedback', actionValue: { reaction: 'evil', feedback: 42 } } });
    assert.equal(rec?.reaction, null);
    assert.equal(rec?.comment, undefined);
  });
});
