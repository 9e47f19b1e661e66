import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import { FakeConnector } from './fake-connector.js';
import { Conversation, recordedEvents, sharedServices, startBot, type Running } from './helpers.js';

/**
 * Two instances of the bot on one storage, as replicas behind a load balancer: an
 * answer sent by one and rated on the other is recorded against that answer.
 */
describe('feedback across instances sharing one storage', function () {
  let first: Running;
  let second: Running;
  let connector: FakeConnector;
  before(async () => {
    const storage = new MemoryStorage();
    const services = { ...(await sharedServices()) };
    first = await startBot({ storage, services });
    second = await startBot({ storage, services });
    connector = await new FakeConnector().start();
  });
  after(async () => {
    await first?.close();
    await second?.close();
    await connector?.close();
  });

  it('a 👍/👎 reaching the other instance finds the rated answer: by message id, or the latest without one', async () => {
    const c = new Conversation(first.url, { serviceUrl: connector.url, deliveryMode: undefined, locale: 'en-US' });
    const ask = async (question: string) => {
      const from = connector.received.length;
      assert.equal((await c.post({ type: 'message', text: question })).status, 200);
      assert.equal(connector.received.length, from + 1, 'one message per answer');
      return `msg-${from + 1}`;
    };
    const questions = ['How long can a connection stay unused?', 'Why does my flow connection become invalid?'];
    const messageIds = [await ask(questions[0]), await ask(questions[1])];
    const kb = (await sharedServices()).knowledge!;
    const answerIds = questions.map((q) => kb.ask(q, { lang: 'en', limit: 3 }).answers[0].id);
    assert.notEqual(answerIds[0], answerIds[1], 'two different answers to tell apart');

    const rate = async (reaction: string, extra: Record<string, unknown>) => {
      const r = await c.post({ type: 'invoke', name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction } }, ...extra }, second.url);
      assert.equal(r.status, 200);
    };
    await rate('dislike', { replyToId: messageIds[0] });
    await rate('like', {});
    await rate('dislike', { replyToId: 'msg-never-sent' });
    const recorded = (await recordedEvents(second.app)).filter((e) => e.kind === 'feedback');
    assert.deepEqual(
      recorded.map((e) => [e.reaction, e.answerId, e.question]),
      [
        ['dislike', answerIds[0], questions[0]],
        ['like', answerIds[1], questions[1]],
        ['dislike', null, undefined],
      ],
    );
  });
});
