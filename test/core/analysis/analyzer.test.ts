import assert from 'node:assert/strict';
import { japaneseBigrams } from '../../../src/core/analysis/analyzer.js';
import { identifierParts, stemEnglish } from '../../../src/core/analysis/english.js';
import { stripLongVowel } from '../../../src/core/analysis/filters.js';
import { analyzerWith, sharedTokenizer } from '../search/shared.js';

describe('Japanese analyzer chain', function () {
  this.timeout(60000);

  it('keeps トークン whole (IPADIC alone gives トー + クン)', async () => {
    const raw = (await sharedTokenizer()).tokenize('トークン').map((t) => t.surface_form);
    assert.deepEqual(raw, ['トー', 'クン'], 'premise: the dictionary splits it');
    const a = await analyzerWith();
    assert.deepEqual(a.terms('トークン'), ['トークン']);
    assert.deepEqual(a.terms('更新 トークンの失効'), ['更新', 'トークン', '失効']);
  });

  it('keeps 条件付きアクセス whole via the user dictionary, with its parts for partial matches', async () => {
    const a = await analyzerWith(['条件付きアクセス', '多要素認証', '更新トークン']);
    const terms = a.terms('条件付きアクセス ポリシーと多要素認証');
    assert.ok(terms.includes('条件付きアクセス'));
    assert.ok(terms.includes('多要素認証'));
    assert.ok(terms.includes('アクセス'));
    // The document's spacing (更新 トークン) meets the glossary spelling (更新トークン).
    assert.ok(a.terms('更新 トークンの最大非アクティブ時間').includes('更新トークン'));
  });

  it('keeps a noun IPADIC cuts before って whole (の上限って is not 上 + 限る)', async () => {
    const raw = (await sharedTokenizer()).tokenize('回数の上限ってある').map((t) => t.surface_form);
    assert.ok(raw.includes('限っ'), 'premise: the dictionary reads 限っ as the verb 限る');
    const a = await analyzerWith();
    for (const text of ['回数の上限ってある？', 'ファイル名の上限って何文字']) {
      const terms = a.terms(text);
      assert.ok(terms.includes('上限') && !terms.includes('限る'), `${text}: ${terms.join(' ')}`);
    }
    // Offsets still point at the text: the noun's own characters, then the particle's.
    const t = a.rawTokens('回数の上限ってある').find((x) => x.surface === '上限')!;
    assert.deepEqual([t.start, t.end], [3, 5]);
    // A verb that is one (限って as in 「今日に限って」) stays a verb.
    assert.ok(a.terms('今日に限って動かない').includes('限る'));
  });

  it('marks a noun written in hiragana alone as an everyday word, and a kanji or katakana one not', async () => {
    const a = await analyzerWith();
    const general = (text: string) => a.tokens(text).map((t) => [t.term, !!t.general]);
    assert.deepEqual(general('ふつうにある'), [['ふつう', true]]);
    assert.deepEqual(general('認証のエラー'), [['認証', false], ['エラー', false]]);
  });

  it("keeps an asker's spelling ending in a verb whole where the verb is inflected (勝手に直ってた is 勝手に直る)", async () => {
    const a = await analyzerWith(['接続が切れる'], ['勝手に直る', 'また動く']);
    for (const text of ['朝には勝手に直ってた', '勝手に直りました', '勝手に直る']) assert.ok(a.terms(text).includes('勝手に直る'), text);
    assert.ok(a.terms('夕方にはまた動いてた').includes('また動く'));
    // Only the last word inflects: 勝手の直る is another phrase.
    assert.ok(!a.terms('勝手の直った').includes('勝手に直る'));
    // The documents' own terms match as written.
    assert.ok(a.terms('接続が切れる').includes('接続が切れる'));
    assert.ok(!a.terms('接続が切れた').includes('接続が切れる'));
  });

  it('gives the analyzed and the raw tokens of one text from one pass, as each alone would', async () => {
    const a = await analyzerWith(['更新トークン']);
    const text = 'お世話になっております。更新トークンがきげん切れで、二週間フローが止まっています';
    const { tokens, raw } = a.tokensAndRaw(text);
    assert.deepEqual(tokens, a.tokens(text));
    assert.deepEqual(raw, a.rawTokens(text));
  });

  it('folds full-width ASCII and half-width katakana (NFKC)', async () => {
    const a = await analyzerWith();
    assert.deepEqual(a.terms('ＡＡＤＳＴＳ７０００８'), ['aadsts70008']);
    assert.deepEqual(a.terms('ﾄｰｸﾝ'), a.terms('トークン'));
    assert.deepEqual(a.terms('ＭａｘＩｎａｃｔｉｖｅＴｉｍｅ'), ['maxinactivetime']);
  });

  it('keeps cmdlets, setting names and error codes whole in mixed Japanese/English text', async () => {
    const a = await analyzerWith(['Power Automate']);
    const terms = a.terms('Get-MgPolicyTokenLifetimePolicy で MaxInactiveTime と AADSTS50076 を確認する');
    assert.deepEqual(terms, ['get-mgpolicytokenlifetimepolicy', 'maxinactivetime', 'aadsts50076', '確認']);
    assert.deepEqual(a.terms('Power Automateのフローが失敗しました'), ['powerautomat', 'power', 'automat', 'フロー', '失敗']);
  });

  it('drops particles, auxiliaries, symbols and stop words, and uses base forms', async () => {
    const a = await analyzerWith();
    assert.deepEqual(a.terms('接続が無効になってしまいました。'), ['接続', '無効']);
    assert.deepEqual(a.terms('フローは将来の実行で失敗します'), ['フロー', '将来', '実行', '失敗']);
  });

  it('adds the plain verb for potential verbs (取り消せる → 取り消す) and keeps negation as a term', async () => {
    const a = await analyzerWith();
    assert.deepEqual(a.terms('アクセス トークンは取り消せますか'), ['アクセス', 'トークン', '取り消せる', '取り消す']);
    assert.deepEqual(a.terms('教える'), [], 'no invented verb (教う) and 教える is a stop word');
    assert.deepEqual(a.terms('接続が無効にならないケース'), ['接続', '無効', 'ない', 'ケース']);
    assert.deepEqual(a.terms('取り消すことはできず'), ['取り消す', 'ない']);
  });

  it('normalizes the katakana long vowel like Lucene (4+ characters)', async () => {
    assert.equal(stripLongVowel('ユーザー'), 'ユーザ');
    assert.equal(stripLongVowel('サーバー'), 'サーバ');
    assert.equal(stripLongVowel('キー'), 'キー');
    const a = await analyzerWith();
    assert.deepEqual(a.terms('ユーザー'), a.terms('ユーザ'));
  });

  it('stems English words on both sides and splits identifiers into words for recall', () => {
    assert.equal(stemEnglish('tokens'), stemEnglish('token'));
    assert.equal(stemEnglish('policies'), stemEnglish('policy'));
    assert.equal(stemEnglish('invalidated'), stemEnglish('invalidates'));
    assert.deepEqual(identifierParts('New-MgApplicationTokenLifetimePolicyByRef'), [
      'new', 'mg', 'application', 'token', 'lifetim', 'policy', 'ref',
    ]);
  });

  it('produces Japanese character bigrams ignoring spaces inside words', () => {
    assert.deepEqual(japaneseBigrams('更新 トークン'), ['更新', '新ト', 'トー', 'ーク', 'クン']);
    assert.deepEqual(japaneseBigrams('MFA の問題です'), ['の問', '問題', '題で']);
  });
});
