import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/** Passages read as answers, not as document chunks, as Teams receives them (phrasings written for these tests). */
describe('a passage answer reads as an answer, not a chunk of the page (what Teams receives)', function () {
  const { conversation } = deliveringToFakeConnector();

  it('「以下の点を意識しましょう」 is followed by the headings of the points, not left hanging', async () => {
    const reply = allText((await conversation('ja-JP').say('401エラーを今後起こさないための対策は？')).slice(0, 1));
    assert.match(reply, /以下の点を意識しましょう。(?: \[\d+\])?\s*\n\s*[-•]\s*定期的な接続の確認と再認証[\s\S]*再試行ポリシーの活用[\s\S]*サービスアカウントの利用検討/, reply);
  });

  it('a callout\'s label line is joined to its text: no answer opens with a bare 「注意」 or shows an English "Note" line', async () => {
    const reply = allText((await conversation('ja-JP').say('セッションのタイムアウトを自分で設定したいです')).slice(0, 1));
    assert.match(reply, /重要: 2021 年/, reply);
    assert.doesNotMatch(reply, /^\s*(?:注意|重要|Note|Important)\s*$/m, reply);
  });
});
