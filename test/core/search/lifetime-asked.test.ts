import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { answerHits, type GoldRef } from '../../../src/core/search/evaluation.js';
import { sharedKnowledgeBase } from './shared.js';

describe('a question for how long a thing stays valid asks for its lifetime', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  const accessToken: GoldRef[] = [{ doc: 'token-lifetimes', any: ['60 分から 90 分'] }];
  const idToken: GoldRef[] = [{ doc: 'token-lifetimes', any: ['それらの有効期限まで有効とみなされます'] }];
  const first: [string, GoldRef[]][] = [
    ['how long does an access token remain valid normally?', accessToken],
    ['how long will an ID token stay valid by default?', idToken],
    ['how long does a SAML token stay valid?', [{ doc: 'token-lifetimes', any: ['トークンの既定の有効期間は 1 時間です'] }]],
    ['how long do access tokens stay good before they expire?', accessToken],
    ['How long can a CAE access token stay valid?', [{ doc: 'token-lifetimes', any: ['最大 28 時間'] }]],
    ['how long does a persistent session token stay alive if nobody uses it?', [{ doc: 'token-lifetimes', any: ['90 日'] }]],
    ['how long does an access token last?', accessToken],
    ['how long does a refresh token remain valid when it sits unused?', [{ doc: 'invalid-connection', any: ['90 日'] }, { doc: 'token-lifetimes', any: ['90 日'] }]],
    ['how long does a non-persistent session token stay valid without use?', [{ doc: 'token-lifetimes', any: ['24 時間'] }]],
  ];
  for (const [q, gold] of first) {
    it(`answers "${q}" first with the lifetime`, () => {
      const r = kb.ask(q);
      assert.ok(r.answers[0] && answerHits(r.answers[0], gold), `${q} → ${r.answers[0]?.id}`);
    });
  }

  it('reaches the lifetime among the first answers however the verb is put ("remain valid")', () => {
    const r = kb.ask('how long do ID tokens remain valid?');
    assert.ok(r.answers.slice(0, 3).some((a) => answerHits(a, idToken)), r.answers.map((a) => a.id).join(' '));
  });
});
