import assert from 'node:assert/strict';
import { pickLang } from '../../../src/bot/language/pick.js';

describe('bot: reply language', () => {
  it('picks the language per message: pinned, then script, then locale', () => {
    assert.equal(pickLang('接続が無効', 'en-US'), 'ja');
    assert.equal(pickLang('invalid connection', 'ja-JP'), 'en');
    assert.equal(pickLang('401 ???', 'en-US'), 'en');
    assert.equal(pickLang('401', 'ja-JP'), 'ja');
    assert.equal(pickLang('401', undefined), 'ja');
    assert.equal(pickLang('接続', 'ja-JP', 'en'), 'en');
  });

  it('picks: pinned, then the prose, then the conversation, then the locale', () => {
    assert.equal(pickLang('こんにちは', 'en-US', 'en'), 'en');
    assert.equal(pickLang('what does 接続を修正 do?', 'ja-JP', undefined, 'ja'), 'en');
    assert.equal(pickLang('2', 'en-US', undefined, 'ja'), 'ja');
    assert.equal(pickLang('👍', 'ja-JP', undefined, 'en'), 'en');
    assert.equal(pickLang('', 'en-US', undefined, 'ja'), 'ja', 'a button press keeps the conversation language');
    assert.equal(pickLang('2', 'en-US'), 'en');
    assert.equal(pickLang('2', undefined), 'ja');
  });
});
