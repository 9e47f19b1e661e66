import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';
import { askedBack } from '../../src/bot/language/asked-back.js';

/**
 * Asking about the answer just given: where it comes from, more of it, or a follow-up the
 * documents answer only with that same answer (replies as they arrive at the connector).
 */
describe('asking about the answer just given (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const chat = (locale: string) => {
    const { say } = deliver(locale);
    return async (text: string): Promise<string> => allText(await say(text));
  };
  const NO_ANSWER = /見つかりませんでした|couldn't find/;

  for (const [locale, first, asked, lead] of [
    ['en-US', 'does resetting my password break my flow connections?', 'where does that come from?', /comes from these documents/],
    ['en-US', 'does resetting my password break my flow connections?', 'can you show me the links?', /comes from these documents/],
    ['ja-JP', 'パスワードをリセットするとフローの接続は切れますか', '出典を教えてください', /出典は次のとおり/],
    ['ja-JP', 'パスワードをリセットするとフローの接続は切れますか', '根拠は？', /出典は次のとおり/],
    ['en-US', 'does resetting my password break my flow connections?', 'could you tell me more', /all I have on that/],
    ['ja-JP', 'パスワードをリセットするとフローの接続は切れますか', 'もう少し詳しく教えてください', /上の回答以上/],
  ] as const) {
    it(`"${asked}" after an answer lists that answer's sources with their links`, async () => {
      const say = chat(locale);
      const answer = await say(first);
      assert.doesNotMatch(answer, NO_ANSWER, answer);
      const reply = await say(asked);
      assert.match(reply, lead, reply);
      assert.match(reply, /https:\/\//, reply);
      assert.doesNotMatch(reply, NO_ANSWER, reply);
    });
  }

  it('at an outcome, asking for the sources points to the ones under its steps, and "did this solve it?" stands', async () => {
    const say = chat('ja-JP');
    await say('フローが AADSTS70008 で止まっています');
    const reply = await say('もっと詳しく');
    assert.match(reply, /手順と一緒に上に載せています/, reply);
    assert.match(reply, /これで解決しましたか/, reply);
  });

  it('a follow-up that finds first the answer just given gets the next one, or a word that there is no more, never a copy', async () => {
    for (const [locale, first, followUp, next] of [
      ['en-US', 'how long can a connection stay unused before it expires?', 'what comes after that?', /AADSTS70008|re-authenticate/],
    ] as const) {
      const say = chat(locale);
      const answer = await say(first);
      const reply = await say(followUp);
      assert.match(reply, next, reply);
      assert.doesNotMatch(reply, NO_ANSWER, reply);
      assert.ok(!reply.includes(answer.slice(0, 40)), reply);
    }
  });

  it('reads only a request about the answer as one, not a question that names sources or details', () => {
    assert.equal(askedBack('source?'), 'sources');
    assert.equal(askedBack('リンクください'), 'sources');
    assert.equal(askedBack('details please'), 'more');
    assert.equal(askedBack('what is the source of the 90-day limit?'), undefined);
    assert.equal(askedBack('MFAについて詳しく教えて'), undefined);
  });
});
