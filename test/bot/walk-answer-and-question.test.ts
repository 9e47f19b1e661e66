import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText, cards, pickValue, stepOptions, type Reply } from '../server/helpers.js';

/**
 * A walk answered the way people write in a chat (replies as they arrive at the connector):
 * an answer with a question in the same message, a question in the other language, a hedge
 * with a question mark, a place in the list, a role said by department or by not knowing,
 * words of the tree typed in hiragana, "nothing" for the error shown, a report typed in kana, and a button of a question answered already (phrasings written for these tests).
 */
describe('the diagnosis takes answers said together with a question, hedged, or by place (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const conversation = (locale: string) => {
    const { say, send } = deliver(locale);
    return { say: async (text: string): Promise<string> => allText(await say(text)), send };
  };

  const ROLE = { ja: /まず、あなたの立場を教えてください/, en: /First, which describes you\?/ };
  const SYMPTOM = { ja: /どのエラーが表示されていますか/, en: /Which error does the flow run history/ };
  const EVENT = { ja: /次のどれかがありましたか/, en: /Did any of these happen before/ };
  const MFA = { ja: /多要素認証や条件付きアクセスの変更のあと、どうなっていますか/, en: /Since the MFA or conditional access change, what happens\?/ };
  const TOOK = { ja: /診断の質問への回答にもなっていたので/, en: /also answers the diagnosis question/ };
  const PAUSED = { ja: /診断は途中のまま保存されています/, en: /Your diagnosis is paused/ };

  async function atEvent(locale: 'ja-JP' | 'en-US') {
    const { say } = conversation(locale);
    const ja = locale === 'ja-JP';
    await say(ja ? 'フローの接続が無効になってます' : 'my flow connection went invalid');
    await say(ja ? '利用者です' : 'regular user');
    assert.match(await say(ja ? 'エラーコードは見当たらないです' : 'there is no error code'), ja ? EVENT.ja : EVENT.en);
    return say;
  }

  it('an answer and a question in one message: the question is answered and the walk goes on from the answer', async () => {
    for (const [locale, answer] of [
      ['en-US', 'we switched on two-factor a few days ago, could that be it?'],
      ['ja-JP', '先週から多要素認証が必須になったけど、それが原因ですか？'],
    ] as const) {
      const ja = locale === 'ja-JP';
      const say = await atEvent(locale);
      const reply = await say(answer);
      assert.match(reply, ja ? MFA.ja : MFA.en, `${answer}: ${reply}`);
      assert.match(reply, ja ? TOOK.ja : TOOK.en, `${answer}: ${reply}`);
      assert.doesNotMatch(reply, ja ? PAUSED.ja : PAUSED.en, `${answer}: ${reply}`);
    }
    const { say } = conversation('ja-JP');
    assert.match(await say('フローの接続が無効になってます'), ROLE.ja);
    const reply = await say('一般の社員です、管理者だと何が違うんですか？');
    assert.match(reply, SYMPTOM.ja, reply);
  });

  it('a question in the other language beside the answer: the walk goes on in its own language', async () => {
    const say = await atEvent('ja-JP');
    const reply = await say('we enabled MFA on monday, is that the reason?');
    assert.match(reply, MFA.ja, reply);
    assert.match(reply, TOOK.ja, reply);
  });

  it('a condition beside the question is no answer: the walk waits where it was', async () => {
    for (const [locale, question] of [
      ['en-US', 'if an admin resets my password, will the connection break?'],
      ['ja-JP', '管理者がパスワードを初期化したら、接続は切れますか？'],
    ] as const) {
      const ja = locale === 'ja-JP';
      const say = await atEvent(locale);
      const reply = await say(question);
      assert.doesNotMatch(reply, ja ? TOOK.ja : TOOK.en, `${question}: ${reply}`);
      assert.doesNotMatch(reply, /out-admin|管理者による Microsoft 365 管理センターでのパスワード リセットで|An admin's password reset in the Microsoft 365 admin center invalidated/, `${question}: ${reply}`);
    }
  });

  it('a hedged answer with a question mark, a hedged number and a place in the list answer the step', async () => {
    for (const [locale, answer] of [
      ['en-US', 'end user, i guess?'],
      ['ja-JP', '利用者かな？'],
      ['ja-JP', 'たぶん 1'],
      ['en-US', 'probably 2'],
      ['ja-JP', 'いちばん上です'],
      ['en-US', 'the top one'],
      ['en-US', 'the bottom one'],
    ] as const) {
      const ja = locale === 'ja-JP';
      const { say } = conversation(locale);
      assert.match(await say(ja ? '診断' : 'troubleshoot'), ja ? ROLE.ja : ROLE.en);
      const reply = await say(answer);
      assert.match(reply, ja ? SYMPTOM.ja : SYMPTOM.en, `${answer}: ${reply}`);
    }
  });

  it('the role said by department, or by not knowing whether one is an admin, is the end user', async () => {
    for (const [locale, answer] of [
      ['en-US', 'I work in the finance team'],
      ['en-US', 'not sure tbh'],
      ['ja-JP', 'よくわからないです'],
    ] as const) {
      const ja = locale === 'ja-JP';
      const { say } = conversation(locale);
      await say(ja ? '診断' : 'troubleshoot');
      const reply = await say(answer);
      assert.match(reply, ja ? SYMPTOM.ja : SYMPTOM.en, `${answer}: ${reply}`);
    }
  });

  it("the tree's kanji words typed in hiragana answer as written: the role, the event", async () => {
    for (const [answer, role] of [
      ['かんりしゃをやってます', '立場: IT 管理者'],
      ['いっぱんしゃいんです', '立場: ユーザー'],
    ] as const) {
      const { say } = conversation('ja-JP');
      await say('診断');
      assert.match(await say(answer), SYMPTOM.ja, answer);
      const outcome = await say('401');
      assert.ok(outcome.includes(role), `${answer}: ${outcome}`);
    }
    const say = await atEvent('ja-JP');
    const reply = await say('きのう、じょうしにぱすわーどをしょきかしてもらいました');
    assert.match(reply, /管理者による Microsoft 365 管理センターでのパスワード リセットで接続が無効になりました/, reply);
  });

  it('"nothing" or only the mark, said of the error shown, is no code', async () => {
    for (const [locale, answer] of [
      ['en-US', 'nothing, only invalid'],
      ['en-US', 'just a warning triangle'],
      ['ja-JP', 'とくになにも'],
      ['ja-JP', '赤い警告マークだけです'],
    ] as const) {
      const ja = locale === 'ja-JP';
      const { say } = conversation(locale);
      await say(ja ? 'フローの接続が無効になってます' : 'my flow connection went invalid');
      await say(ja ? '利用者です' : 'regular user');
      const reply = await say(answer);
      assert.match(reply, ja ? EVENT.ja : EVENT.en, `${answer}: ${reply}`);
    }
  });

  it('a problem reported with its verbs in kana starts the diagnosis', async () => {
    for (const report of ['けさから接続がきれててフローもとまってる', 'フローがうごかないです、接続がこわれたのかも']) {
      const { say } = conversation('ja-JP');
      const reply = await say(report);
      assert.match(reply, ROLE.ja, `${report}: ${reply}`);
    }
  });

  it('a button of a question answered already says how to change that answer', async () => {
    const stepCard = (replies: Reply[]) => cards(replies).at(-1)!;
    const { send } = conversation('en-US');
    const roleCard = stepCard(await send({ type: 'message', text: 'troubleshoot' }));
    const symptomCard = stepCard(await send({ type: 'message', value: pickValue(roleCard, 'end-user') }));
    const eventCard = stepCard(await send({ type: 'message', value: pickValue(symptomCard, 'no-code') }));
    assert.ok(stepOptions(eventCard).some((o) => o.id === 'none'), 'at the events');
    const once = allText(await send({ type: 'message', value: pickValue(symptomCard, 'http403') }));
    assert.match(once, /belongs to an earlier step/, once);
    assert.match(once, /say "back", or type the new answer starting with "actually"/, once);
    const twice = allText(await send({ type: 'message', value: pickValue(roleCard, 'admin') }));
    assert.match(twice, /say "back" 2 times/, twice);
  });
});
