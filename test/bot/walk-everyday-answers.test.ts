import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/**
 * The diagnosis as a user has it in Teams (replies as they arrive at the connector), with
 * messages that say several things at once, deny, correct or report in everyday words
 * (phrasings written for these tests).
 */
describe('the diagnosis follows everyday answers (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const conversation = (locale: string) => {
    const { say } = deliver(locale);
    return async (text: string): Promise<string> => allText(await say(text));
  };

  const MFA_QUESTION = { ja: /多要素認証や条件付きアクセスの変更のあと、どうなっていますか/, en: /Since the MFA or conditional access change, what happens\?/ };
  const EVENT_QUESTION = { ja: /次のどれかがありましたか/, en: /Did any of these happen before/ };
  const HOW_IT_SHOWS = { ja: /問題の起こり方に近いものはどれですか/, en: /Which is closest to how the problem shows up\?/ };

  /** A walk taken to the "did any of these happen?" question by typed answers. */
  async function atEventQuestion(locale: 'ja-JP' | 'en-US') {
    const say = conversation(locale);
    const ja = locale === 'ja-JP';
    await say(ja ? '接続が無効になりました' : 'my flow connection shows invalid');
    await say(ja ? 'ユーザーです' : 'end user');
    assert.match(await say(ja ? 'コードはないです' : 'no code'), ja ? EVENT_QUESTION.ja : EVENT_QUESTION.en);
    return say;
  }

  for (const [locale, text] of [
    ['ja-JP', 'MFAを有効にしてから401が出るようになりました'],
    ['ja-JP', '先週から多要素認証が必須になって、フローが 401 で失敗します'],
    ['ja-JP', '条件付きアクセスを設定したら401エラーでフローが止まった'],
    ['ja-JP', '二段階認証を導入した翌日からフローが401で落ちてます'],
    ['ja-JP', '401 Unauthorized が出る。MFA を入れた直後から'],
    ['en-US', 'we enabled MFA and since then the flow fails with 401'],
    ['en-US', 'after we rolled out MFA last week my flows get 401 unauthorized'],
    ['en-US', 'flows fail with a 401 since IT turned on conditional access'],
    ['en-US', 'we added a new CA policy and now the connection returns 401'],
    ['en-US', 'getting 401s in my flow ever since mfa was enforced'],
  ] as const) {
    it(`an error code and the change before it, in one message, lead on from the change: "${text}"`, async () => {
      const reply = await conversation(locale)(text);
      const ja = locale === 'ja-JP';
      assert.match(reply, ja ? MFA_QUESTION.ja : MFA_QUESTION.en, reply);
      assert.match(reply, ja ? /401 Unauthorized/ : /401 Unauthorized/, reply);
      assert.doesNotMatch(reply, ja ? /まず接続を再認証してください/ : /Re-authenticate the connection first/, reply);
    });
  }

  it('answering the skipped role after a message with a code and its cause stays on the way of the cause (ja, en)', async () => {
    for (const [locale, first, role, next] of [
      ['ja-JP', 'MFAを有効にしてから401が出るようになりました', '管理者です', MFA_QUESTION.ja],
      ['en-US', 'we enabled MFA and since then the flow fails with 401', "I'm the IT admin", MFA_QUESTION.en],
    ] as const) {
      const say = conversation(locale);
      await say(first);
      const reply = await say(role);
      assert.match(reply, next, reply);
      assert.doesNotMatch(reply, /まず接続を再認証してください|Re-authenticate the connection first/, reply);
    }
  });

  for (const [locale, text] of [
    ['ja-JP', 'パスワード変えたしMFAも入ったんですけど、フローの接続が切れました'],
    ['ja-JP', '自分でパスワードを変更して、その後 多要素認証が有効になりました。接続が無効です'],
    ['ja-JP', 'パスワードを変えたのと、条件付きアクセスが変わったのと両方あって接続が切れた'],
    ['ja-JP', 'SSPRでパスワードをリセットしたし、MFAも導入されたばかりです。フローが止まりました'],
    ['ja-JP', 'パスワードの有効期限が切れて、同じ週に二段階認証も必須になった。接続エラーです'],
    ['en-US', 'I changed my password and we also turned on MFA, now the flow connection is invalid'],
    ['en-US', 'my password expired and IT enabled MFA the same week, my connection broke'],
    ['en-US', 'I used self-service password reset and then conditional access was changed, connection is broken'],
    ['en-US', 'I changed my password yesterday, and MFA was enabled this morning; the flow connection is invalid'],
    ['en-US', 'two things happened: I changed my password and a new conditional access policy was added. connection invalid'],
  ] as const) {
    it(`a change that is no cause and one that is, in one message: both are used: "${text}"`, async () => {
      const reply = await conversation(locale)(text);
      const ja = locale === 'ja-JP';
      assert.match(reply, ja ? /この出来事では接続は無効になりません/ : /This event does not invalidate a connection/, reply);
      assert.match(reply, ja ? MFA_QUESTION.ja : MFA_QUESTION.en, reply);
    });
  }

  for (const [locale, text] of [
    ['en-US', 'actually no, nobody reset anything'],
    ['en-US', 'no one has reset anything'],
    ['en-US', 'nobody did any of that'],
    ['en-US', 'hmm, no one touched anything as far as I know'],
    ['en-US', 'nobody here has reset or changed a thing'],
    ['ja-JP', 'いや、誰もリセットなんてしてないです'],
    ['ja-JP', 'だれもリセットしてません'],
    ['ja-JP', 'だれも触ってないと思います'],
    ['ja-JP', '誰一人パスワードはいじってない'],
    ['ja-JP', 'うちでは誰も設定を変えてません'],
  ] as const) {
    it(`nobody having done anything answers "none of these": "${text}"`, async () => {
      const say = await atEventQuestion(locale);
      const reply = await say(text);
      assert.match(reply, locale === 'ja-JP' ? HOW_IT_SHOWS.ja : HOW_IT_SHOWS.en, reply);
      assert.doesNotMatch(reply, /taken that answer back|取り消しました/, reply);
    });
  }

  it('at an outcome, "actually no, nobody did it" takes the answer back as "none of these" (en, ja)', async () => {
    for (const [locale, answer, denial, next] of [
      ['en-US', 'someone reset my password I think', 'actually no, nobody reset anything', HOW_IT_SHOWS.en],
      ['ja-JP', '管理者がパスワードをリセットしました', 'やっぱり違いました、誰もリセットしてないです', HOW_IT_SHOWS.ja],
    ] as const) {
      const say = await atEventQuestion(locale);
      assert.match(await say(answer), /Did this solve it\?|これで解決しましたか/);
      const reply = await say(denial);
      assert.match(reply, next, reply);
    }
  });

  for (const [locale, text] of [
    ['en-US', 'someone reset my password I think'],
    ['en-US', 'helpdesk reset passwords for everyone on Monday'],
    ['en-US', 'they reset my password yesterday'],
    ['en-US', 'my password was changed by IT'],
    ['en-US', 'somebody reset the passwords last night'],
  ] as const) {
    it(`a reset done by someone else is the admin reset: "${text}"`, async () => {
      const say = await atEventQuestion(locale);
      assert.match(await say(text), /An admin's password reset in the Microsoft 365 admin center/);
    });
  }

  for (const [locale, text] of [
    ['ja-JP', '変えたのは情シスの人でした'],
    ['ja-JP', 'いえ、変更したのは管理者です'],
    ['ja-JP', '情シスの人が変えてました'],
    ['ja-JP', 'やったのはヘルプデスクです'],
    ['ja-JP', '実はシステム部の担当者が変更しました'],
    ['en-US', 'actually it was IT who changed it, not me'],
    ['en-US', 'it was the helpdesk that reset it'],
    ['en-US', 'the IT team changed it, not me'],
    ['en-US', 'no wait, it was our admin who did it'],
    ['en-US', 'helpdesk did it'],
  ] as const) {
    it(`after "I changed my password", who really did it leads to the admin reset: "${text}"`, async () => {
      const say = await atEventQuestion(locale);
      const ja = locale === 'ja-JP';
      assert.match(await say(ja ? 'パスワードを変えました' : 'I changed my password'), ja ? /この出来事では接続は無効になりません/ : /does not invalidate a connection/);
      const reply = await say(text);
      assert.match(reply, ja ? /管理者による Microsoft 365 管理センターでのパスワード リセット/ : /An admin's password reset/, reply);
    });
  }

  for (const [locale, fix, outcome] of [
    ['ja-JP', 'あ、やっぱり403でした', /アクセス許可がない状態で、接続の無効化ではありません/],
    ['ja-JP', 'えっと、すみません、403でした', /アクセス許可がない状態で、接続の無効化ではありません/],
    ['ja-JP', 'あっ、間違えました。AADSTS50105 でした', /AADSTS50105 は/],
    ['ja-JP', 'ああ、ごめん、403だった', /アクセス許可がない状態で、接続の無効化ではありません/],
    ['ja-JP', 'うーん、やっぱり AADSTS70008 です', /90 日以上使われず/],
  ] as const) {
    it(`a correction after an interjection changes the earlier answer: "${fix}"`, async () => {
      const say = conversation(locale);
      await say(locale === 'ja-JP' ? '接続が切れた' : 'connection broken');
      await say(locale === 'ja-JP' ? 'ユーザー' : 'user');
      await say('401');
      const reply = await say(fix);
      assert.match(reply, outcome, reply);
    });
  }

  it('「やっぱり違いました、SSPRでした」 changes the event answered before (ja)', async () => {
    const say = await atEventQuestion('ja-JP');
    assert.match(await say('多要素認証を入れました'), MFA_QUESTION.ja);
    const reply = await say('やっぱり違いました、SSPRでした');
    assert.match(reply, /前の回答を変更[\s\S]*この出来事では接続は無効になりません/, reply);
  });

  for (const text of ['did not fix it', 'did not solve anything', 'does not work', 'did not work at all', 'is not working still']) {
    it(`an English "did not…" at an outcome is "not solved", not a question: "${text}"`, async () => {
      const say = conversation('en-US');
      await say('connection broken');
      await say('user');
      assert.match(await say('AADSTS50076'), /Did this solve it\?/);
      const reply = await say(text);
      assert.match(reply, /here's the next most likely cause/, reply);
    });
  }

  for (const [locale, text, walk] of [
    ['ja-JP', 'フローのコネクションがエクスパイアしました', /あなたの立場/],
    ['ja-JP', '接続がさい認証ぎれになってる', /あなたの立場/],
    ['ja-JP', 'フローの接続がタイムアウトしました', /あなたの立場/],
    ['ja-JP', 'コネクタの接続がエキスパイアしてる', /あなたの立場/],
    ['ja-JP', '接続がexpireしてる', /あなたの立場/],
    ['en-US', 'session timeout on my flow connection', /which describes you/],
    ['en-US', 'my flow connection timed out', /which describes you/],
    ['en-US', 'the connection times out every morning', /which describes you/],
    ['en-US', 'expiry of the connection in my flow again', /which describes you/],
    ['en-US', 'token timeout with the connector', /which describes you/],
  ] as const) {
    it(`a lapse in a loanword or a reading is a report: "${text}"`, async () => {
      const reply = await conversation(locale)(text);
      assert.match(reply, walk, reply);
    });
  }

  for (const [text, next] of [
    ['ゆーざーです', /どのエラーが表示されていますか/],
    ['へるぷですくの者です', /どのエラーが表示されていますか/],
  ] as const) {
    it(`a katakana word typed in hiragana answers the role: "${text}"`, async () => {
      const say = conversation('ja-JP');
      await say('接続が無効になりました');
      assert.match(await say(text), next);
    });
  }

  for (const text of ['えらーこーどはでてない', 'こーどなし', 'コード無し']) {
    it(`no error code, in kana or with 無し: "${text}"`, async () => {
      const say = conversation('ja-JP');
      await say('接続が無効になりました');
      await say('ユーザーです');
      assert.match(await say(text), EVENT_QUESTION.ja);
    });
  }

  for (const [text, outcome] of [
    ['ぱすわーどをりせっとしてもらった', /管理者による Microsoft 365 管理センターでのパスワード リセット/],
    ['あかうんとがろっくされた', /アカウントが無効化 \(または削除・ロック\)/],
    ['たぶれっとを初期化しました', /デバイス登録の解除などの認証情報の変更/],
    ['さーびすがだうんしてたみたい', /接続先サービス側の一時的な不具合/],
    ['せっしょんをりせっとした', /更新トークンが無効化 \(取り消し\) された/],
    ['タブレットを初期化しました', /デバイス登録の解除などの認証情報の変更/],
  ] as const) {
    it(`an event in kana or everyday words is understood: "${text}"`, async () => {
      const say = await atEventQuestion('ja-JP');
      assert.match(await say(text), outcome);
    });
  }

  for (const text of ['二要素認証', '二段階認証', 'MFAです']) {
    it(`the change named by one word is the MFA change: "${text}"`, async () => {
      const say = await atEventQuestion('ja-JP');
      assert.match(await say(text), MFA_QUESTION.ja);
    });
  }

  for (const text of ['it broke the day after we changed stuff', 'it went invalid overnight after the change']) {
    it(`a delay after a change, in everyday English, is the delayed invalidation: "${text}"`, async () => {
      const say = await atEventQuestion('en-US');
      assert.match(await say("I don't know"), HOW_IT_SHOWS.en);
      assert.match(await say(text), /Turning invalid some time after the change is expected/);
    });
  }

  for (const text of ['なんもしてない', 'いつのまにか', '気づいたらこうなってました']) {
    it(`nothing done, or out of nowhere, is "none of these": "${text}"`, async () => {
      const say = await atEventQuestion('ja-JP');
      assert.match(await say(text), HOW_IT_SHOWS.ja);
    });
  }

  for (const [text, next] of [
    ['we got MFA last week', MFA_QUESTION.en],
    ['I logged out of everything on my account page', /"Sign out everywhere" on My Account invalidated the connection/],
    ['IT wiped my tablet', /A credential change such as removing a device registration/],
    ['it just broke out of nowhere', HOW_IT_SHOWS.en],
    ['MFA', MFA_QUESTION.en],
    ['2FA', MFA_QUESTION.en],
  ] as const) {
    it(`an event in everyday English is understood: "${text}"`, async () => {
      const say = await atEventQuestion('en-US');
      assert.match(await say(text), next);
    });
  }

  for (const [locale, text, walk] of [
    ['ja-JP', 'ぱすわーどをりせっとしてもらったら接続が切れた', /管理者による Microsoft 365 管理センターでのパスワード リセット/],
    ['en-US', 'my flow connection is busted', /which describes you/],
    ['en-US', 'the connector in my flow is borked again', /which describes you/],
  ] as const) {
    it(`a first message in kana or slang: "${text}"`, async () => {
      assert.match(await conversation(locale)(text), walk);
    });
  }
});
