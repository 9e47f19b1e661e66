import assert from 'node:assert/strict';
import { FeedbackLog, keepSentAnswers } from '../../src/bot/feedback.js';
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

describe('bot: the answers a conversation keeps for feedback', () => {
  const answer = (n: number) => ({ messageId: `m${n}`, answerId: `a${n}`, question: `q${n}` });

  it('keeps the latest 20, newest last, and drops entries that are not answers', () => {
    let kept = keepSentAnswers(undefined, [answer(0)]);
    for (let n = 1; n < 25; n++) kept = keepSentAnswers(kept, [answer(n)]);
    assert.equal(kept.length, 20);
    assert.deepEqual(kept[0], answer(5));
    assert.deepEqual(kept.at(-1), answer(24));
    assert.deepEqual(keepSentAnswers([null, 'x', { answerId: 7 }, answer(1)], []), [answer(1)]);
  });

  it('an invoke rating an answer older than the kept ones gets no answer id', () => {
    let kept = keepSentAnswers(undefined, []);
    for (let n = 0; n < 25; n++) kept = keepSentAnswers(kept, [answer(n)]);
    const log = new FeedbackLog(nullRecorder, nullLogger);
    const rate = (replyToId: string) => log.parse({ replyToId, conversation: { id: 'c' } as never, value: { actionName: 'feedback', actionValue: { reaction: 'like' } } }, kept);
    assert.equal(rate('m4')?.answerId, null);
    assert.equal(rate('m5')?.answerId, 'a5');
  });
});
