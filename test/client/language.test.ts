import assert from 'node:assert/strict';
import { proseLang } from '../../src/core/language.js';
import { pickLang } from '../../src/bot/language/pick.js';
import { smallTalkOf } from '../../src/bot/language/small-talk.js';

describe('language by prose and small talk', () => {
  it('judges a message by its prose: quoted or short Japanese labels inside English stay English', () => {
    const english = [
      'what does 接続を修正 do?',
      'What does 「接続を修正」 do?',
      'I clicked "接続の修正" and nothing happened',
      'Is 更新トークン the same as a refresh token?',
      'my flow says 無効な接続, what should I do',
      'How long can a connection stay unused?',
      'thanks a lot',
    ];
    for (const text of english) assert.equal(proseLang(text), 'en', text);
    const japanese = [
      'Power Automate の接続が無効になるのはなぜですか',
      'フローで 401 エラーが出ます',
      'AADSTS70008 とは?',
      'Teams で connection が invalid になった',
      'MFA を有効にしたら接続が切れました。Is it related?',
      'はい',
    ];
    for (const text of japanese) assert.equal(proseLang(text), 'ja', text);
    for (const text of ['2', '👍', 'AADSTS50076', 'MFA', 'OK', 'help', 'thanks', '', '  ', '!!!', '401']) assert.equal(proseLang(text), undefined, text);
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

  it('recognises greetings and thanks only as the whole message', () => {
    const cases: [string, string | undefined][] = [
      ['hello', 'greeting'],
      ['Hi!', 'greeting'],
      ['Good morning 😊', 'greeting'],
      ['こんにちは。', 'greeting'],
      ['よろしくお願いします！', 'greeting'],
      ['thanks', 'thanks'],
      ['Thank you so much!!', 'thanks'],
      ['ありがとう', 'thanks'],
      ['「ありがとう」', 'thanks'],
      ['ありがとうございました〜', 'thanks'],
      ['助かりました！', 'thanks'],
      ['お疲れ様です', 'tired'],
      ['おつかれさまです。', 'tired'],
      ['hello, my flow connection is invalid', undefined],
      ['ありがとう、でもまだ接続が切れます', undefined],
      ['thanks but it still fails', undefined],
      ['1', undefined],
      ['', undefined],
    ];
    for (const [text, kind] of cases) assert.equal(smallTalkOf(text), kind, text);
  });
});
