import assert from 'node:assert/strict';
import { FakeConnector } from './fake-connector.js';
import { Conversation, sharedServices, startBot, type Reply, type Running } from './helpers.js';

/**
 * A bot whose replies go to a fake connector for the suite it is called in:
 * `conversation(locale).send` returns what arrived at the connector for that post.
 */
export function deliveringToFakeConnector() {
  let bot: Running;
  let connector: FakeConnector;
  before(async () => {
    bot = await startBot({ services: { ...(await sharedServices()) } });
    connector = await new FakeConnector().start();
  });
  after(async () => {
    await bot?.close();
    await connector?.close();
  });
  function conversation(locale?: string) {
    const c = new Conversation(bot.url, { serviceUrl: connector.url, deliveryMode: undefined, ...(locale ? { locale } : {}) });
    const send = async (activity: Record<string, unknown>): Promise<Reply[]> => {
      const from = connector.received.length;
      const r = await c.post(activity);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return connector.since(from);
    };
    return { c, send, say: (text: string) => send({ type: 'message', text }) };
  }
  return { conversation, bot: () => bot, connector: () => connector };
}
