import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { answerHits } from '../../../src/core/search/evaluation.js';
import { sharedKnowledgeBase } from './shared.js';

describe("an administrator's question for a setting's recommended value", function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  // The MFA article's advice for MaxAgeMultiFactor: ideally until-revoked, so connections keep working.
  const UNTIL_REVOKED = [{ doc: 'conditional-access-mfa', any: ['「取り消されるまで」の値'] }];
  for (const q of ['what MaxAgeMultiFactor value would you recommend for our flow connections?', 'MaxAgeMultiFactor って何にしておくのが推奨？']) {
    it(`answers "${q}" first with the value the documents recommend`, () => {
      const first = kb.ask(q).answers[0];
      assert.ok(first && answerHits(first, UNTIL_REVOKED), `${q} → ${first?.id}`);
    });
  }
});

describe('a noun standing for the quote before it', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('is no thing a how-question acts on: the quoted words say what is asked (「…」みたいな運用)', () => {
    assert.deepEqual(kb.analyze('「毎朝サインインし直させる」みたいな運用はどうやって実現するの？').subjects, []);
    // Without the quote the noun is what is acted on.
    assert.notDeepEqual(kb.analyze('「毎朝サインインし直させる」運用はどうやって実現するの？').subjects, []);
  });

  it('leaves the question answered by what the quote asks for, sign-in frequency', () => {
    const r = kb.ask('セッション トークンのポリシーが使えないなら、「毎日サインインし直させる」みたいな運用はどうやって実現するの？');
    assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.passage.includes('サインインの頻度'))), r.answers.map((a) => a.id).join(', '));
  });
});

describe('a question on why a conditional access change breaks connections, asked through what the refresh token holds', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  // The curated answer on the change cites the passage saying what the refresh token records.
  const RECORDS = [{ doc: 'invalid-connection', any: ['認証を行った際の IP アドレス'] }];
  for (const q of ['条件付きアクセスの場所を変えたら接続が切れた。更新トークンって認証したときの情報を持ってるの？', 'after a conditional access change our connections broke. does the refresh token hold information about how the user signed in?']) {
    it(`answers "${q}" first with the text on what the refresh token records`, () => {
      const first = kb.ask(q).answers[0];
      assert.ok(first && answerHits(first, RECORDS), `${q} → ${first?.id}`);
    });
  }
});
