import assert from 'node:assert/strict';
import { allText, cards, Conversation, japaneseOnlyInQuotes, sharedServices, startBot, type Running } from '../server/helpers.js';

/** Walks the real bundled tree over HTTP, pressing the first option's card button each time. */
describe('bot: a walk through the real troubleshooting tree', function () {
  let bot: Running;
  before(async function () {
    const services = await sharedServices();
    if (!services.troubleshoot) this.skip(); // engine or trees not installed in this checkout
    bot = await startBot({ services: { ...services } });
  });
  after(async () => bot?.close());

  for (const lang of ['ja', 'en'] as const) {
    it(`reaches a cited outcome by pressing buttons (${lang}), then answers "did this solve it?"`, async () => {
      const c = new Conversation(bot.url, { locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
      let replies = await c.say(lang === 'ja' ? '診断' : 'troubleshoot');
      let outcome;
      for (let i = 0; i < 20 && !outcome; i++) {
        const card = cards(replies).at(-1);
        assert.ok(card, `step ${i}: a card (${allText(replies)})`);
        if (replies.some((r) => r.entities?.length && /\[1\]/.test(r.text ?? ''))) {
          outcome = replies;
          break;
        }
        const first = card.actions.find((a: any) => a.type === 'Action.Submit' && a.data?.choice);
        assert.ok(first, `step ${i}: an option button`);
        replies = (await c.post({ type: 'message', text: first.data.msteams.text, value: first.data.msteams.value })).replies;
      }
      assert.ok(outcome, 'an outcome within 20 steps');
      const text = allText(outcome);
      if (lang === 'en') assert.ok(japaneseOnlyInQuotes(text), text);
      const solved = cards(outcome).at(-1)!.actions.filter((a: any) => a.data?.choice);
      assert.ok(solved.length >= 2, '"did this solve it?" options');
      const done = await c.post({ type: 'message', value: solved[0].data.msteams.value, text: solved[0].data.msteams.text });
      assert.equal(done.status, 200);
      assert.ok(done.replies.length >= 1);
    });
  }

  it('typed numbers work like buttons, and "restart" ends the walk', async () => {
    const c = new Conversation(bot.url);
    const q1 = await c.say('診断');
    assert.match(allText(q1), /\n\s+1\. /);
    const q2 = await c.say('1');
    assert.ok(cards(q2).length >= 1);
    assert.match(allText(await c.say('やり直し')), /取り消しました/);
  });
});
