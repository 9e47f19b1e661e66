import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/**
 * A curated answer's yes or no goes to a question about what it is about, as Teams receives
 * the reply (phrasings written for these tests).
 */
describe('a yes or no leads only an answer to the question it answers (what Teams receives)', function () {
  const { conversation } = deliveringToFakeConnector();
  const firstReply = async (locale: string, text: string) => allText((await conversation(locale).say(text)).slice(0, 1));
  const LEAD = /^(?:Yes|No)[.,]|^(?:はい|いいえ)[。、]/;

  for (const [locale, text] of [
    ['ja-JP', '接続は切れますか？'],
    ['ja-JP', 'フローは止まりますか？'],
    ['en-US', 'Does it invalidate the connection?'],
    ['en-US', 'Is that expected?'],
    ['ja-JP', 'すべてサインアウトはどこで実行するんですか？'],
  ] as const) {
    it(`a question that names no cause, or asks where, gets the fact first: "${text}"`, async () => {
      const reply = await firstReply(locale, text);
      assert.ok(reply.length > 20, reply);
      assert.doesNotMatch(reply, LEAD, reply);
    });
  }

  for (const [locale, text, lead] of [
    ['ja-JP', 'パスワードの期限が切れたら接続は切れますか？', /^いいえ。/],
    ['ja-JP', 'SSPR でパスワードをリセットしたら接続は無効になりますか', /^いいえ。/],
    ['ja-JP', 'デバイスを削除したら接続は切れますか', /^はい。/],
    ['en-US', 'Does revoking refresh tokens invalidate connections?', /^Yes\./],
    ['en-US', 'If my password expires, does the connection break?', /^No\./],
    ['ja-JP', 'パスワードを自分で変えても、フローは大丈夫ですか？', /^はい。[\s\S]*無効になりません/],
    ['en-US', 'If I change my own password, will my flows keep running?', /^Yes\.[\s\S]*does not invalidate/],
  ] as const) {
    it(`a yes/no question that names what the answer is about gets its yes or no, in the question's sense: "${text}"`, async () => {
      const reply = await firstReply(locale, text);
      assert.match(reply, lead, reply);
    });
  }
});
