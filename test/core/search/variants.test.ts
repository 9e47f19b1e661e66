import assert from 'node:assert/strict';
import type { Analyzer } from '../../../src/core/analysis/analyzer.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { Variants } from '../../../src/core/search/variants.js';
import { analyzerWith, sharedKnowledgeBase } from './shared.js';

/** Words of a question spelt partly or wholly in kana meet the corpus' kanji words through their readings. */
describe('spelling variants: readings', function () {
  this.timeout(120000);
  let a: Analyzer;
  let v: Variants;
  const matches = (text: string) => v.readingMatches(text, a.tokens(text), a.rawTokens(text)).map((m) => [text.slice(m.start, m.end), m.term]);

  before(async () => {
    a = await analyzerWith();
    v = Variants.build(['再認証', '期限切れ', '有効期限', '認証', 'エラー', '使用', '証明書'], [], new Set(), a, []);
  });

  it('reads a word written in kana before the kanji the corpus writes (さい認証)', () => {
    assert.deepEqual(matches('さい認証の手順'), [['さい認証', '再認証']]);
  });

  it('reads kana, then kanji with the reading they take inside a word (きげん切れ: 切れ read ギレ)', () => {
    assert.deepEqual(matches('証明書がきげん切れです'), [['きげん切れ', '期限切れ']]);
  });

  it('reads a compound spelt in kana word by word, without its sound change (きげんきれ: 期限切れ reads キゲンギレ)', () => {
    const withWords = Variants.build(['期限', '期限切れ', '対話', '対話型'], [], new Set(), a, []);
    const read = (text: string) => withWords.readingMatches(text, a.tokens(text), a.rawTokens(text)).map((m) => [text.slice(m.start, m.end), m.term]);
    assert.deepEqual(read('証明書はきげんきれです'), [['きげんきれ', '期限切れ']]);
    assert.deepEqual(read('たいわかたのサインイン'), [['たいわかた', '対話型']]);
    // A voiced kana that is the word's own (キゲン of 期限) stays: きけん is another word.
    assert.deepEqual(read('それはきけんな設定'), []);
  });

  it('reads a kana syllable between kanji (有こう期限)', () => {
    assert.deepEqual(matches('有こう期限はいつまで'), [['有こう期限', '有効期限']]);
  });

  it('reads a long kana word the tokenizer broke into function words (にんしょう)', () => {
    assert.deepEqual(matches('にんしょうエラーが出る'), [['にんしょう', '認証']]);
  });

  it('does not read a kanji the asker wrote as another one of the same sound', () => {
    // 才 reads サイ like 再, but 再認証 does not keep it.
    assert.deepEqual(matches('才にんしょう'), [['にんしょう', '認証']]);
  });

  it('leaves short inflections alone (しよう is する, not 使用)', () => {
    assert.deepEqual(matches('登録しようとした'), []);
  });

  it('reads a compound with some of its words in kana as they read in it, whatever the kanji kept read alone (多ようそ認証)', () => {
    const compounds = Variants.build(['多要素認証', '条件付きアクセス'], [], new Set(), a, []);
    const read = (text: string) => compounds.readingMatches(text, a.tokens(text), a.rawTokens(text)).map((m) => [text.slice(m.start, m.end), m.term]);
    // 多 alone reads おお, so reading the kanji the asker kept does not spell the word.
    assert.deepEqual(read('多ようそ認証を有効にした'), [['多ようそ認証', '多要素認証']]);
    assert.deepEqual(read('じょうけん付きアクセスを変えた'), [['じょうけん付きアクセス', '条件付きアクセス']]);
  });

  it('reads an inflected verb written in kana through its base form (とりけせる → 取り消す)', () => {
    const verbs = Variants.build(['取り消す', '変わる'], [], new Set(), a, []);
    const read = (text: string) => verbs.readingMatches(text, a.tokens(text), a.rawTokens(text)).map((m) => [text.slice(m.start, m.end), m.term, !!m.everyday]);
    assert.deepEqual(read('管理者がとりけせる？'), [['とりけせる', '取り消す', true]]);
    assert.deepEqual(read('文言がかわった'), [['かわっ', '変わる', true]]);
  });

  it('does not read an everyday kana word as a subject word of the same sound (きのう, yesterday, is not 機能)', () => {
    const nouns = Variants.build(['機能', '認証'], [], new Set(), a, []);
    const read = (text: string) => nouns.readingMatches(text, a.tokens(text), a.rawTokens(text)).map((m) => m.term);
    assert.deepEqual(read('きのうだけ接続エラーになった'), []);
    assert.deepEqual(read('にんしょうエラーが出る'), ['認証']);
  });

  it('reads kana spellings of the glossary\'s words too, not only of the corpus\' (なおす → 直す)', () => {
    const withGlossary = Variants.build(['接続'], ['直す', '確かめる'], new Set(), a, []);
    const read = (text: string) => withGlossary.readingMatches(text, a.tokens(text), a.rawTokens(text)).map((m) => m.term);
    assert.deepEqual(read('どこでなおすのかわからない'), ['直す']);
    assert.deepEqual(read('まず何をたしかめればいい'), ['確かめる']);
  });

  describe('in the bundled knowledge', () => {
    let kb: KnowledgeBase;
    before(async () => {
      kb = await sharedKnowledgeBase();
    });

    it('a kana verb the asker was told to do is the documents\' repair (接続なおしといて → 接続を修正)', () => {
      const r = kb.ask('上司に「接続なおしといて」って言われたけど、どこでなおすのかわからない');
      assert.ok(r.answered, JSON.stringify(r.suggestions));
      assert.ok(r.answers.slice(0, 3).some((x) => x.citations.some((c) => c.passage.includes('接続を修正'))), JSON.stringify(r.answers.map((x) => x.id)));
    });

    it('a question with a mixed spelling gets the answer of the one written in kanji', () => {
      for (const [kanji, mixed] of [
        ['再認証しても直らない場合は', 'さい認証しても直らない場合は'],
        ['更新トークンが期限切れになる原因', '更新トークンがきげん切れになる原因'],
        ['多要素認証を有効にしたら接続が切れた', '多ようそ認証を有効にしたら接続が切れた'],
      ]) {
        const r = kb.ask(mixed);
        assert.equal(r.answered, true, mixed);
        assert.equal(r.answers[0]?.id, kb.ask(kanji).answers[0]?.id, mixed);
      }
    });
  });
});
