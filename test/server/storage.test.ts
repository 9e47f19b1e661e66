import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { BotServices } from '../../src/bot/services.js';
import { Azurite } from './azurite.js';
import { allText, cards, Conversation, sharedServices, startBot, type Running } from './helpers.js';
import { fakeTroubleshooter } from '../bot/fakes.js';

describe('state in Azure Blob storage (Azurite), several instances', function () {
  this.timeout(120_000);
  const azurite = new Azurite();
  let env: Record<string, string>;
  let services: BotServices;
  const running: Running[] = [];

  const instance = async () => {
    const r = await startBot({ env, services });
    running.push(r);
    return r;
  };

  before(async () => {
    await azurite.start();
    env = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: `bot-state-${randomUUID().slice(0, 8)}` };
    services = { ...(await sharedServices()), troubleshoot: fakeTroubleshooter };
  });

  after(async () => {
    for (const r of running) await r.close();
    await azurite.dispose();
  });

  it('a walk started on instance A continues on instance B; a restarted instance loses nothing', async () => {
    const a = await instance();
    const b = await instance();
    const c = new Conversation(a.url);

    const pinned = await c.say('English please', {}, a.url);
    assert.match(allText(pinned), /English/);
    const q1 = await c.say('troubleshoot', {}, a.url);
    assert.match(cards(q1)[0].fallbackText, /Since when/);

    const q2 = await c.say('1', {}, b.url); // continued on B, in the language pinned on A
    assert.match(cards(q2)[0].fallbackText, /Was the password reset/);

    await a.close();
    const a2 = await instance(); // "restart" of A: a new process state, same storage
    const outcome = await c.say('2', {}, a2.url);
    assert.match(outcome[0].text ?? '', /Fix the connection/);
  });

  it('concurrent messages in one conversation on two instances: no crash, no corrupted state', async () => {
    const a = await instance();
    const b = await instance();
    const c = new Conversation(a.url);
    await c.say('troubleshoot', { locale: 'en-US' }, a.url);
    const [ra, rb] = await Promise.all([c.post({ type: 'message', text: '1', locale: 'en-US' }, a.url), c.post({ type: 'message', text: '1', locale: 'en-US' }, b.url)]);
    assert.equal(ra.status, 200);
    assert.equal(rb.status, 200);
    // Both answers are applied one after the other (ETag conflict → the later turn retried on fresh
    // state): one reply shows question 2, the other the outcome. Last-writer-wins would show q2 twice.
    const texts = [allText(ra.replies), allText(rb.replies)];
    assert.equal(texts.filter((t) => /Was the password reset/.test(t)).length, 1, texts.join('\n---\n'));
    assert.equal(texts.filter((t) => /Fix the connection/.test(t)).length, 1, texts.join('\n---\n'));
    const next = await c.say('cancel', { locale: 'en-US' }, b.url);
    assert.match(allText(next), /cancelled/);
  });

  it('storage down → "temporarily unavailable"; storage back → the conversation resumes where it was', async () => {
    const a = await instance();
    const c = new Conversation(a.url);
    await c.say('troubleshoot', { locale: 'en-US' }, a.url);
    await azurite.stop();
    const started = Date.now();
    const down = await c.say('1', { locale: 'en-US' }, a.url);
    assert.match(allText(down), /can't reach my conversation storage/);
    assert.ok(Date.now() - started < 15_000, `answered in ${Date.now() - started} ms`);
    await azurite.start();
    const resumed = await c.say('1', { locale: 'en-US' }, a.url);
    assert.match(cards(resumed)[0].fallbackText, /Was the password reset/);
  });
});

/**
 * Conversations whose ids a naive key would merge: Blob storage drops empty path
 * segments and cuts keys at 1,024 characters, and "channel/conversations/id" can be
 * spelt by a channel id holding slashes. Each pair must keep two states.
 */
const PAIRS: [string, { channelId: string; id: string }, { channelId: string; id: string }][] = [
  ['an empty path segment', { channelId: 'msteams', id: 'team//x' }, { channelId: 'msteams', id: 'team/x' }],
  ['ids equal in their first 1,500 characters', { channelId: 'msteams', id: `${'a'.repeat(1500)}x` }, { channelId: 'msteams', id: `${'a'.repeat(1500)}y` }],
  ['a channel id that spells a path', { channelId: 'msteams/conversations/p', id: 'q' }, { channelId: 'msteams', id: 'p/conversations/q' }],
];

function keysAreSeparate(name: string, start: () => Promise<Running>) {
  describe(`state keys (${name}): conversations a naive key would merge keep their own state`, function () {
    this.timeout(120_000);
    let bot: Running;
    before(async () => {
      bot = await start();
    });
    after(async () => bot?.close());

    for (const [what, a, b] of PAIRS) {
      it(what, async () => {
        const run = randomUUID().slice(0, 8);
        const first = new Conversation(bot.url, { channelId: a.channelId, conversation: { id: a.id.replace('q', `q${run}`) }, locale: 'en-US' });
        const second = new Conversation(bot.url, { channelId: b.channelId, conversation: { id: b.id.replace('q', `q${run}`) }, locale: 'en-US' });
        assert.match(cards(await first.say('troubleshoot'))[0].fallbackText, /Since when/);
        assert.match(allText(await second.say('1')), /no diagnosis in progress/, 'the other conversation has no walk');
        assert.match(cards(await first.say('1'))[0].fallbackText, /Was the password reset/, 'the walk is where it was');
      });
    }
  });
}

keysAreSeparate('memory', async () => startBot({ services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } }));

describe('state keys in Blob storage (Azurite)', function () {
  this.timeout(120_000);
  const azurite = new Azurite();
  before(async () => azurite.start());
  after(async () => azurite.dispose());
  keysAreSeparate('Azurite', async () =>
    startBot({
      env: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: `keys-${randomUUID().slice(0, 8)}` },
      services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter },
    }),
  );
});
