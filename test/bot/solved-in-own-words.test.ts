import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/**
 * "Did this solve it?" answered in the user's own words: a polite or long yes or no, a yes that
 * brings a fact or another problem, and a message that says neither (replies as they arrive at
 * the connector).
 */
describe('"did this solve it?" read in the user\'s own words (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const atOutcome = async (locale: string) => {
    const { say } = deliver(locale);
    const ask = async (text: string): Promise<string> => allText(await say(text));
    assert.match(await ask(locale === 'ja-JP' ? 'フローが AADSTS70008 で止まっています' : 'Flow fails with AADSTS70008'), /AADSTS70008/);
    return ask;
  };
  const SOLVED = /解決してよかった|glad it's fixed/;
  const NEXT_BRANCH = /接続を新しく作り直し|Create a new connection/;
  const SOLVED_QUESTION = /これで解決しましたか|Did this solve it/;

  for (const [locale, reply] of [
    ['ja-JP', 'お手数をおかけしますが、依然として直っておりません。'],
    ['ja-JP', '申し訳ありません、まだうまくいっていないようです'],
    ['ja-JP', 'あいにく、再接続しても動作しませんでした'],
    ['ja-JP', '一度は動いたのですが、翌朝にはまた止まっていました'],
    ['en-US', 'Unfortunately it still fails after reconnecting'],
    ['en-US', "I'm afraid it isn't working yet"],
    ['en-US', 'it ran once and then failed again overnight'],
  ] as const) {
    it(`a polite or long "no" goes on to the next branch: "${reply}"`, async () => {
      const say = await atOutcome(locale);
      const next = await say(reply);
      assert.match(next, NEXT_BRANCH, next);
      assert.doesNotMatch(next, SOLVED, next);
    });
  }

  for (const [locale, reply] of [
    ['ja-JP', '教えていただいた通りに接続を修正したところ、正常に動くようになりました。ありがとうございます。'],
    ['ja-JP', 'おかげさまで問題なく実行できました'],
    ['ja-JP', 'エラーが出なくなりました、助かりました'],
    ['en-US', 'Reconnected as you said and the flow runs fine now, many thanks'],
    ['en-US', 'That sorted it out, cheers'],
  ] as const) {
    it(`a polite or long "yes" ends the walk as solved: "${reply}"`, async () => {
      const say = await atOutcome(locale);
      const done = await say(reply);
      assert.match(done, SOLVED, done);
      assert.doesNotMatch(done, SOLVED_QUESTION, done);
    });
  }

  for (const [locale, reply] of [
    ['en-US', 'Yes, our admin reset my password last week'],
    ['ja-JP', 'はい、先週パスワードを変更しました'],
  ] as const) {
    it(`a "yes" opening a fact about the case is no "solved": the fact is kept and the question stands: "${reply}"`, async () => {
      const say = await atOutcome(locale);
      const kept = await say(reply);
      assert.doesNotMatch(kept, SOLVED, kept);
      assert.match(kept, /承知しました|Noted/, kept);
      assert.match(kept, SOLVED_QUESTION, kept);
      // Kept, not lost: "no" now goes on with it.
      assert.doesNotMatch(await say(locale === 'ja-JP' ? 'いいえ' : 'no'), SOLVED);
    });
  }

  for (const [locale, reply] of [
    ['en-US', 'Yes, but a different flow is failing now'],
    ['ja-JP', 'はい、ただ他のフローがまだ失敗しています'],
  ] as const) {
    it(`a "yes" that reports another flow ends this walk and offers to diagnose the other: "${reply}"`, async () => {
      const say = await atOutcome(locale);
      const done = await say(reply);
      assert.match(done, SOLVED, done);
      assert.match(done, /もう一つの件|other problem/, done);
    });
  }

  for (const [locale, reply] of [
    ['ja-JP', '😶'],
    ['en-US', '🙃'],
  ] as const) {
    it(`an emoji alone says neither: said so, and "did this solve it?" again, no passage: "${reply}"`, async () => {
      const say = await atOutcome(locale);
      const again = await say(reply);
      assert.match(again, /読み取れませんでした|couldn't tell/, again);
      assert.match(again, SOLVED_QUESTION, again);
      assert.doesNotMatch(again, /\[1\]/, again);
    });
  }

  for (const [locale, reply] of [
    ['en-US', "I'm an admin here, as I said"],
    ['ja-JP', '自分が作成者です'],
  ] as const) {
    it(`a role stated at an outcome is acknowledged, with "did this solve it?" again and no passage: "${reply}"`, async () => {
      const say = await atOutcome(locale);
      const again = await say(reply);
      assert.match(again, /承知しました|伺っています|Noted|have that already/, again);
      assert.match(again, SOLVED_QUESTION, again);
      assert.doesNotMatch(again, /\[1\]/, again);
    });
  }
});
