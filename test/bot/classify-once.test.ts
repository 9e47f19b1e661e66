import assert from 'node:assert/strict';
import type { TroubleshootService } from '../../src/bot/services.js';
import { FakeConnector } from '../server/fake-connector.js';
import { allText, Conversation, sharedServices, startBot, type Running } from '../server/helpers.js';

/**
 * During a walk a message that is no move of the walk has been read by the walk already: the
 * router uses that reading instead of classifying the message a second time. Replies as they
 * arrive at the connector.
 */
describe('a message during a walk is classified once (what Teams receives)', function () {
  let bot: Running;
  let connector: FakeConnector;
  let classified: string[] = [];
  before(async () => {
    const services = await sharedServices();
    const walks = services.troubleshoot!;
    const counting: TroubleshootService = { ...walks, detectIntent: (text) => (classified.push(text), walks.detectIntent(text)) };
    bot = await startBot({ services: { ...services, troubleshoot: counting } });
    connector = await new FakeConnector().start();
  });
  after(async () => {
    await bot?.close();
    await connector?.close();
  });

  const say = (c: Conversation) => async (text: string) => {
    const from = connector.received.length;
    const r = await c.post({ type: 'message', text });
    assert.equal(r.status, 200);
    return allText(connector.since(from));
  };

  for (const [locale, start, question, statement, report, asked, paused, again] of [
    ['ja-JP', 'フローの接続が切れました', '更新トークンの有効期間はどのくらいですか？', 'えーと', 'フローの接続が切れてます', /更新トークン/, /診断は途中/, /あなたの立場/],
    ['en-US', 'my flow connection is broken', 'how long does a refresh token last?', 'hmm let me think about it', 'the connection is still broken', /refresh token/i, /paused/, /which describes you/],
  ] as const) {
    it(`a question, a statement and a report mid-walk are each classified once, and routed as before (${locale})`, async () => {
      const s = say(new Conversation(bot.url, { serviceUrl: connector.url, deliveryMode: undefined, locale }));
      assert.match(await s(start), again);
      classified = [];
      const answered = await s(question);
      assert.match(answered, asked, answered);
      assert.match(answered, paused, answered);
      assert.match(await s(statement), again);
      assert.match(await s(report), again);
      assert.deepEqual(classified, [], 'the walk read them already');
    });
  }
});
