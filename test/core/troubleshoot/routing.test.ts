import assert from 'node:assert/strict';
import { applyInput, classifyMessage, startWalk, type TroubleshootingTree, type WalkState } from '../../../src/core/troubleshoot/index.js';
import { trees } from './trees.js';

const tree: TroubleshootingTree = trees.find((t) => t.id === 'invalid-connection')!;

/** A walk standing at `nodeId`, as if the questions before it were answered. */
function at(nodeId: string): WalkState {
  return { ...startWalk(tree), nodeId, trail: ['role'] };
}

describe('routing: what a message is', () => {
  const cases: [string, ReturnType<typeof classifyMessage>][] = [
    ['今朝から接続が切れてフローが止まってる', 'report'],
    ['Our flow connections show as expired since this morning', 'report'],
    ['my flows stopped running after lunch', 'report'],
    ['管理者がパスワードをリセットすると接続は無効になりますか？', 'question'],
    ['If an admin revokes my sessions, will the connection break?', 'question'],
    ['why do connections become invalid after MFA is turned on?', 'question'],
    ['401 と 403 は何が違う？', 'question'],
    ['all my flows failed overnight, connection expired?', 'unclear'],
    ['フローが止まった、接続切れてる？', 'unclear'],
    ['先月異動したばかりです', 'statement'],
    // 〜みたい says what seems to be, not what one wants (〜たい).
    ['情シスが先週 MFA を必須にしたみたい', 'statement'],
    // ことは, あとは: no "what is" (〜とは).
    ['そういうことはしていません', 'statement'],
    ['あとは再接続するだけです', 'statement'],
    // A thing of the user's in a failed state, with words between, in either order, misspelt.
    ['承認フローの接続がなぜか昨日から全部エラーになる', 'report'],
    ['SharePoint の接続がまた勝手に無効になってた', 'report'],
    ['the outlook connection in my flow shows as invalid again', 'report'],
    ['conection to sharepoint is broken', 'report'],
    ['sharepoint conn dead again', 'report'],
    ['all of our scheduled flows died last night', 'report'],
    ['接続を修正してもぜんぜん直らない', 'report'],
    // 「こける」 is how Japanese IT people say a run failed.
    ['月次のフローが今朝からずっとコケてる', 'report'],
    ['AADSTS50076 で承認フローがこけました', 'report'],
    // A failure inside a condition is a question about what to do then.
    ['接続が切れたら自動で通知するには', 'question'],
    ['フローが失敗した場合にメールを送る方法', 'question'],
    ['send me a Teams message whenever a flow fails', 'statement'],
    ['what happens if the connection expires while a flow is running?', 'question'],
    // Asking what to do about one's own failure is asking for the diagnosis.
    ['接続が無効って出てるんだけど、どうしたらいいの？', 'report'],
    ['our connection expired, what should we do?', 'report'],
    ['お世話になっております。今朝から経費精算のフローが動いておらず、接続が「無効」と表示されております。どのように対処すればよろしいでしょうか。', 'report'],
    // …but asking what to do next time is asking for advice, answered (with the diagnosis offered).
    ['請求書フローが止まってたのに誰も気づかなかった。次からすぐ気づくにはどうすればいい？', 'unclear'],
    ['our flow connection expired again, what should we do to prevent it going forward?', 'unclear'],
    // A long mail asks its question in one sentence and closes with greetings.
    ['お世話になっております。フローの接続が無効になる条件は何でしょうか。お手数ですがよろしくお願いいたします。', 'question'],
  ];
  for (const [text, kind] of cases) it(`${kind}: ${text}`, () => assert.equal(classifyMessage(text), kind));
});

