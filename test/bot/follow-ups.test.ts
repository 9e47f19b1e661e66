import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/**
 * Follow-up questions as people type them in a chat: the second question leaves out what the
 * first said, and is answered about it (replies as they arrive at the connector).
 */
describe('follow-up questions carry the topic of the question before (what Teams receives)', function () {
  const { conversation } = deliveringToFakeConnector();
  const chat = (locale: string) => {
    const { say } = conversation(locale);
    return async (text: string) => allText(await say(text));
  };
  const NO_ANSWER = /見つかりませんでした|couldn't find an answer/;

  it('a follow-up with no subject of its own is answered about the one before, in both languages', async () => {
    const ja = chat('ja-JP');
    assert.match(await ja('90日使わないと接続が切れる？'), /90 日/);
    const how = await ja('それってどうやって直すの？');
    assert.doesNotMatch(how, NO_ANSWER, how);
    assert.match(how, /90 日|AADSTS70008|再接続|サインイン/, how);
    const en = chat('en-US');
    assert.match(await en('How long can a connection stay unused?'), /90 days/);
    const fix = await en('and how do I fix it?');
    assert.doesNotMatch(fix, NO_ANSWER, fix);
    assert.match(fix, /Connections|sign in|re-authenticate|recreate/i, fix);
  });

  it('a follow-up naming another subject asks the question before about it', async () => {
    const ja = chat('ja-JP');
    await ja('パスワードをリセットしたら接続は切れる？');
    const sspr = await ja('SSPRの場合は？');
    assert.match(sspr, /セルフサービス パスワード リセットでは接続は無効になりません/, sspr);
    const en = chat('en-US');
    await en('Does changing conditional access break connections?');
    const mfa = await en('what about MFA?');
    assert.match(mfa, /multi-factor authentication settings invalidates connections/i, mfa);
  });

  it('the same words with no question before are asked as they are', async () => {
    const fresh = await chat('ja-JP')('それってどうやって直すの？');
    assert.match(fresh, NO_ANSWER, 'nothing to follow up: no answer about a topic never asked');
  });
});
