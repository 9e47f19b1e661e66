/**
 * Symptom reports told as a story by people who do not know the documents' words: several
 * sentences of what happened, around whom and when, in words the corpus never uses, before the
 * one that asks (「…ロックされちゃって、庶務の人に解除してもらったんです。…関係ありますか？」).
 */
import assert from 'node:assert/strict';
import { normalizeChars } from '../../../src/core/analysis/char-filter.js';
import { japaneseContext, type Range } from '../../../src/core/search/context-words.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { questionForm } from '../../../src/core/search/query.js';
import type { AskResult } from '../../../src/core/search/types.js';
import { analyzerWith, sharedKnowledgeBase } from './shared.js';

const ids = (r: AskResult) => JSON.stringify(r.answers.slice(0, 3).map((a) => a.id));
const firstCites = (r: AskResult, phrase: string) => !!r.answers[0]?.citations.some((c) => c.passage.includes(phrase));
const words = (text: string, ranges: Range[]) => ranges.map(([from, to]) => text.slice(from, to).trim());

describe('symptom reports told as a story', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });
  const terms = (q: string) => kb.analyze(q).concepts.flatMap((c) => c.terms);
  const labels = (q: string) => kb.analyze(q).concepts.map((c) => c.label);

  describe('what happened, told before the question, is context', () => {
    const japanese = async (q: string) => {
      const a = await analyzerWith();
      const text = normalizeChars(q);
      return words(text, japaneseContext(text, a.rawTokens(q)));
    };

    it('the sentences telling the past in a long message, not the one that asks', async () => {
      const q = '先週の金曜に在庫の棚卸し用の集計を流しました。そのあと週明けに見たら止まってたみたいです。これって接続のせいですか？';
      const found = await japanese(q);
      assert.ok(found.includes('先週の金曜に在庫の棚卸し用の集計を流しました。'), JSON.stringify(found));
      assert.ok(found.includes('そのあと週明けに見たら止まってたみたいです。'), JSON.stringify(found));
      assert.ok(!found.some((w) => w.includes('接続のせい')), JSON.stringify(found));
    });

    it('a question mark inside what the asker quotes does not end their sentence', async () => {
      const found = await japanese('受付のタブレットでサインインすると「このまま続行しますか？」と出るようになりました。そのあと経費のフローが止まりました。なぜですか？');
      assert.ok(found.some((w) => w.startsWith('受付のタブレット') && w.endsWith('なりました。')), JSON.stringify(found));
    });

    it('a short report states its subject: its first sentence is no story', async () => {
      const found = await japanese('予定表がアプリに出なくなった。どうすれば？');
      assert.ok(!found.some((w) => w.includes('予定表')), JSON.stringify(found));
    });
  });

  describe('how often, and drawn-out words, name nothing', () => {
    it('a long-vowel mark drawn out between hiragana is emphasis; in katakana it is a letter', () => {
      assert.equal(normalizeChars('ほんとーにたまーにだけ'), 'ほんとにたまにだけ');
      assert.equal(normalizeChars('サーバーのトークン'), 'サーバーのトークン');
    });

    it('a frequency or a count of times is no concept', () => {
      for (const q of ['半期に一回しか流さない集計のフロー', '何回も打ち間違えた', '3回やり直した']) {
        assert.ok(!labels(q).some((l) => /^(?:一|1|3|何)$/.test(l)), `${q}: ${labels(q).join(',')}`);
      }
    });
  });

  describe("the asker's words for what the documents name", () => {
    it('全部ログアウト is signing out everywhere', () => {
      assert.ok(terms('マイアカウントで全部ログアウトした').includes(kb.analyzer.terms('すべてサインアウト')[0]));
    });
    it('つなぎ直す is reconnecting, アカウントを止める disabling it, もう一回やる a retry', () => {
      assert.ok(terms('接続をつなぎ直してって言われた').includes('再接続'));
      assert.ok(terms('異動した人のアカウントを止めた').includes('無効化'));
      assert.ok(terms('落ちたら自動でもう一回やってほしい').includes('再試行'));
    });
    it('「サインインしたままにしますか」 is the persistent session', () => {
      assert.ok(terms('「サインインしたままにしますか？」で「はい」を押した').includes(kb.analyzer.terms('永続的なセッション トークン')[0]));
    });
    it('a how-question asking what to press has no thing acted on in the verb', () => {
      assert.deepEqual(kb.analyze('どれを押せばいいのか手順を知りたい').subjects, []);
    });
  });

  describe('the delay told as a story', () => {
    it('an effect hours after a change, not right after it, asks about the delay', () => {
      assert.equal(questionForm('午前に設定を変えたそうです。でも止まったのは夕方で、変えた直後じゃなかったです。そんなことある？'), 'delay');
      assert.equal(questionForm('ポリシーを変えてから数時間たってから止まりました'), 'delay');
    });
    it('a flow sending for a while after the account was disabled asks about the delay', () => {
      assert.equal(questionForm('退職者のアカウントを無効化したんですが、そのあと30分ほどはその人のフローから通知が届いてました'), 'delay');
    });
  });

  const stories: [string, string][] = [
    [
      '水曜の夕方、眠くてパスワードを何回も打ち間違えてロックされちゃって、庶務の人に解除してもらったんです。その間に勝手に回ってるはずの週報の取りまとめがエラーになってたみたいです。関係ありますか？',
      'ロック',
    ],
    [
      '半期に一回しか使わない賞与計算の取りまとめの自動化があるんですけど、ひさびさに動かしたら「接続がおかしい」みたいなのが出ました。前回はちゃんと動いたし、その間なにもいじってないです。ほったらかしだとダメになるんですか？どのくらいでアウトなんでしょう',
      '90 日',
    ],
    [
      '朝礼で「不審に思ったら全部ログアウトしておくこと」と言われたので、帰りにマイアカウントのページで押してみました。スマホもタブレットも全部です。翌日、課の精算の承認フローが止まったと係長に言われました。私のせいでしょうか？',
      'すべてサインアウト',
    ],
    ['月末の締めのときだけたまーに401でこけるフローがあります。翌日は普通に動くので、いちいち手で再実行するのがしんどいです。自動でもう一回やってくれる設定ってないですか', '再試行'],
    [
      'アルバイトさんの雇用期間が終わったので管理者がアカウントを無効化しました。ところがそのあと30分くらいはその人の日報フローから通知が届いてたんです。無効化してからどのくらいの時間こういうことが起きるものなんでしょう',
      'アクセス トークン',
    ],
    [
      '大会議室の壁のディスプレイでTeamsに入るとき、スマホでコードを入れる方式なんですが、今週から「○○にサインインしようとしていますか？」という確認が出るようになりました。これって怪しいものじゃないですよね？',
      'デバイス コード フロー',
    ],
    ['窓口に問い合わせたら「接続をつなぎ直してください」と返ってきました。どの画面から何を押せばいいのか手順を教えてください', '再接続'],
  ];
  for (const [q, phrase] of stories) {
    it(`answers first with the text on the event told: ${q}`, () => {
      const r = kb.ask(q);
      assert.ok(r.answered, JSON.stringify(r.suggestions));
      assert.ok(firstCites(r, phrase), ids(r));
    });
  }
});