describe('walk answers in the asker\'s words (from the tree\'s data)', () => {
  const answers: [string, string, string][] = [
    ['symptom', 'エラーコードは表示されていません', 'no-code'],
    ['symptom', "there's no error code, it only says invalid", 'no-code'],
    ['symptom', 'コードは特に出てないです', 'no-code'],
    ['event', '先月から多要素認証が必須になったらしい', 'ca-mfa-change'],
    ['event', 'IT switched on multi-factor authentication for everyone', 'ca-mfa-change'],
    ['event', 'that flow sat unused for about six months', 'unused-90-days'],
    ['event', '半年くらい動かしてなかった', 'unused-90-days'],
    ['event', 'わからない', 'none'],
    ['event', "I don't know", 'none'],
    ['pattern', '3か月ぶりに動かしたフロー', 'long-unused'],
    // Every option, in both languages, as people answer (phrasings written for these tests).
    ['role', 'フローを使ってるだけの社員です', 'end-user'],
    ['role', '管理者ではないです', 'end-user'],
    ['role', 'i only build a couple of flows for my team', 'end-user'],
    ['role', 'just an ordinary user', 'end-user'],
    ['role', '情報システム部で M365 を見ています', 'admin'],
    ['role', "I'm on the IT team", 'admin'],
    ['role', 'global admin of our tenant', 'admin'],
    ['symptom', 'AADSTS70008 と表示されます', 'aadsts70008'],
    ['symptom', '多要素認証を使用する必要がありますと出る', 'aadsts50076'],
    ['symptom', 'it says 401', 'http401'],
    ['symptom', 'Forbidden と出ています', 'http403'],
    ['symptom', 'ほかのエラーコードが出ている', 'other-code'],
    ['symptom', 'a different AADSTS error', 'other-code'],
    ['symptom', 'よく分かりません', 'no-code'],
    ['symptom', 'まだ確認してません', 'no-code'],
    ['symptom', "haven't looked at the run history", 'no-code'],
    ['symptom', 'dunno', 'no-code'],
    ['other-code', 'AADSTS50105 でした', 'aadsts50105'],
    ['other-code', 'request loop って書いてある', 'aadsts50196'],
    ['other-code', 'AADSTS7000215', 'different-code'],
    ['other-code', 'どれでもないです', 'different-code'],
    ['other-code', 'something else', 'different-code'],
    ['event', 'Revoke-MgUserSignInSession を流しました', 'token-revoked'],
    ['event', 'we killed all the sessions for that user', 'token-revoked'],
    ['event', 'ヘルプデスクにパスワードをリセットされた', 'admin-password-reset'],
    ['event', 'the helpdesk reset my password on Monday', 'admin-password-reset'],
    ['event', '二段階認証が必須になった', 'ca-mfa-change'],
    ['event', 'we rolled out a new conditional access policy', 'ca-mfa-change'],
    ['event', 'ノートPCを交換しました', 'device-removed'],
    ['event', 'my laptop was reimaged', 'device-removed'],
    ['event', '全部のデバイスからサインアウトした', 'sign-out-everywhere'],
    ['event', 'I logged out of all sessions', 'sign-out-everywhere'],
    ['event', '久々に実行したら', 'unused-90-days'],
    ['event', "it hadn't been used since last year", 'unused-90-days'],
    ['event', 'Exchange 側で障害が出てたらしい', 'service-fault'],
    ['event', 'SharePoint was down that morning', 'service-fault'],
    ['event', 'パスワードの期限切れ', 'password-expired'],
    ['event', 'my pw expired', 'password-expired'],
    ['event', '先週自分でパスワードを変えました', 'own-password-change'],
    ['event', 'I updated my password', 'own-password-change'],
    ['event', 'SSPR を使ってリセット', 'self-service-reset'],
    ['event', 'I reset my password myself with self-service', 'self-service-reset'],
    ['event', 'ブラウザでログアウトしただけ', 'single-sign-out'],
    ['event', 'I signed out of the portal', 'single-sign-out'],
    ['event', '特に何もしてないと思う', 'none'],
    ['event', '心当たりがありません', 'none'],
    ['event', 'いいえ', 'none'],
    ['event', 'nah', 'none'],
    ['event', 'nothing that I am aware of... no changes', 'none'],
    ['event', 'not that I know of', 'none'],
    ['real-cause', 'さっぱりわかりません', 'none'],
    ['real-cause', 'admin revoked everything with PowerShell', 'token-revoked'],
    ['mfa', '2週間おきに切れる', 'every-14-days'],
    ['mfa', 'it keeps breaking over and over, about every couple weeks', 'every-14-days'],
    ['mfa', '変更した直後に一回切れただけ', 'once-after-change'],
    ['mfa', 'only one time, right after the change', 'once-after-change'],
    ['mfa', '50076 が出ます', 'shows-50076'],
    ['pattern', '毎回2週間くらいで無効になる', 'recurring-14-days'],
    ['pattern', 'ときどき勝手に切れてます', 'recurring-14-days'],
    ['pattern', 'it drops every now and then', 'recurring-14-days'],
    ['pattern', '半年ぶりのフロー', 'long-unused'],
    ['pattern', 'ポリシーを変えて数時間後に切れた', 'delayed-after-change'],
    ['pattern', 'it went invalid the next morning after the change', 'delayed-after-change'],
    ['pattern', 'わかんないです', 'unknown'],
    ['pattern', 'no clue', 'unknown'],
    // いつも, どこか and 〜みたい ask nothing, nor the とは of ことは.
    ['event', '思い当たることは特にありません', 'none'],
    ['real-cause', 'そういうことはしていないと思います', 'none'],
    ['real-cause', "we didn't do any of those", 'none'],
    ['role', 'いつもフローを使ってるだけの人です', 'end-user'],
    ['event', 'どこかのタイミングで二段階認証が必須になったみたい', 'ca-mfa-change'],
    // Who one is by what one does or where one works; a right one lacks; an error in words.
    ['role', '承認フローを作ってる人です', 'end-user'],
    ['role', '管理者の権限は持ってないです', 'end-user'],
    ['role', '経理課の者です', 'end-user'],
    ['role', "I'm the author of this flow", 'end-user'],
    ['role', 'システム課です', 'admin'],
    ['role', 'I work on the IT team', 'admin'],
    ['symptom', '権限がないって言われる', 'http403'],
    ['symptom', 'it says access denied', 'http403'],
    ['event', '情シスにパスワードを初期化されました', 'admin-password-reset'],
    ['event', '会社のスマホに認証アプリを入れた', 'ca-mfa-change'],
    ['event', '長い間そのフローは動かしてなかったです', 'unused-90-days'],
    ['event', 'it runs once a year', 'unused-90-days'],
    ['event', "honestly we haven't touched anything", 'none'],
    ['pattern', 'ポリシーを有効にした翌朝に無効になってた', 'delayed-after-change'],
    // An English sentence naming the setting in Japanese, as on a Japanese admin portal.
    ['event', 'IT rolled out 二段階認証 for everyone on Monday', 'ca-mfa-change'],
    ['event', '条件付きアクセス was changed by the admins', 'ca-mfa-change'],
    ['role', "i'm only running a flow my manager shared", 'end-user'],
    ['symptom', "can't find any error code", 'no-code'],
    ['symptom', 'MFA が必要って出てます', 'aadsts50076'],
    ['symptom', 'something like multi-factor authentication is required', 'aadsts50076'],
    ['event', 'security started enforcing MFA', 'ca-mfa-change'],
    ['pattern', 'it had sat unused for months', 'long-unused'],
    ['symptom', 'エラーコード？たぶんなかったです', 'no-code'],
    ['event', '特にないと思いますが', 'none'],
    ['event', '先月スマホを機種変しました', 'device-removed'],
    ['event', '年一回だけ動く集計フローです', 'unused-90-days'],
    ['event', '初期化してもらいました', 'admin-password-reset'],
    ['pattern', '何日か経ってから急に切れました', 'delayed-after-change'],
    // Typed fast: a misspelt word reads as the tree's word it is one or two edits from.
    ['role', 'adminstrator here', 'admin'],
    ['event', 'we enfroced mfa for everyone', 'ca-mfa-change'],
    ['event', 'helpdesk reset my pasword', 'admin-password-reset'],
    ['symptom', 'forbiden', 'http403'],
  ];
  for (const [nodeId, text, optionId] of answers) {
    it(`${nodeId}: "${text}" → ${optionId}`, () => {
      const r = applyInput(tree, at(nodeId), text, /[a-z]/i.test(text) ? 'en' : 'ja');
      assert.equal(r.accepted, true);
      assert.deepEqual(r.state.answers.at(-1), { nodeId, optionId });
    });
  }

  const solved: [string, 'solved' | 'not-solved'][] = [
    ['うん、直った', 'solved'],
    ['できました！', 'solved'],
    ['yup', 'solved'],
    ['works again, thank you', 'solved'],
    ['👍', 'solved'],
    ['まだ直らないです', 'not-solved'],
    ['同じエラーのまま', 'not-solved'],
    ['ううん', 'not-solved'],
    ["nope, still doesn't work", 'not-solved'],
    ['yes but it still fails', 'not-solved'],
    ['👎', 'not-solved'],
    ['サインインし直しても同じでした', 'not-solved'],
    ['相変わらずです、変わらず', 'not-solved'],
  ];
  for (const [text, optionId] of solved) {
    it(`"did this solve it?": "${text}" → ${optionId}`, () => {
      const r = applyInput(tree, at('out-inactive'), text, 'ja');
      assert.equal(r.accepted, true);
      assert.equal(r.state.answers.at(-1)?.optionId, optionId);
    });
  }

  it('a question about an option\'s topic is no answer; a hedged answer is one', () => {
    for (const [nodeId, text] of [['event', 'SSPR ってそもそも何ですか'], ['event', 'would a Microsoft outage do this?'], ['symptom', '403 はどういう意味？'], ['event', 'is four months of no use too long?']]) {
      assert.equal(applyInput(tree, at(nodeId), text, 'ja').accepted, false, text);
    }
    for (const [nodeId, text, optionId] of [['event', '情シスがパスワードをリセットしたからかな', 'admin-password-reset'], ['symptom', 'たぶん 401?', 'http401']]) {
      const r = applyInput(tree, at(nodeId), text, 'ja');
      assert.equal(r.state.answers.at(-1)?.optionId, optionId, text);
    }
  });

  it('a denied mention is not the option it names', () => {
    const denied: [string, string, string | undefined][] = [
      ['symptom', '403 じゃなくて、コードは何も出ていません', 'no-code'],
      ['symptom', "it's not a 401, there's no code at all", 'no-code'],
      ['event', 'パスワードは変えていないです', undefined],
      ['event', 'no outage that I know of', undefined],
      ['event', 'MFA は有効にしていません', undefined],
      ['role', "I'm not an admin", 'end-user'],
      ['event', 'セルフサービスのリセットは使っていません', undefined],
    ];
    for (const [nodeId, text, optionId] of denied) {
      const r = applyInput(tree, at(nodeId), text, 'ja');
      assert.equal(r.accepted ? r.state.answers.at(-1)?.optionId : undefined, optionId, `${nodeId}: ${text}`);
    }
  });

  it('options by position, in words: "the second one", 「最後のやつ」, "option 1"', () => {
    for (const [text, optionId] of [['the second one', 'admin'], ['最後のやつ', 'admin'], ['option 1', 'end-user'], ['1️⃣', 'end-user']]) {
      assert.equal(applyInput(tree, at('role'), text, 'en').state.answers.at(-1)?.optionId, optionId, text);
    }
    assert.equal(applyInput(tree, at('event'), 'the last one', 'en').state.answers.at(-1)?.optionId, 'none');
  });

  it('who the user is, said in the first message, is not asked again', () => {
    for (const [text, next] of [['情シスの者です。社員のフローの接続が切れたと連絡がありました', 'symptom'], ["I'm just a regular user and my connection shows invalid", 'symptom']]) {
      assert.equal(startWalk(tree, { text }).nodeId, next, text);
    }
    const acted = startWalk(tree, { text: '管理者がパスワードをリセットしたら接続が切れた' });
    assert.equal(acted.audience, undefined, 'an admin who acted is not the asker');
    assert.equal(acted.nodeId, 'out-admin-password-reset', 'the event it names leads past the questions before it');
  });

  it('a denial inside a first message settles nothing', () => {
    const s = startWalk(tree, { text: 'パスワードは変えてないのに接続が切れた' });
    const walked = applyInput(tree, applyInput(tree, s, '1', 'ja').state, 'コードなし', 'ja').state;
    assert.equal(walked.nodeId, 'event');
  });

  it('an English word inside another word is no answer ("it" is not in "neither")', () => {
    assert.equal(applyInput(tree, at('role'), 'neither', 'en').accepted, false);
  });

  it('the many ways of saying "I don\'t know" answer a question, never a first message', () => {
    const s = startWalk(tree, { text: "I don't know why but my connection is invalid" });
    const walked = applyInput(tree, applyInput(tree, s, '1', 'en').state, '6', 'en').state;
    assert.equal(walked.nodeId, 'event', 'the event question is asked, not answered from the first message');
  });

  it('a first message that says MFA was just turned on skips the question it answers', () => {
    const s = startWalk(tree, { text: 'we turned on MFA last week and now the connection is invalid' });
    const walked = applyInput(tree, applyInput(tree, s, '1', 'en').state, '6', 'en').state;
    assert.ok(walked.answers.some((a) => a.optionId === 'ca-mfa-change' && a.inferred), JSON.stringify(walked.answers));
  });
});
