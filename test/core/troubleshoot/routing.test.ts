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
  ];
  for (const [nodeId, text, optionId] of answers) {
    it(`${nodeId}: "${text}" → ${optionId}`, () => {
      const r = applyInput(tree, at(nodeId), text, /[a-z]/i.test(text) ? 'en' : 'ja');
      assert.equal(r.accepted, true);
      assert.deepEqual(r.state.answers.at(-1), { nodeId, optionId });
    });
  }

  it('a first message that says MFA was just turned on skips the question it answers', () => {
    const s = startWalk(tree, { text: 'we turned on MFA last week and now the connection is invalid' });
    const walked = applyInput(tree, applyInput(tree, s, '1', 'en').state, '6', 'en').state;
    assert.ok(walked.answers.some((a) => a.optionId === 'ca-mfa-change' && a.inferred), JSON.stringify(walked.answers));
  });
});
