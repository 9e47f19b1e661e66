import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { cards, Conversation, sharedServices, startBot, type Running } from '../server/helpers.js';
import { fakeTroubleshooter } from './fakes.js';

/** A Bot Connector stand-in whose answer to each reply POST can be switched between 200 and a refusal. */
async function switchableConnector(): Promise<{ url: string; received: any[]; refuse: boolean; server: Server }> {
  const connector = { url: '', received: [] as any[], refuse: false, server: undefined as unknown as Server };
  connector.server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (connector.refuse) {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'refused' } }));
        return;
      }
      connector.received.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `msg-${connector.received.length}` }));
    });
  });
  await new Promise<void>((resolve) => connector.server.listen(0, '127.0.0.1', () => resolve()));
  connector.url = `http://127.0.0.1:${(connector.server.address() as { port: number }).port}/`;
  return connector;
}

describe('bot: a turn whose replies cannot be delivered changes nothing', function () {
  let bot: Running;
  let connector: Awaited<ReturnType<typeof switchableConnector>>;
  before(async () => {
    bot = await startBot({ services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } });
    connector = await switchableConnector();
  });
  after(async () => {
    await bot?.close();
    connector?.server.close();
  });

  const post = (c: Conversation, text: string) => c.post({ type: 'message', text });
  const lastCard = () => String(cards([connector.received.at(-1)]).at(-1)?.fallbackText ?? '');

  it('the step that could not be shown is asked again: the next answer applies to the step the user saw', async () => {
    const c = new Conversation(bot.url, { serviceUrl: connector.url, deliveryMode: undefined, locale: 'en-US' });
    await post(c, 'troubleshoot');
    assert.match(lastCard(), /Since when/);
    const delivered = connector.received.length;

    connector.refuse = true;
    const failed = await post(c, '1'); // question 2 would be shown: the connector refuses it
    assert.equal(failed.status, 200, 'the activity is acknowledged; the failure is the outbound POST');
    assert.equal(connector.received.length, delivered, 'nothing reached the user');

    connector.refuse = false;
    await post(c, '1'); // still an answer to question 1, the last step the user saw
    assert.match(lastCard(), /Was the password reset/);
    await post(c, '2');
    assert.match(connector.received.at(-1).text ?? '', /Fix the connection/);
  });

  it('a language pinned in an undelivered turn is not pinned', async () => {
    const c = new Conversation(bot.url, { serviceUrl: connector.url, deliveryMode: undefined, locale: 'ja-JP' });
    connector.refuse = true;
    await post(c, 'English please');
    connector.refuse = false;
    await post(c, 'ヘルプ');
    assert.match(lastCard(), /できること/);
  });
});
