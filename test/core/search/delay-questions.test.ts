import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { questionForm } from '../../../src/core/search/query.js';
import type { AskResult } from '../../../src/core/search/types.js';
import { sharedKnowledgeBase } from './shared.js';

/** The texts on a delay: the gap before a connection turns invalid, an access token that cannot be revoked. */
const ON_THE_DELAY = ['期間が空く', '取り消すことはできず', '取り消すことはできません'];
const firstOnTheDelay = (r: AskResult) => !!r.answers[0]?.citations.some((c) => ON_THE_DELAY.some((p) => c.passage.includes(p)));

describe('questions about a delay between a change and its effect', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('are told by the lag named, the effect not come at once, things still working after it, or the effect coming later', () => {
    for (const q of [
      'パスワードをリセットしてからフローが止まるまでタイムラグがあるのはなぜ？',
      '多要素認証を必須にしたけど、しばらくは普通にフローが動いてた。すぐには切れないの？',
      '更新トークンを失効させても、すぐ止まらないのはなぜですか',
      'アカウントを無効にしたのに、その人のフローがまだ動いてる。いつ止まる？',
      'サインインをブロックしても接続ってすぐ切れる？',
      'MFAを有効にした後も問題なくフローが動作しています。後から接続が切れることはありますか？',
      'セッションを取り消したのに、1時間くらいフローが動き続けてたんだけど、どういうこと？',
      'Why did my connection break hours after the policy change?',
      "I revoked the user's sessions but the flow still ran. Why wasn't it immediate?",
    ]) {
      assert.equal(questionForm(q), 'delay', q);
    }
  });

  it('are not a quick failure, a wish to notice soon, an unused flow or what happened since', () => {
    assert.equal(questionForm('再接続したのにすぐまた失敗する。なんで？'), 'why');
    assert.notEqual(questionForm('止まったらすぐ気づける方法ない？'), 'delay');
    assert.notEqual(questionForm('しばらく使ってなかったフローを動かしたらエラーになった。なんで？'), 'delay');
    assert.notEqual(questionForm('パスワードの期限切れのあとから動きません。接続は無効になりますか？'), 'delay');
    assert.notEqual(questionForm('接続がすぐ切れるから、期限を延ばしたい'), 'delay');
    assert.notEqual(questionForm('I reconnected but it still fails, what else can I try?'), 'delay');
  });

  it('get the text on the delay first, not the one on what caused it', () => {
    for (const q of [
      '多要素認証を必須にしたけど、しばらくは普通にフローが動いてた。すぐには切れないの？',
      'セッションを取り消したのに、1時間くらいフローが動き続けてたんだけど、どういうこと？',
      '更新トークンを失効させても、すぐ止まらないのはなぜですか',
      'デバイス登録を解除してから接続が無効になるまで時間差があるのはなぜ？',
      'ポリシー変更の直後は平気だったのに、後から接続が無効になった。なんで？',
      'アカウントを無効にしたのに、その人のフローがまだ動いてる。いつ止まる？',
      'MFAを有効にした後も問題なくフローが動作しています。後から接続が切れることはありますか？',
      'サインインをブロックしても接続ってすぐ切れる？',
      'トークンを無効化してから接続が無効になるまでのタイムラグってどのくらい？',
      'Why did my connection break hours after the policy change?',
      "I revoked the user's sessions but the flow still ran. Why wasn't it immediate?",
    ]) {
      const r = kb.ask(q);
      assert.ok(firstOnTheDelay(r), `${q}: ${r.answers.map((a) => a.id).join(', ')}`);
    }
  });

  it('ask about the delay: the everyday words telling it are no concepts, what caused it stays one', () => {
    const labels = kb.analyze('トークンを無効化したのに、しばらくフローふつうに動いてた').concepts.map((c) => c.label);
    assert.ok(labels.includes('フロー') && labels.includes('無効化'), labels.join(','));
    assert.ok(!labels.includes('ふつう') && !labels.includes('動く'), labels.join(','));
    assert.ok(kb.analyze('すぐには切れないの？').concepts.some((c) => c.terms.includes('期間が空く')));
  });

  it('telling only of things still working after what should have stopped them get the text on what stays usable until it expires', () => {
    const untilItExpires = ['取り消すことはできず', '有効期限が切れるまでの間は使用可能', '有効期限まで有効'];
    for (const q of [
      'we blocked sign-in for a contractor yesterday but his scheduled flow still ran this morning. how?',
      'I revoked her sessions in Entra but the approval flow still sent the email afterwards, why',
      "the intern's account got disabled but his flow just ran successfully again",
      "we deleted the leaver's license and blocked the account, yet the report flow ran fine an hour ago. how come?",
      'admin disabled the user but their flow still works. is that expected?',
      'IT deactivated the account of someone who quit but one of her flows went through without errors',
      'we reset the password of the departed employee but the flow still ran',
      'account was locked by security, but the flow still runs every night. how is that possible',
      'we turned off the account on Monday but his flow ran successfully on Tuesday?',
      "after disabling the account the connection still works, why isn't it cut off",
    ]) {
      const r = kb.ask(q);
      assert.equal(questionForm(q), 'delay', q);
      assert.ok(r.answers[0]?.citations.some((c) => untilItExpires.some((p) => c.passage.includes(p))), `${q}: ${r.answers.map((a) => a.id).join(', ')}`);
    }
  });

  it('asking whether a token goes on until it expires get the text on what stays usable until it expires', () => {
    const untilItExpires = ['取り消すことはできず', '有効期限が切れるまでの間は使用可能', '有効期限まで有効'];
    for (const q of [
      'if a contractor is offboarded, does his access token remain usable until it expires?',
      'can we kill a stolen access token at once, or does it stay valid until expiry?',
      '退職者のアカウントを止めても、アクセス トークンは有効期限までは使えますか',
    ]) {
      const r = kb.ask(q);
      assert.equal(questionForm(q), 'delay', q);
      assert.ok(r.answers[0]?.citations.some((c) => untilItExpires.some((p) => c.passage.includes(p))), `${q}: ${r.answers.map((a) => a.id).join(', ')}`);
    }
  });

  it('in English: the everyday words telling the delay are no concepts', () => {
    const labels = kb.analyze('we disabled the account but his flow still sent an email an hour later').concepts.map((c) => c.label);
    assert.ok(labels.includes('flow'), labels.join(','));
    assert.ok(!labels.includes('still') && !labels.includes('sent') && !labels.includes('later'), labels.join(','));
  });

  it('get no yes or no first', () => {
    const r = kb.ask('パスワードをリセットしたのに、しばらくフローがふつうに動いてた。すぐには切れないもの？');
    assert.ok(r.answered);
    assert.ok(!/^(?:はい|いいえ)/.test(r.answers[0].text), r.answers[0].text);
  });
});
