import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { allText, cards, Conversation, sharedServices, startBot, type Running } from '../server/helpers.js';
import { FakeConnector } from '../server/fake-connector.js';
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

/** A storage that can be switched off, as when Blob storage is unreachable. */
class FlakyStorage implements Storage {
  down = false;
  readonly inner = new MemoryStorage();
  async read(keys: string[]): Promise<StoreItems> {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:10000');
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:10000');
    return this.inner.write(changes);
  }
  async delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

describe('bot: state of a message turn', function () {
  it('storage unreachable → a clear "temporarily unavailable" reply; when it returns the walk resumes where it was', async () => {
    const flaky = new FlakyStorage();
    const bot = await startBot({ storage: flaky, services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } });
    try {
      const c = new Conversation(bot.url);
      await c.say('診断');
      await c.say('1'); // now at q2
      flaky.down = true;
      const down = await c.say('はい');
      assert.match(allText(down), /一時的に接続できない/);
      assert.equal(cards(down).length, 0, 'no step shown that was not stored');
      flaky.down = false;
      const resumed = await c.say('2'); // answer q2
      assert.match(resumed[0].text ?? '', /接続を修正/);
    } finally {
      await bot.close();
    }
  });

  it('an ETag conflict retries the turn once on fresh state', async () => {
    let conflicts = 1;
    const inner = new MemoryStorage();
    const storage: Storage = {
      read: (k) => inner.read(k),
      delete: (k) => inner.delete(k),
      write: async (changes) => {
        if (conflicts > 0 && Object.keys(changes).some((k) => k.includes('/conversations/'))) {
          conflicts--;
          throw new Error('Storage: error writing "x" due to eTag conflict.');
        }
        return inner.write(changes);
      },
    };
    const bot = await startBot({ storage, services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } });
    try {
      const c = new Conversation(bot.url);
      const start = await c.say('診断');
      assert.equal(conflicts, 0);
      assert.equal(cards(start).length, 1, 'replies sent once, not twice');
      const next = await c.say('1');
      assert.match(cards(next)[0].fallbackText, /パスワード/);
    } finally {
      await bot.close();
    }
  });
  it('writes each turn once: the conversation (the message noted as handled, with what changed), the user only when a language is pinned', async () => {
    const inner = new MemoryStorage();
    const writes: string[] = [];
    const storage: Storage = { read: (k) => inner.read(k), delete: (k) => inner.delete(k), write: (c) => (writes.push(...Object.keys(c)), inner.write(c)) };
    const bot = await startBot({ storage, services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } });
    try {
      const c = new Conversation(bot.url);
      await c.say('help');
      assert.equal(writes.length, 1, 'help changes nothing but the message noted as handled');
      assert.match(writes[0], /\/conversations\//);
      await c.say('接続が無効になるのはなぜですか？');
      assert.equal(writes.length, 2, 'an answer is kept in the conversation, for feedback on it');
      assert.match(writes[1], /\/conversations\//);
      await c.say('診断');
      assert.equal(writes.length, 3, 'starting a walk writes the conversation');
      assert.match(writes[2], /\/conversations\//);
      await c.say('English please');
      assert.deepEqual(writes.slice(3).map((k) => k.split('/')[1]), ['users', 'conversations'], 'pinning a language writes the user, and the conversation notes the message');
    } finally {
      await bot.close();
    }
  });

});

describe('bot: one load and at most one save per message turn', function () {
  it('an answer, an answer in the other language, a walk start, a step and help each read state once and write it once', async () => {
    const inner = new MemoryStorage();
    const ops: string[] = [];
    const written: StoreItems[] = [];
    const storage: Storage = {
      read: (k) => (ops.push('read'), inner.read(k)),
      write: (c) => (ops.push('write'), written.push(c), inner.write(c)),
      delete: (k) => inner.delete(k),
    };
    const bot = await startBot({ storage, services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } });
    const connector = await new FakeConnector().start();
    try {
      const c = new Conversation(bot.url, { serviceUrl: connector.url, deliveryMode: undefined, locale: 'ja-JP' });
      const turn = async (text: string) => {
        ops.length = 0;
        assert.equal((await c.post({ type: 'message', text })).status, 200);
        return [...ops];
      };
      assert.deepEqual(await turn('接続が使われないまま何日で切れますか'), ['read', 'write']);
      assert.deepEqual(await turn('Why does a flow connection turn invalid?'), ['read', 'write'], 'the reply language and the answer, one write');
      assert.deepEqual(await turn('診断'), ['read', 'write']);
      assert.deepEqual(await turn('1'), ['read', 'write']);
      assert.deepEqual(await turn('ヘルプ'), ['read', 'write'], 'help notes only the message as handled');
      const [key] = Object.keys(written[1]);
      const conversation = (await inner.read([key]))[key] as { answers?: { messageId?: string }[] };
      assert.deepEqual(conversation.answers?.map((a) => a.messageId), ['msg-1', 'msg-2'], 'both answers noted with the ids the connector gave them');
    } finally {
      await bot.close();
      await connector.close();
    }
  });
});
