import assert from 'node:assert/strict';
import { allText, buttonWithText, cards, Conversation, japaneseOnlyInQuotes, pickValue, sharedServices, startBot, stepOptions, type Running } from '../server/helpers.js';

/** Walks the real bundled tree over HTTP, pressing the first option's card button each time. */
describe('bot: a walk through the real troubleshooting tree', function () {
  let bot: Running;
  before(async function () {
    const services = await sharedServices();
    assert.ok(services.troubleshoot, 'the bundled trees load');
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
        const [first] = stepOptions(card);
        assert.ok(first, `step ${i}: an option`);
        replies = (await c.post({ type: 'message', value: pickValue(card, first.id) })).replies;
      }
      assert.ok(outcome, 'an outcome within 20 steps');
      const text = allText(outcome);
      assert.ok(lang === 'en' ? japaneseOnlyInQuotes(text) : /[ぁ-ん]/.test(text), text);
      const card = cards(outcome).at(-1)!;
      const solved = stepOptions(card);
      assert.ok(solved.length >= 2, '"did this solve it?" options');
      const done = await c.post({ type: 'message', value: pickValue(card, solved[0].id) });
      assert.equal(done.status, 200);
      assert.ok(done.replies.length >= 1);
    });
  }

  it('typed numbers and words work like buttons; back, restart and cancel at any step', async () => {
    const c = new Conversation(bot.url);
    const q1 = await c.say('診断');
    assert.match(allText(q1), /\n\s+1\. /);
    assert.equal(buttonWithText(cards(q1)[0], '戻る'), undefined, 'no back button on the first question');
    const q2 = await c.say('管理者です');
    assert.match(allText(q2), /どのエラーが表示されていますか/);
    assert.ok(buttonWithText(cards(q2)[0], '戻る'), 'a back button');
    assert.match(allText(await c.say('戻る')), /あなたの立場/);
    assert.match(allText(await c.say('2')), /どのエラー/);
    assert.match(allText(await c.say('やり直し')), /最初の質問からやり直します[\s\S]*あなたの立場/);
    assert.match(allText(await c.say('キャンセル')), /取り消しました/);
    assert.match(allText(await c.say('1')), /進行中の診断はありません/);
  });

  it('jumps straight to the outcome named by an error code in the first message, then "no" offers the next branch', async () => {
    const c = new Conversation(bot.url, { locale: 'en-US' });
    const first = await c.say('Our flow fails with AADSTS70008');
    assert.match(first[0].text ?? '', /AADSTS70008[\s\S]*\[1\]/);
    assert.ok(first[0].entities?.[0]?.citation?.length >= 1, 'Teams citation entity');
    assert.match(allText(first), /Summary to copy:[\s\S]*Error codes: AADSTS70008/);
    const next = await c.say('no');
    assert.match(allText(next), /That didn't fix it/);
    assert.match(next[0].text ?? '', /new connection/i);
    assert.match(allText(await c.say('yes')), /glad it's fixed/);
  });

  it('answers a free question mid-walk from the knowledge base, and the walk resumes where it was', async () => {
    const c = new Conversation(bot.url);
    await c.say('フローの接続が切れた');
    await c.say('1');
    const mid = await c.say('更新トークンの有効期間はどのくらいですか？');
    assert.ok(mid.some((r) => r.entities?.length), 'a cited answer');
    assert.match(allText(mid), /診断は途中/);
    assert.match(allText(await c.say('6')), /次のどれかがありましたか/);
  });
});
