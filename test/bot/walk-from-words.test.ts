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

  it('a first message that names the cause goes past the questions it makes moot, and says so (en)', async () => {
    const say = conversation('en-US');
    const first = await say('we turned on MFA yesterday and now my flow says the connection is invalid');
    assert.match(first, /From what you said:[\s\S]*MFA settings changed[\s\S]*So I skipped:[\s\S]*Which error does the flow run history[\s\S]*Since the MFA or conditional access change, what happens\?/, first);
    const late = await say('oh, the run history does show a 401');
    assert.match(late, /answers a question I had skipped[\s\S]*401 means authentication itself failed/, late);
  });

  it('a first message that names the cause goes past the questions it makes moot, and says so (ja)', async () => {
    const say = conversation('ja-JP');
    const first = await say('パスワード変えたら接続が無効になった');
    assert.match(first, /メッセージから:[\s\S]*自分でパスワードを変更した[\s\S]*次の質問は省きました:[\s\S]*どのエラーが表示されていますか[\s\S]*この出来事では接続は無効になりません[\s\S]*では、次のどれかがありましたか/, first);
    const role = await say('情シスの者です');
    assert.match(role, /省いていた質問の答え[\s\S]*では、次のどれかがありましたか/, role);
    assert.match(await say('実は先週退職した人のアカウントでした'), /アカウントが無効化/);
  });

  for (const [locale, text, verdict] of [
    ['ja-JP', '退職した人のアカウントを無効化したらフローが止まった', /アカウントが無効化[\s\S]*\[1\]/],
    ['en-US', "we disabled a leaver's account and now the flow fails", /was disabled \(or deleted or locked\)[\s\S]*\[1\]/],
  ] as const) {
    it(`a first message naming a disabled account reaches its outcome: "${text}"`, async () => {
      const reply = await conversation(locale)(text);
      assert.match(reply, verdict, reply);
    });
  }
});
