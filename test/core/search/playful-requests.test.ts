import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { asksForFun } from '../../../src/core/search/playful-requests.js';
import { sharedKnowledgeBase } from './shared.js';

describe('requests for fun about our topics', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('recognises a joke, a pun, a poem or a song asked for, in either language', () => {
    for (const q of ['got any jokes about refresh tokens?', 'write me a haiku about expired connections', 'can you sing a song about MFA?', 'トークンについて冗談を言ってください', '条件付きアクセスでダジャレ一発', '接続エラーで笑わせて']) {
      assert.equal(asksForFun(q), true, q);
    }
  });

  it('does not take a problem told with the same words for one', () => {
    for (const q of ['something funny is happening with my flow connection, it works then breaks', '冗談抜きで接続が毎週切れるんだけど', 'the flow posts a story to our channel', 'フローが止まった']) {
      assert.equal(asksForFun(q), false, q);
    }
  });

  it('declines it without quoting a passage on the topic it names', () => {
    for (const q of ['got any jokes about refresh tokens?', 'write me a haiku about expired connections', '条件付きアクセスでダジャレ一発']) {
      const r = kb.ask(q);
      assert.equal(r.answered, false, `${q} → ${r.answers[0]?.id}`);
    }
  });
});
