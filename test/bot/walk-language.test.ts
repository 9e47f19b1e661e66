import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';
import { pickLang } from '../../src/bot/language/pick.js';

/**
 * The reply language of someone who writes both languages: a walk keeps its language through
 * a single answer in the other one, and a message with no language of its own keeps the
 * conversation's (replies as they arrive at the connector).
 */
describe('the reply language of a walk, for someone who writes both languages (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const chat = (locale: string) => {
    const { say } = deliver(locale);
    return async (text: string): Promise<string> => allText(await say(text));
  };
  const JAPANESE = /[ぁ-んァ-ン]/;
  const ENGLISH_STEP = /which describes you|Which error|What changed|Did this solve it|Steps:/;

  it('an English walk stays English through one Japanese answer', async () => {
    for (const answer of ['管理者です', 'エンドユーザーです', '401 が出ています']) {
      const say = chat('en-US');
      assert.match(await say('my flow connection is broken, please diagnose'), /which describes you/);
      const reply = await say(answer);
      assert.match(reply, ENGLISH_STEP, `${answer}: ${reply}`);
    }
  });

  it('a Japanese walk stays Japanese through one English answer, at a question and at an outcome', async () => {
    for (const [first, answer] of [
      ['フローの接続が切れました。診断してください', 'I build the flows myself'],
      ['フローが AADSTS70008 で止まっています', 'No, it still fails'],
      ['フローが AADSTS70008 で止まっています', 'nope, same thing'],
    ] as const) {
      const say = chat('ja-JP');
      await say(first);
      const reply = await say(answer);
      assert.match(reply, JAPANESE, `${answer}: ${reply}`);
      assert.doesNotMatch(reply, /Did this solve it|which describes you|Steps:/, `${answer}: ${reply}`);
    }
  });

  it('two answers in a row in the other language turn the walk to it', async () => {
    const say = chat('en-US');
    await say('my flow connection is broken, please diagnose');
    await say('管理者です');
    const reply = await say('エラーコードは出ていません');
    assert.match(reply, JAPANESE, reply);
  });

  it('a question asked on the way is answered in its own language, and the walk goes on in its own', async () => {
    const say = chat('ja-JP');
    await say('フローの接続が切れました。診断してください');
    const answer = await say('What is conditional access?');
    assert.doesNotMatch(answer.split('\n')[0], JAPANESE, answer);
    assert.match(await say('1'), JAPANESE);
  });

  it('"ok", "lol" and 👍 keep the language the conversation is in, whatever the client', async () => {
    const say = chat('en-US');
    await say('接続が切れる原因を教えてください');
    for (const bare of ['ok', 'lol', '👍']) assert.match(await say(bare), JAPANESE, bare);
  });

  it('picks the walk\'s language against one answer in the other, not against a question or a second answer', () => {
    assert.equal(pickLang('管理者です', 'en-US', undefined, undefined, { heard: 'en' }), 'en');
    assert.equal(pickLang('管理者です', 'en-US', undefined, undefined, { heard: 'ja' }), 'ja');
    assert.equal(pickLang('管理者です', 'en-US', undefined, undefined), 'ja', 'without a walk, the message decides');
    assert.equal(pickLang('条件付きアクセスとは？', 'en-US', undefined, undefined, { heard: 'en' }), 'ja');
    assert.equal(pickLang('no luck, same error', 'ja-JP', undefined, undefined, { heard: 'ja' }), 'ja');
    assert.equal(pickLang('日本語で', 'en-US', 'ja', undefined, { heard: 'en' }), 'ja', 'a pinned language wins');
  });
});
