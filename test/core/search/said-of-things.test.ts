/**
 * What a story says of things is not what it asks to act on, and everyday names of the sign-in
 * steps reach the documents' terms: 「ちゃんと合ってるはずなんです…どうやって確かめたら」 asks how
 * to check the sign-in, not how to act on 合う; 「スマホでの本人確認」 is multi-factor authentication.
 */
import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { sharedKnowledgeBase } from './shared.js';

describe('what a story says of things, and the everyday names of sign-in steps', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });
  const terms = (q: string) => kb.analyze(q).concepts.flatMap((c) => c.terms);

  it('an inflected everyday verb before a how-phrase is no thing acted on', () => {
    const q = '接続を修正しようとしたら、パスワードが正しくないと出ます。ちゃんと合ってるはずなんです…どうやって確かめたらいいですか';
    const a = kb.analyze(q);
    assert.deepEqual(a.subjects.map((k) => a.concepts[k].label), []);
    const r = kb.ask(q);
    assert.ok(r.answered, JSON.stringify(r.suggestions));
    assert.ok(r.answers.slice(0, 3).some((x) => x.citations.some((c) => c.passage.includes('直接サインイン'))), JSON.stringify(r.answers.map((x) => x.id)));
  });

  it('a noun before a how-phrase is still the thing acted on', () => {
    const a = kb.analyze('条件付きアクセスの除外はどうやって設定しますか');
    assert.deepEqual(a.subjects.map((k) => a.concepts[k].label), ['条件付きアクセス']);
  });

  for (const name of ['本人確認', '二段階認証', '2段階認証']) {
    it(`「${name}」 is multi-factor authentication`, () => {
      assert.ok(terms(`${name}が始まってから、毎週のように接続が切れます`).includes('多要素認証'));
    });
  }
});
