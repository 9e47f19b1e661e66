/**
 * Faults: Blob storage (Azurite) going away mid-walk and coming back, concurrent
 * messages in one conversation, and 1,000 simultaneous conversations, all over
 * loopback HTTP against the real restify server and CloudAdapter.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { BotServices } from '../../src/bot/services.js';
import { Azurite } from '../server/azurite.js';
import { allText, cards, Conversation, sharedServices, startBot, type Reply, type Running } from '../server/helpers.js';
import { fakeTroubleshooter } from '../bot/fakes.js';

const Q1 = /Since when/;
const Q2 = /Was the password reset/;
const OUTCOME = /Fix the connection/;
const UNAVAILABLE_EN = /can't reach my conversation storage/;
const UNAVAILABLE_JA = /一時的に接続できない/;

const cardText = (replies: Reply[]) => cards(replies).map((c) => String(c.fallbackText ?? '')).join('\n') + '\n' + allText(replies);

describe('hardening: Blob storage (Azurite) unreachable mid-conversation', function () {
  this.timeout(180_000);
  const azurite = new Azurite();
  let bot: Running;
  let services: BotServices;

  before(async () => {
    await azurite.start();
    services = { ...(await sharedServices()), troubleshoot: fakeTroubleshooter };
    bot = await startBot({
      services,
      env: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: `hardening-${randomUUID().slice(0, 8)}` },
    });
  });
  after(async () => {
    await bot?.close();
    await azurite.dispose();
  });

  it('says "temporarily unavailable" in the user language while storage is down, stays up, and resumes at the same step', async () => {
    const en = new Conversation(bot.url, { locale: 'en-US' });
    const ja = new Conversation(bot.url, { locale: 'ja-JP' });
    assert.match(cardText(await en.say('troubleshoot')), Q1);
    assert.match(cardText(await en.say('1')), Q2); // en is at question 2
    assert.match(cardText(await ja.say('診断')), /いつから/); // ja is at question 1

    await azurite.stop();
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      const down = await en.say('1');
      assert.match(allText(down), UNAVAILABLE_EN);
      assert.equal(cards(down).length, 0, 'no step shown that could not be stored');
      assert.ok(Date.now() - t0 < 15_000, `answered in ${Date.now() - t0} ms`);
    }
    assert.match(allText(await ja.say('1')), UNAVAILABLE_JA);
    // A plain question needs no walk step but still reads state: it gets the same polite reply or an answer, never a failure.
    const q = await en.post({ type: 'message', text: 'Why is my connection invalid?' });
    assert.equal(q.status, 200);
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200, 'server stays up');

    await azurite.start(); // same port, same data folder
    assert.match(cardText(await en.say('1')), OUTCOME, 'en resumes at question 2 (answer 1 → outcome)');
    assert.match(cardText(await ja.say('1')), /パスワード/, 'ja resumes at question 1 (answer 1 → question 2)');
  });
});

describe('hardening: concurrency', function () {
  this.timeout(180_000);
  let bot: Running;
  before(async () => {
    bot = await startBot({ services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } });
  });
  after(async () => bot?.close());

  it('concurrent messages in one conversation: every turn 200, no step applied twice, state consistent afterwards', async () => {
    for (let round = 0; round < 5; round++) {
      const c = new Conversation(bot.url, { locale: 'en-US' });
      await c.say('troubleshoot');
      const results = await Promise.all(Array.from({ length: 4 }, () => c.post({ type: 'message', text: '1' })));
      for (const r of results) assert.equal(r.status, 200);
      const texts = results.map((r) => cardText(r.replies));
      // Last-writer-wins would show question 2 several times; serialised turns show it at most once.
      assert.ok(texts.filter((t) => Q2.test(t)).length <= 1, texts.join('\n---\n'));
      assert.ok(texts.filter((t) => OUTCOME.test(t)).length <= 1, texts.join('\n---\n'));
      // Whatever was applied, the conversation still works: cancel answers coherently.
      assert.match(allText(await c.say('cancel')), /cancelled|no diagnosis in progress/);
    }
  });

  it('1,000 simultaneous conversations keep their positions isolated', async () => {
    const N = 1000;
    const convs = Array.from({ length: N }, () => new Conversation(bot.url, { locale: 'en-US' }));
    // Bounded: all 1,000 in flight at once, on loopback, three rounds.
    const starts = await Promise.all(convs.map((c) => c.say('troubleshoot')));
    for (const s of starts) assert.match(cardText(s), Q1);
    // Even conversations move to question 2; odd ones stay at question 1.
    const moved = await Promise.all(convs.map((c, i) => (i % 2 === 0 ? c.say('1') : Promise.resolve([] as Reply[]))));
    moved.forEach((m, i) => i % 2 === 0 && assert.match(cardText(m), Q2, `conversation ${i}`));
    // Everyone answers "1" at once: question 2 → outcome, question 1 → question 2.
    const finals = await Promise.all(convs.map((c) => c.say('1')));
    finals.forEach((f, i) => assert.match(cardText(f), i % 2 === 0 ? OUTCOME : Q2, `conversation ${i} lost its position`));
  });
});
