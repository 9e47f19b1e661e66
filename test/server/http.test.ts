import assert from 'node:assert/strict';
import { createServer } from '../../src/server/app.js';
import { silentLogger } from '../../src/server/logger.js';
import { Conversation, startBot, testConfig, type Running } from './helpers.js';

describe('server: HTTP contract', function () {
  let bot: Running;
  before(async () => {
    bot = await startBot();
  });
  after(async () => bot?.close());

  it('answers /healthz 200 and /readyz 200 once loaded', async () => {
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${bot.url}/readyz`)).status, 200);
  });

  it('answers /readyz 503 until the services are loaded, /healthz 200 throughout', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const app = createServer({ config: testConfig(), logger: silentLogger(), loadServices: async () => (await gate, {}) });
    const url = await app.listen(0, '127.0.0.1');
    try {
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      assert.equal((await fetch(`${url}/readyz`)).status, 503);
      release();
      await app.ready;
      assert.equal((await fetch(`${url}/readyz`)).status, 200);
    } finally {
      await app.close();
    }
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
    assert.equal(res.status, 400);
  });

  it('rejects activities missing conversation, from or serviceUrl, or with huge arrays, with 400', async () => {
    const c = new Conversation(bot.url);
    const base = c.envelope({ type: 'message', text: 'hi' });
    const bad = [
      { ...base, conversation: undefined },
      { ...base, from: undefined },
      { ...base, serviceUrl: undefined },
      { ...base, type: undefined },
      { ...base, type: 42 },
      { ...base, text: { not: 'a string' } },
      { ...base, attachments: Array.from({ length: 500 }, () => ({ contentType: 'x' })) },
      [base],
    ];
    for (const body of bad) {
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 120));
    }
  });

  it('rejects a body over the size limit with 413', async () => {
    const c = new Conversation(bot.url);
    const body = JSON.stringify(c.envelope({ type: 'message', text: 'あ'.repeat(300_000) }));
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(res.status, 413);
    // And the server is still fine afterwards.
    assert.equal((await c.say('help')).length, 1);
  });

  it('returns replies in the response body with deliveryMode expectReplies', async () => {
    const r = await new Conversation(bot.url).post({ type: 'message', text: 'help' });
    assert.equal(r.status, 200);
    assert.equal(r.replies.length, 1);
    assert.equal(r.replies[0].attachments?.[0].contentType, 'application/vnd.microsoft.card.adaptive');
  });

  it('with an app id configured, refuses a request without a token or with a malformed one with 401 (no network)', async () => {
    const secured = await startBot({ env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'dummy-secret' }, services: {} });
    try {
      const started = Date.now();
      const r = await new Conversation(secured.url).post({ type: 'message', text: 'help' });
      assert.equal(r.status, 401);
      const bearer = await fetch(`${secured.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-jwt' },
        body: JSON.stringify(new Conversation(secured.url).envelope({ type: 'message', text: 'help' })),
      });
      assert.equal(bearer.status, 401);
      assert.ok(Date.now() - started < 5000, 'no slow network round trip');
    } finally {
      await secured.close();
    }
  });
});
