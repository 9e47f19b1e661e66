import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { answerHits } from '../../../src/core/search/evaluation.js';
import { sharedKnowledgeBase } from './shared.js';

/** The passage saying refresh and session token lifetimes can no longer be configured. */
const RETIRED = [{ doc: 'token-lifetimes', any: ['2021 年 1 月 30 日の時点で', '構成が廃止された後'] }];

describe('a question whether a retired setting can still be used', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('reads まだ / 今でも / "still" with an ability as asking whether it still can be done', () => {
    for (const q of ['MaxInactiveTime ってまだ延ばせるんだっけ？', '今でもポリシーで更新トークンの期限を変更できますか', 'can we still change MaxInactiveTime?', 'is a session token policy still supported?']) {
      assert.equal(kb.analyze(q).asksStill, true, q);
    }
    // Things still happening are no question whether they can be done.
    for (const q of ['無効化したのにまだ動いてる', 'it still fails after re-authenticating', 'MaxInactiveTime の既定値は？']) {
      assert.equal(kb.analyze(q).asksStill, false, q);
    }
  });

  for (const q of ['MaxInactiveTime って今でも 120 日とかに変えられる？', 'could we still raise MaxInactiveTime to 120 days in a policy?']) {
    it(`answers "${q}" first with the text saying it was retired`, () => {
      const first = kb.ask(q).answers[0];
      assert.ok(first && answerHits(first, RETIRED), `${q} → ${first?.id}`);
    });
  }
});
