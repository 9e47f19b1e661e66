import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';
import { withOptionLabels } from '../../src/core/troubleshoot/index.js';

/**
 * Asking what the options of a question mean, by their numbers ("what does option 4 mean?",
 * 「3と4の違いは？」): answered about the options' labels, and the walk waits at the question
 * (replies as they arrive at the connector).
 */
describe('questions about a step\'s options by their numbers (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const atErrorQuestion = async (locale: string) => {
    const { say } = deliver(locale);
    const ask = async (text: string): Promise<string> => allText(await say(text));
    await ask(locale === 'ja-JP' ? '診断' : 'troubleshoot');
    assert.match(await ask('1'), /403 Forbidden/, 'setup: the error-code question, 403 among its options');
    return ask;
  };
  const NO_ANSWER = /見つかりませんでした|couldn't find|could not match|分かりませんでした/;

  for (const [locale, asked, about] of [
    ['en-US', 'what does number 4 stand for?', /403|Forbidden|permission/i],
    ['en-US', 'could you explain choice 3?', /401|Unauthori[sz]ed|authenticat/i],
    ['ja-JP', '4番ってどういう意味？', /403|アクセス許可|権限/],
    ['ja-JP', '選択肢3とは何ですか', /401|認証/],
  ] as const) {
    it(`one option asked about by its number is answered about its label: "${asked}"`, async () => {
      const say = await atErrorQuestion(locale);
      const reply = await say(asked);
      assert.doesNotMatch(reply, NO_ANSWER, reply);
      assert.match(reply, about, reply);
    });
  }

  for (const [locale, asked] of [
    ['en-US', 'how is 3 different from 4?'],
    ['ja-JP', '3と4の違いを教えてください'],
  ] as const) {
    it(`two options compared by their numbers are answered about both: "${asked}"`, async () => {
      const say = await atErrorQuestion(locale);
      const reply = await say(asked);
      assert.doesNotMatch(reply, NO_ANSWER, reply);
      assert.match(reply, /401/, reply);
      assert.match(reply, /403/, reply);
      // The walk waited at the question: "4" still answers it.
      assert.match(await say('4'), /403/);
    });
  }

  it('writes out only the options named by number, not error codes, quantities or numbers past the options', () => {
    const labels = ['first thing', 'second thing', 'third thing'];
    assert.equal(withOptionLabels('what does option 2 mean?', labels), 'what does second thing mean?');
    assert.equal(withOptionLabels('what is the difference between 1 and 3?', labels), 'what is the difference between first thing and third thing?');
    assert.equal(withOptionLabels('2番と3番は何が違う？', labels), 'second thingとthird thingは何が違う?');
    assert.equal(withOptionLabels('what does 401 mean?', labels), undefined);
    assert.equal(withOptionLabels('what happens after 2 days?', labels), undefined);
    assert.equal(withOptionLabels('what does option 7 mean?', labels), undefined);
  });
});
