import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { questionForm } from '../../../src/core/search/query.js';
import { answerHits, type GoldRef } from '../../../src/core/search/evaluation.js';
import { sharedKnowledgeBase } from './shared.js';

describe('questions asking what a thing is', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('reads "what is X", "define X", "what does X mean" and 「Xとは」 as asking what X is', () => {
    for (const q of ['okay so what is a CAE token', 'そもそも SAML トークンって何？', 'what is MFA', "what's a refresh token?", 'define conditional access', 'what does AADSTS50076 mean?', 'MFAとは何ですか', '更新トークンって何？', 'これ何？', 'これなんですか？']) {
      assert.equal(questionForm(q), 'define', q);
    }
    // Asking for something of the thing (its default, a difference, what is wrong) is not asking what it is.
    for (const q of ['what is the default lifetime of an access token?', "what's wrong with my flow?", 'what is the difference between 401 and 403?', 'ファイル名の上限って何文字？', '保存期間って何日？']) {
      assert.notEqual(questionForm(q), 'define', q);
    }
  });

  const cases: [string, GoldRef[]][] = [
    ['what is conditional access?', [{ doc: 'conditional-access-mfa', any: ['方法とタイミングを制御できる'] }]],
    ['define conditional access', [{ doc: 'conditional-access-mfa', any: ['方法とタイミングを制御できる'] }]],
    ['条件付きアクセスって何？', [{ doc: 'conditional-access-mfa', any: ['方法とタイミングを制御できる'] }]],
    ['what is MFA', [{ doc: 'error-401', any: ['パスワードだけでなく'] }, { doc: 'conditional-access-mfa', any: ['通常はパスワードと生体認証'] }]],
    ['MFAとは何ですか', [{ doc: 'error-401', any: ['パスワードだけでなく'] }, { doc: 'conditional-access-mfa', any: ['通常はパスワードと生体認証'] }]],
    ['what does MaxInactiveTime mean', [{ doc: 'token-lifetimes', any: ['更新トークンの最大非アクティブ時間'] }]],
    ["what's CAE?", [{ doc: 'token-lifetimes', any: ['継続的アクセス評価'] }]],
    ['what is an access token?', [{ doc: 'invalid-connection', any: ['リソースに対するトークン'] }, { doc: 'token-lifetimes', any: ['保護されたリソースにアクセスするためにアクセス トークンを使用します'] }]],
    ['what is a refresh token', [{ doc: 'invalid-connection', any: ['継続的なアクセスを行うためのトークン'] }]],
    ['what is MaxAgeSingleFactor?', [{ doc: 'conditional-access-mfa', any: ['単一要素の更新トークン用です'] }, { doc: 'token-lifetimes', any: ['単一要素更新トークンの最長有効期間'] }]],
    ['what does 401 unauthorized mean?', [{ doc: 'error-401', any: ['認証に失敗'] }]],
    ['そもそもトークン ライフタイム ポリシーって何のこと？', [{ doc: 'token-lifetimes', any: ['一種のポリシー オブジェクト'] }]],
    ['so what is a token lifetime policy, in short?', [{ doc: 'token-lifetimes', any: ['一種のポリシー オブジェクト'] }]],
  ];
  for (const [q, gold] of cases) {
    it(`answers "${q}" first with a text saying what it is`, () => {
      const r = kb.ask(q);
      assert.ok(r.answers[0] && answerHits(r.answers[0], gold), `${q} → ${r.answers[0]?.id}`);
    });
  }

  it('reads a question asked indirectly ("asked what X means", "how would you explain what X is") as asking what X is', () => {
    for (const q of ['my boss wants to know what MaxInactiveTime means', 'someone asked me what CAE stands for', 'how would you explain what conditional access is?']) {
      assert.equal(questionForm(q), 'define', q);
    }
    // How to explain something else than what a thing is stays a how-question.
    assert.equal(questionForm('how do I explain to users that their flows will stop?'), 'how');
  });

  const indirect: [string, GoldRef[]][] = [
    ["my colleague asked what 'Unauthorized' really means, how would you explain it?", [{ doc: 'error-401', any: ['「未認証」や「認証に失敗」', '身分証明書'] }]],
    ['my boss wants to know what MaxInactiveTime means', [{ doc: 'token-lifetimes', any: ['更新トークンの最大非アクティブ時間'] }]],
    ['someone asked me what CAE stands for', [{ doc: 'token-lifetimes', any: ['継続的アクセス評価'] }]],
    ['how would you explain what conditional access is?', [{ doc: 'conditional-access-mfa', any: ['方法とタイミングを制御できる'] }]],
  ];
  for (const [q, gold] of indirect) {
    it(`answers "${q}" first with a text saying what it is`, () => {
      const r = kb.ask(q);
      assert.ok(r.answers[0] && answerHits(r.answers[0], gold), `${q} → ${r.answers[0]?.id}`);
    });
  }

  it('gives no yes or no before saying what a thing is', () => {
    const r = kb.ask('MFAとは何ですか');
    assert.doesNotMatch(r.answers[0].text, /^(?:はい|いいえ)。/);
  });
});
