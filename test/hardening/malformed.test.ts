/**
 * Malformed activities and forged card submits over HTTP: the answer is a 4xx
 * or a polite reply, never a 5xx; a forged submit leaves the walk where it was.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { allText, cards, Conversation, sharedServices, startBot, type Running } from '../server/helpers.js';
import { fakeTroubleshooter } from '../bot/fakes.js';

/** A valid envelope to break one field of at a time. */
function envelope(): Record<string, unknown> {
  return {
    type: 'message',
    text: 'hello',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.invalid/',
    conversation: { id: `conv-${randomUUID()}` },
    from: { id: `user-${randomUUID()}` },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
    locale: 'en-US',
  };
}

async function postRaw(url: string, body: string, contentType = 'application/json'): Promise<number> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  await res.arrayBuffer();
  return res.status;
}

describe('hardening: malformed activities and forged submits', function () {
  this.timeout(180_000);
  let bot: Running;
  before(async () => {
    bot = await startBot({ services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } });
  });
  after(async () => bot?.close());

  it('non-object and non-JSON bodies → 4xx, never 5xx', async () => {
    for (const body of ['null', '42', '"text"', '[]', '[{"type":"message"}]', 'true', '{', '{"type":', '\u0000\u0001', '']) {
      const status = await postRaw(bot.url, body);
      assert.ok(status >= 400 && status < 500, `${JSON.stringify(body)} → ${status}`);
    }
    const status = await postRaw(bot.url, 'type=message', 'application/x-www-form-urlencoded');
    assert.ok(status >= 400 && status < 500, `form body → ${status}`);
  });

  it('fuzzed envelopes (missing or wrongly typed fields, huge arrays) → 400 or a 200 turn, never 5xx; the server stays up', async () => {
    const FIELDS = ['type', 'conversation', 'from', 'recipient', 'channelId', 'serviceUrl', 'text', 'locale', 'attachments', 'entities', 'value', 'channelData', 'membersAdded', 'replyToId', 'name'];
    const wrong = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 30 }),
      fc.constant({}),
      fc.constant({ id: 42 }),
      fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
      fc.constant(Array.from({ length: 5000 }, () => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }))),
      fc.constant(Array.from({ length: 50 }, () => 'not-an-object')),
      fc.anything({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...FIELDS), wrong, { maxKeys: 4 }), async (overrides) => {
        const body = { ...envelope(), ...overrides };
        for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete body[k];
        const status = await postRaw(bot.url, JSON.stringify(body));
        assert.ok(status === 200 || status === 202 || status === 400 || status === 413, `${JSON.stringify(overrides).slice(0, 300)} → ${status}`);
      }),
      { numRuns: 150 },
    );
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
  });

  it('specific malformed cases: missing conversation / from → 400; 5,000 attachments → 400 or 413', async () => {
    for (const drop of ['conversation', 'from']) {
      const body = envelope();
      delete body[drop];
      assert.equal(await postRaw(bot.url, JSON.stringify(body)), 400, `without ${drop}`);
    }
    const huge = { ...envelope(), attachments: Array.from({ length: 5000 }, () => ({ contentType: 'text/plain', content: 'x' })) };
    const status = await postRaw(bot.url, JSON.stringify(huge));
    assert.ok(status === 400 || status === 413, `huge attachments → ${status}`);
  });

  it('forged card submits mid-walk (unknown ids, wrong types, huge values) get a polite reply and leave the walk where it was', async () => {
    const forgedValue = fc.oneof(
      fc.record({ choice: fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 })) }),
      fc.record({ choice: fc.constant('x'.repeat(50_000)) }),
      fc.record({ action: fc.string({ maxLength: 20 }), option: fc.string({ maxLength: 20 }), step: fc.integer() }),
      fc.anything({ maxDepth: 3 }),
    );
    const c = new Conversation(bot.url, { locale: 'en-US' });
    const start = await c.say('troubleshoot');
    assert.match(cards(start)[0]?.fallbackText ?? '', /Since when/);
    await fc.assert(
      fc.asyncProperty(forgedValue, async (value) => {
        const r = await c.post({ type: 'message', value, text: undefined });
        assert.ok(r.status === 200 || r.status === 400, `status ${r.status} for ${String(JSON.stringify(value)).slice(0, 200)}`);
        if (r.status === 200) {
          const text = allText(r.replies);
          // A forged value must not move the walk on: no second question, no outcome.
          assert.doesNotMatch(text, /Was the password reset|Fix the connection/, `forged ${String(JSON.stringify(value)).slice(0, 200)} moved the walk`);
          assert.ok(!text.includes('x'.repeat(100)), 'huge value not echoed');
        }
      }),
      { numRuns: 60 },
    );
    // The walk is still at question 1: answering it moves to question 2.
    const next = await c.say('1');
    assert.match(cards(next)[0]?.fallbackText ?? '', /Was the password reset/);
  });
});
