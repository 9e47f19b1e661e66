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
  it('who the user is, in their own words in the first message, is not asked (ja, en)', async () => {
    for (const [locale, text, next] of [
      ['ja-JP', '利用者です。フローの接続が切れてしまいました', /どのエラーが表示されていますか/],
      ['ja-JP', '私が作ったフローの接続が切れました', /どのエラーが表示されていますか/],
      ['en-US', 'end user here, my flow connection broke this morning', /Which error does the flow run history/],
      ['en-US', 'IT admin here: a flow connection is broken', /Which error does the flow run history/],
    ] as const) {
      const reply = await conversation(locale)(text);
      assert.match(reply, next, `${text}: ${reply}`);
      assert.doesNotMatch(reply, /あなたの立場を教えてください。\n|which describes you\?\n/, text);
    }
  });

  it('options named by their place in the user\'s words: kanji numbers, number words, a hedge (ja, en)', async () => {
    const ja = conversation('ja-JP');
    await ja('フローの接続が切れました');
    assert.match(await ja('二番です'), /どのエラーが表示されていますか/);
    assert.match(await ja('六番目のやつ'), /次のどれかがありましたか/);
    assert.match(await ja('6番かな'), /アカウント|更新トークンが失効|90 日/);
    const en = conversation('en-US');
    await en('my flow connection is broken');
    assert.match(await en('option two'), /Which error does the flow run history/);
  });

  it('a change of a CA policy named in the first message is the conditional access event', async () => {
    const reply = await conversation('en-US')('our flows have been failing since we updated a CA policy yesterday');
    assert.match(reply, /Since the MFA or conditional access change, what happens\?/, reply);
  });

  it('「なおりました」 in kana while a question is asked ends the walk as solved', async () => {
    const say = conversation('ja-JP');
    await say('フローの接続が切れました');
    assert.match(await say('ありがとうございます、なおりました'), /解決してよかった/);
  });

  it('after every branch failed, the walk ends by handing over to the admin, not with prevention tips as a cause (en, ja)', async () => {
    for (const [locale, first, no, handOver, tips] of [
      ['en-US', 'my flow fails with AADSTS50196', 'no', /Send the summary above to your IT admin/, /keep it from happening again/],
      ['ja-JP', 'フローが AADSTS50196 で失敗します', 'いいえ', /まとめを IT 管理者に送る/, /再発を防ぐための対策です/],
    ] as const) {
      const say = conversation(locale);
      let reply = await say(first);
      for (let i = 0; i < 8 && !handOver.test(reply); i++) {
        assert.doesNotMatch(reply, tips, reply);
        reply = await say(no);
      }
      assert.match(reply, handOver, reply);
    }
  });

  for (const [locale, text] of [
    ['ja-JP', '403エラーってなんのこと？'],
    ['ja-JP', '401と403のちがいを教えて'],
    ['ja-JP', '接続が切れないようにするコツはある？'],
  ] as const) {
    it(`a question about an error or about avoiding it is answered, not diagnosed: "${text}"`, async () => {
      const reply = await conversation(locale)(text);
      assert.match(reply, /\[1\]/, reply);
      assert.doesNotMatch(reply, /あなたの立場/, reply);
    });
  }

  for (const [locale, text, walk] of [
    ['ja-JP', 'フローの接続がむこうになってる', /あなたの立場/],
    ['ja-JP', '接続の横に⚠マークが出ています', /あなたの立場/],
    ['en-US', 'I see a red warning icon next to my flow connection', /which describes you/],
  ] as const) {
    it(`a report in its own words starts the diagnosis: "${text}"`, async () => {
      const reply = await conversation(locale)(text);
      assert.match(reply, walk, reply);
    });
  }
  it('a correction at an outcome reached from the first message alone goes where the corrected words lead (ja, en)', async () => {
    for (const [locale, first, fix, outcome] of [
      ['ja-JP', 'フローが AADSTS70008 で止まっています', 'すみません、403 でした', /前の回答を変更[\s\S]*アクセス許可がない/],
      ['en-US', 'flow fails with AADSTS50196 since today', 'sorry, actually the code is AADSTS50105', /changed that earlier answer[\s\S]*not assigned/],
    ] as const) {
      const say = conversation(locale);
      await say(first);
      const reply = await say(fix);
      assert.match(reply, outcome, reply);
    }
  });
});
