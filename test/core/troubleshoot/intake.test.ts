import assert from 'node:assert/strict';
import { bigramSimilarity, detectTroubleshootIntent, extractCodes, matchCommand, parseChoiceNumber } from '../../../src/core/troubleshoot/index.js';

describe('troubleshooting intake: when a message starts a diagnosis', () => {
  const problems = [
    '接続が無効になりました',
    'フローの接続が切れた',
    '無効な接続と表示されてフローが止まります',
    'フローが AADSTS70008 で失敗します',
    'フローで 401 エラーが出ます',
    'My connection is broken',
    'the flow connection keeps getting expired',
    'I get an invalid connection error',
    'Flow fails with AADSTS50076',
    'なぜか接続が無効になったので診断してください',
    // The failed state typed in kana.
    'せつぞくがきれちゃってフローがとまってる',
    'けさからフローがうごかないです',
    '接続がこわれたっぽい',
  ];
  const questions = [
    '接続が無効になるのはなぜですか？',
    'AADSTS70008 とは何ですか',
    '401 と 403 の違いは？',
    'Why does my flow connection become invalid?',
    'What is conditional access?',
    'How long can a connection stay unused?',
    '更新トークンの有効期間は？',
    '明日の天気を教えて',
    // できれば is no 切れ.
    '接続できれば共有したいです',
    '',
  ];
  for (const text of problems) it(`starts on a problem report: ${text}`, () => assert.equal(detectTroubleshootIntent(text), true));
  for (const text of questions) it(`leaves a question to the knowledge base: ${text || '(empty)'}`, () => assert.equal(detectTroubleshootIntent(text), false));

  it('extracts error codes, normalised and in order, not digits inside other numbers', () => {
    assert.deepEqual(extractCodes('aadsts 50076 のあと AADSTS70008、そして 401'), ['AADSTS50076', 'AADSTS70008', '401']);
    assert.deepEqual(extractCodes('ＡＡＤＳＴＳ７０００８'), ['AADSTS70008']);
    assert.deepEqual(extractCodes('port 14010, version 4.03, 1401'), []);
  });
});

describe('troubleshooting answers: small matchers', () => {
  it('reads option numbers in the usual forms', () => {
    for (const [text, n] of [['3', 3], ['３', 3], ['③', 3], ['3️⃣', 3], ['#3', 3], ['3番', 3], ['3 です', 3], ['no. 3', 3]] as const) assert.equal(parseChoiceNumber(text), n, text);
    for (const text of ['3 times', 'AADSTS70008', '401 error']) assert.equal(parseChoiceNumber(text), undefined, text);
  });

  it('knows the navigation words in both languages, only as the whole message', () => {
    assert.equal(matchCommand('戻る'), 'back');
    assert.equal(matchCommand(' Back! '), 'back');
    assert.equal(matchCommand('最初から'), 'restart');
    assert.equal(matchCommand('キャンセル'), 'cancel');
    assert.equal(matchCommand('ヘルプ'), 'help');
    assert.equal(matchCommand('go back to the flow and cancel the run'), undefined);
    for (const text of ['一つ前に戻って', '前の質問に戻る', 'previous question', 'back please']) assert.equal(matchCommand(text), 'back', text);
  });

  it('scores paraphrases by shared character pairs', () => {
    assert.equal(bigramSimilarity('条件付きアクセス', '条件付きアクセス'), 1);
    assert.ok(bigramSimilarity('条件付きアクセスの設定変更', '条件付きアクセス ポリシーの変更') > 0.5);
    assert.ok(bigramSimilarity('天気', '条件付きアクセス') === 0);
  });
});
