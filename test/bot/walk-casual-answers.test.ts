import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/**
 * The diagnosis answered the way people type in a chat (replies as they arrive at the
 * connector): casual forms, kana for kanji, a hedge, a change of mind, two causes in one
 * message (phrasings written for these tests).
 */
describe('the diagnosis follows casual answers and answers naming two causes (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const conversation = (locale: string) => {
    const { say } = deliver(locale);
    return async (text: string): Promise<string> => allText(await say(text));
  };

  const ROLE = { ja: /まず、あなたの立場を教えてください/, en: /First, which describes you\?/ };
  const SYMPTOM = { ja: /どのエラーが表示されていますか/, en: /Which error does the flow run history/ };
  const EVENT = { ja: /次のどれかがありましたか/, en: /Did any of these happen before/ };
  const MFA = { ja: /多要素認証や条件付きアクセスの変更のあと、どうなっていますか/, en: /Since the MFA or conditional access change, what happens\?/ };
  const NOT_A_CAUSE = { ja: /この出来事では接続は無効になりません/, en: /This event does not invalidate a connection/ };
  const ADMIN_RESET = { ja: /管理者による Microsoft 365 管理センターでのパスワード リセット/, en: /An admin's password reset in the Microsoft 365 admin center/ };
  const DEVICE = { ja: /デバイス登録の解除などの認証情報の変更/, en: /A credential change such as removing a device registration/ };
  const OTHER_NAMED = { ja: /ほかにも原因になり得ること/, en: /You also mentioned something else/ };

  /** A walk at "did any of these happen?", reached by typed answers. */
  async function atEvent(locale: 'ja-JP' | 'en-US') {
    const say = conversation(locale);
    const ja = locale === 'ja-JP';
    await say(ja ? 'フローの接続が切れてます' : 'the connection of my flow is broken');
    await say(ja ? '使う側です' : 'just a user');
    assert.match(await say(ja ? 'コードはでてないです' : 'there is no code'), ja ? EVENT.ja : EVENT.en);
    return say;
  }

  it('who built the flow said the other way round (「作ってるのは自分です」) is the end user', async () => {
    for (const answer of ['作ってるのは自分です', 'つくったのはぼくです', '使ってるのは私だけです']) {
      const say = conversation('ja-JP');
      assert.match(await say('フローの接続が切れてます'), ROLE.ja);
      const reply = await say(answer);
      assert.match(reply, SYMPTOM.ja, `${answer}: ${reply}`);
    }
  });

  it('a change of mind said casually (「やっぱ」) changes the earlier answer', async () => {
    const say = conversation('ja-JP');
    await say('フローの接続が切れてます');
    await say('使う側です');
    const reply = await say('あー、ごめんやっぱ情シスでした');
    assert.match(reply, /前の回答を変更して/, reply);
    assert.match(reply, SYMPTOM.ja, reply);
  });

  it('the MFA change said in kana, as "became required", or hedged in one word', async () => {
    for (const answer of ['MFAがはいったみたいです', 'こないだから2段階認証が必須になりました', 'おそらく多要素認証かも', 'maybe MFA?', "I think it's the 2FA thing"]) {
      const ja = !/^[\x20-\x7e]+$/.test(answer);
      const say = await atEvent(ja ? 'ja-JP' : 'en-US');
      const reply = await say(answer);
      assert.match(reply, ja ? MFA.ja : MFA.en, `${answer}: ${reply}`);
    }
  });

  it('two events named in one answer are both used: the one that is no cause, then the real one', async () => {
    for (const [locale, answer] of [
      ['ja-JP', 'パスワードを変えたうえにMFAも入った'],
      ['en-US', 'I changed my password, and the same week they turned on MFA'],
    ] as const) {
      const ja = locale === 'ja-JP';
      const say = await atEvent(locale);
      const reply = await say(answer);
      assert.match(reply, ja ? NOT_A_CAUSE.ja : NOT_A_CAUSE.en, `${answer}: ${reply}`);
      assert.match(reply, ja ? MFA.ja : MFA.en, `${answer}: ${reply}`);
    }
  });

  it('two causes named in one answer: when the first does not solve it, the second is looked at next', async () => {
    for (const [locale, answer, no] of [
      ['ja-JP', '情シスにパスワードを初期化してもらったし、スマホも機種変した', 'ダメでした'],
      ['en-US', 'the helpdesk reset my password, and my laptop was replaced last week', 'no luck'],
    ] as const) {
      const ja = locale === 'ja-JP';
      const say = await atEvent(locale);
      const first = await say(answer);
      assert.match(first, ja ? ADMIN_RESET.ja : ADMIN_RESET.en, `${answer}: ${first}`);
      const next = await say(no);
      assert.match(next, ja ? OTHER_NAMED.ja : OTHER_NAMED.en, `${answer}: ${next}`);
      assert.match(next, ja ? DEVICE.ja : DEVICE.en, `${answer}: ${next}`);
    }
  });

  it('an admin saying "we reset" the passwords names an admin reset', async () => {
    const say = await atEvent('en-US');
    const reply = await say('we reset the passwords of the whole sales team on Monday');
    assert.match(reply, ADMIN_RESET.en, reply);
  });

  it('starting over or stopping asked casually (「やっぱ」, "let me")', async () => {
    for (const [locale, text, expected] of [
      ['ja-JP', 'やっぱやめときます', /診断を取り消しました/],
      ['ja-JP', 'やっぱ最初からでお願いします', /最初の質問からやり直します/],
      ['en-US', 'let me start over', /Starting the diagnosis over/],
    ] as const) {
      const say = conversation(locale);
      await say(locale === 'ja-JP' ? 'フローの接続が切れてます' : 'the connection of my flow is broken');
      await say('1');
      const reply = await say(text);
      assert.match(reply, expected, `${text}: ${reply}`);
    }
  });
});
