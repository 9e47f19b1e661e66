import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText, japaneseOnlyInQuotes } from '../server/helpers.js';

/**
 * Asking whether the bot speaks a language is a question about the bot, not a request to
 * switch: it is answered, and the replies go on in the language the user writes (replies as
 * they arrive at the connector).
 */
describe('asking which languages the bot speaks pins no language (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const conversation = (locale: string) => {
    const { say } = deliver(locale);
    return async (text: string): Promise<string> => allText(await say(text));
  };
  const HAS_JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

  for (const asked of ['can you speak Japanese?', 'do you understand English too?']) {
    it(`"${asked}" is answered in English and the next question too`, async () => {
      const say = conversation('en-US');
      const reply = await say(asked);
      assert.match(reply, /English and Japanese[\s\S]*language you write/, reply);
      assert.doesNotMatch(reply, /from now on/, 'no language pinned');
      const next = await say('How long can a connection stay unused?');
      assert.match(next, /90 days/, next);
      assert.ok(japaneseOnlyInQuotes(next), next);
    });
  }

  for (const asked of ['英語話せる？', '日本語わかりますか']) {
    it(`「${asked}」 is answered in Japanese and the next question too`, async () => {
      const say = conversation('ja-JP');
      const reply = await say(asked);
      assert.match(reply, /日本語と英語で話せます[\s\S]*書かれた言語/, reply);
      assert.doesNotMatch(reply, /これから/, 'no language pinned');
      const next = await say('90日使わないと接続が切れる？');
      assert.match(next, /90 日/, next);
      assert.match(next, HAS_JAPANESE, next);
    });
  }

  it('asked during a walk, the step is asked again and the walk goes on (ja, en)', async () => {
    for (const [locale, report, asked, step, answer, next] of [
      ['ja-JP', 'フローの接続が切れました', '英語話せる？', /立場/, '管理者です', /エラー/],
      ['en-US', 'my flow connection is broken', 'can you speak Japanese?', /which describes you/i, "I'm the IT admin", /error/i],
    ] as const) {
      const say = conversation(locale);
      assert.match(await say(report), step);
      const reply = await say(asked);
      assert.match(reply, /English and Japanese|日本語と英語/, reply);
      assert.match(reply, step, reply);
      assert.match(await say(answer), next);
    }
  });

  it('asking the bot to reply in a language still pins it (en, ja)', async () => {
    assert.match(await conversation('en-US')('can you reply in Japanese'), /これから日本語で返信します/);
    assert.match(await conversation('ja-JP')('英語で話して'), /reply in English from now on/);
  });
});
