import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText, japaneseOnlyInQuotes } from '../server/helpers.js';

/**
 * The diagnosis as a user has it in Teams (replies as they arrive at the connector), with
 * answers and first messages in the user's own words (phrasings written for these tests).
 */
describe('the diagnosis reads what the user already said (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const conversation = (locale: string) => {
    const { say } = deliver(locale);
    return async (text: string): Promise<string> => allText(await say(text));
  };

  /** A walk taken to the "did any of these happen?" question by typed answers. */
  async function atEventQuestion(locale: 'ja-JP' | 'en-US') {
    const say = conversation(locale);
    const ja = locale === 'ja-JP';
    await say(ja ? 'フローの接続が切れました' : 'my flow connection is broken');
    await say(ja ? '管理者です' : "I'm the IT admin");
    assert.match(await say(ja ? 'コードは出ていません' : 'no error code'), ja ? /次のどれかがありましたか/ : /Did any of these happen/);
    return say;
  }

  for (const [locale, answer] of [
    ['ja-JP', '退職した人のアカウントを無効化した'],
    ['ja-JP', '先月辞めた社員のフローなんです'],
    ['ja-JP', 'そのユーザーは削除済みです、アカウントを消しました'],
    ['en-US', "we disabled a leaver's account"],
    ['en-US', 'the guy who built it left the company last month'],
    ['en-US', 'his account was deleted when he left'],
  ] as const) {
    it(`a disabled or deleted account is an event of its own: "${answer}"`, async () => {
      const say = await atEventQuestion(locale);
      const outcome = await say(answer);
      if (locale === 'ja-JP') assert.match(outcome, /アカウントが無効化[\s\S]*有効なアカウント[\s\S]*\[1\]/, outcome);
      else {
        assert.match(outcome, /account[\s\S]*(?:disabled|deleted)[\s\S]*valid account[\s\S]*\[1\]/, outcome);
        assert.ok(japaneseOnlyInQuotes(outcome), outcome);
      }
      assert.doesNotMatch(outcome, /could not match|分かりませんでした/);
    });
  }
});
