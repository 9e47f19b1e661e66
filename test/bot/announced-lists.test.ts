import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/** A passage that announces a list is sent with what it announces, as Teams receives it (phrasing written for this test). */
describe('a passage that announces what follows comes with it (what Teams receives)', function () {
  const { conversation } = deliveringToFakeConnector();

  it('「以下の点を意識しましょう」 is followed by the headings of the points, not left hanging', async () => {
    const reply = allText((await conversation('ja-JP').say('401エラーを今後起こさないための対策は？')).slice(0, 1));
    assert.match(reply, /以下の点を意識しましょう。\s*\n\s*[-•]\s*定期的な接続の確認と再認証[\s\S]*再試行ポリシーの活用[\s\S]*サービスアカウントの利用検討/, reply);
  });
});
