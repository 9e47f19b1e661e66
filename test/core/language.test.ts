import assert from 'node:assert/strict';
import { proseLang } from '../../src/core/language.js';

describe('language by prose', () => {
  it('judges a message by its prose: quoted or short Japanese labels inside English stay English', () => {
    const english = [
      'what does 接続を修正 do?',
      'What does 「接続を修正」 do?',
      'I clicked "接続の修正" and nothing happened',
      'Is 更新トークン the same as a refresh token?',
      'my flow says 無効な接続, what should I do',
      'How long can a connection stay unused?',
      'thanks a lot',
      // A label is a noun phrase, whatever its length; a pasted Japanese sentence inside English prose stays a quote.
      'I opened 条件付きアクセスポリシーの詳細設定画面 and saw nothing',
      'the run history says 多要素認証を使用する必要があります, what now?',
      '接続を修正 does nothing for me',
    ];
    for (const text of english) assert.equal(proseLang(text), 'en', text);
    const japanese = [
      'Power Automate の接続が無効になるのはなぜですか',
      'フローで 401 エラーが出ます',
      'AADSTS70008 とは?',
      'Teams で connection が invalid になった',
      'MFA を有効にしたら接続が切れました。Is it related?',
      'はい',
      'flow の connection が broken です',
      'Power Automate で新しい接続を作ったのに the same error が出ます',
    ];
    for (const text of japanese) assert.equal(proseLang(text), 'ja', text);
    for (const text of ['2', '👍', 'AADSTS50076', 'MFA', 'OK', 'help', 'thanks', '', '  ', '!!!', '401']) assert.equal(proseLang(text), undefined, text);
  });
});
