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
});
