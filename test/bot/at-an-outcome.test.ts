import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/**
 * Once the diagnosis has reached its outcome ("did this solve it?"), the user may ask about
 * it or report another problem; both are read as they would be with no walk, and the
 * outcome's cause is what a follow-up refers to (replies as they arrive at the connector).
 */
describe('at an outcome, questions and new reports are read as such (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const conversation = (locale: string) => {
    const { say } = deliver(locale);
    return async (text: string): Promise<string> => allText(await say(text));
  };
  const NOT_MATCHED = /could not match|分かりませんでした/;
  const NO_ANSWER = /見つかりませんでした|couldn't find|could not find/;
  const SOLVED_QUESTION = /これで解決しましたか|Did this solve it/;

  for (const [locale, first, outcome, question, about] of [
    ['ja-JP', '退職した社員のアカウントを無効化したらフローが止まった', /アカウントが無効化/, 'それを防ぐには？', /アカウント/],
    ['ja-JP', 'フローが AADSTS70008 で止まっています', /AADSTS70008/, 'どうして？', /AADSTS70008|90 日|更新トークン/],
    ['en-US', 'Flow fails with AADSTS70008', /AADSTS70008/, 'how do I stop it happening again?', /AADSTS70008|90 days|inactiv/i],
    ['en-US', 'Flow fails with AADSTS70008', /AADSTS70008/, 'why?', /AADSTS70008|90 days|inactiv/i],
  ] as const) {
    it(`a follow-up at an outcome is answered about its cause: "${question}"`, async () => {
      const say = conversation(locale);
      assert.match(await say(first), outcome);
      const reply = await say(question);
      assert.doesNotMatch(reply, NO_ANSWER, reply);
      assert.match(reply, about, reply);
      assert.match(reply, SOLVED_QUESTION, 'the walk still waits for "did this solve it?"');
      // Its steps are just above: only the question is asked again.
      assert.doesNotMatch(reply, /手順:|Steps:/, reply);
    });
  }

  for (const [locale, first, report, outcome, yes, solved] of [
    ['ja-JP', '朝からフローが全部401で落ちてる', '別のフローもAADSTS70008で止まった', /AADSTS70008/, 'はい', /解決して何より|よかった|解決/],
    ['en-US', 'Flow fails with AADSTS70008', 'now another flow fails with a 403', /403/, 'yes', /glad|solved/i],
  ] as const) {
    it(`a new problem reported at an outcome is diagnosed anew, and "${yes}" still ends it (${locale})`, async () => {
      const say = conversation(locale);
      await say(first);
      const reply = await say(report);
      assert.doesNotMatch(reply, NOT_MATCHED, reply);
      assert.match(reply, outcome, reply);
      assert.match(await say(yes), solved);
    });
  }

  for (const [locale, first, statement] of [
    ['ja-JP', '朝からフローが全部401で落ちてる', '急にサインインし直せって出た'],
    ['en-US', 'Flow fails with AADSTS70008', 'my other flow now says 403'],
  ] as const) {
    it(`a statement at an outcome is not taken for a wrong answer to "did this solve it?": "${statement}"`, async () => {
      const say = conversation(locale);
      await say(first);
      const reply = await say(statement);
      assert.doesNotMatch(reply, NOT_MATCHED, reply);
    });
  }

  for (const [locale, help, helpShown] of [
    ['ja-JP', '何ができるの？', /できること/],
    ['en-US', 'what can you do?', /What I can do|help/i],
  ] as const) {
    it(`help at an outcome is followed by "did this solve it?" alone, not the whole outcome again: "${help}"`, async () => {
      const say = conversation(locale);
      assert.match(await say(locale === 'ja-JP' ? 'フローが AADSTS70008 で止まっています' : 'Flow fails with AADSTS70008'), /手順:|Steps:/);
      const reply = await say(help);
      assert.match(reply, helpShown, reply);
      assert.match(reply, SOLVED_QUESTION, reply);
      assert.doesNotMatch(reply, /手順:|Steps:|AADSTS70008/, reply);
    });
  }
});
