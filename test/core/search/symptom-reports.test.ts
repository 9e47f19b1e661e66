/**
 * Reports of a problem in everyday words, by people who do not know the documents' terms: the event
 * behind the symptom is said as the asker lived it (「半年ぶりに動かしたら」, "haven't touched it in
 * months", 「パスワードを初期化した」), among words about who they are and what they were doing.
 */
import assert from 'node:assert/strict';
import { normalizeChars } from '../../../src/core/analysis/char-filter.js';
import { correctTypos } from '../../../src/core/analysis/typos.js';
import { japaneseContext, type Range } from '../../../src/core/search/context-words.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { questionForm } from '../../../src/core/search/query.js';
import type { AskResult } from '../../../src/core/search/types.js';
import { analyzerWith, sharedKnowledgeBase } from './shared.js';

const ids = (r: AskResult) => JSON.stringify(r.answers.slice(0, 3).map((a) => a.id));
const firstCites = (r: AskResult, phrase: string) => !!r.answers[0]?.citations.some((c) => c.passage.includes(phrase));
const words = (text: string, ranges: Range[]) => ranges.map(([from, to]) => text.slice(from, to).trim());

describe('symptom reports in everyday words', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  describe('a flow run again after a long time: the connection sat unused', () => {
    it('半年 and a number of years are durations; a calendar year is not', async () => {
      const a = await analyzerWith();
      assert.ok(a.terms('半年ほど放置').includes('p180d'));
      assert.ok(a.terms('2 年間').includes('p730d'));
      assert.ok(!a.terms('2023 年 6 月').some((t) => t.startsWith('p')), a.terms('2023 年 6 月').join(','));
    });

    it('ぶり after a duration is kept as a word, read through the glossary as inactivity', async () => {
      const a = await analyzerWith();
      assert.ok(a.terms('3か月ぶりに実行').includes('ぶり'));
      const c = kb.analyze('半年ぶりに動かした').concepts.find((x) => x.label === 'ぶり');
      assert.ok(c?.terms.includes('使用されていない'), JSON.stringify(kb.analyze('半年ぶりに動かした').concepts));
    });

    it('an English contraction is not a misspelt word', () => {
      const vocabulary = new Set(['havent', 'hadnt', 'touched']);
      assert.equal(correctTypos("we haven't touched it", vocabulary), "we haven't touched it");
      assert.equal(correctTypos('it hadn’t run', vocabulary), 'it hadn’t run');
    });

    const reports = [
      '去年の決算のとき以来、1年ぶりに動かしたフローの接続が無効になってた',
      '半年ぶりにフローを見たら接続が全部切れてました',
      '久しぶりに使おうとしたフローが、接続のところで無効になってます',
      '久々に動かしたら「無効な接続」と言われました。前はちゃんと動いてたのに',
      '1年ぶりくらいに使うフローなんですが、接続が切れていました。なぜですか',
      '2年ぶりに実行したら接続が無効でした',
      "haven't touched the onboarding flow since march, the connection says invalid now",
      "we hadn't used the survey flow for a year and its connections are all broken",
      "haven't used this flow since spring and now the connection is broken",
      'the flow has been dormant since last year and now its connection is invalid',
    ];
    for (const q of reports) {
      it(`answers with the 90 days of inactivity: ${q}`, () => {
        const r = kb.ask(q);
        assert.ok(r.answered, JSON.stringify(r.suggestions));
        assert.ok(firstCites(r, '90 日以上使用されていない'), ids(r));
      });
    }
  });

  describe("the asker's own words for an admin's password reset", () => {
    it('CA in a Japanese report is conditional access, as it is in an English one', () => {
      const terms = kb.analyze('CAのポリシーを変えたらフローが止まった').concepts.flatMap((c) => c.terms);
      assert.ok(terms.includes(kb.analyzer.terms('条件付きアクセス')[0]), terms.join(','));
    });

    it('初期化 is a reset, and the admin screen the admin center', () => {
      const terms = kb.analyze('管理画面でパスワードを初期化した').concepts.flatMap((c) => c.terms);
      assert.ok(terms.includes('リセット'), terms.join(','));
      assert.ok(terms.includes(kb.analyzer.terms('管理センター')[0]), terms.join(','));
    });

    const reports = [
      '管理画面で部下のパスワードを初期化しました。この人のフローの接続は切れますか',
      '新人の入社手続きの件で、管理者画面からパスワード初期化をしました。その人が作ったフローは止まりますか',
      '経理部の者です。先週パスワードを初期化してもらってから、請求書のフローがエラーになります',
      '情シスでM365の管理画面からパスワードを初期化したユーザーのフローが動かなくなりました',
    ];
    for (const q of reports) {
      it(`answers with what a password reset does: ${q}`, () => {
        const r = kb.ask(q);
        assert.ok(r.answered, JSON.stringify(r.suggestions));
        assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.passage.includes('管理センターでのパスワードのリセット'))), ids(r));
      });
    }
  });

  describe('the form of a polite report', () => {
    it('「…なんですが」「…なんですか」 say what is, not why', () => {
      for (const q of ['年に一度しか使わないフローなんですが、接続が切れていました', 'アクセストークンって何分くらいもつものなんですか？', 'これってバグなんでしょうか？', '在宅だとダメなんですかね？']) {
        assert.notEqual(questionForm(q), 'why', q);
      }
      for (const q of ['なんで接続が切れるの？', 'なんでですか？', '何で急に止まったんでしょう？']) assert.equal(questionForm(q), 'why', q);
    });

    it('a question ending like a yes/no one but asking for a thing asks for the thing', () => {
      for (const q of ['再認証の前に何を確認すればいいですか', 'どれを選べばいいですか', 'ロック解除は誰に頼めばいいですか', 'どのポリシーが優先されますか']) assert.equal(questionForm(q), 'open', q);
      // 何か is an indefinite: whether anything is to be done.
      assert.equal(questionForm('多要素のところで何かしないといけないですか'), 'yes-no');
    });

    it('a duration asked for in a polite report is answered with one', () => {
      const r = kb.ask('アクセストークンって何分くらいもつものなんですか？');
      assert.ok(r.answered, JSON.stringify(r.suggestions));
      assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => /60 分から 90 分/.test(c.passage))), ids(r));
    });
  });

  describe("who is asking and what they were doing is the asker's context", () => {
    const japanese = async (q: string) => {
      const a = await analyzerWith();
      const text = normalizeChars(q);
      return words(text, japaneseContext(text, a.rawTokens(q)));
    };

    it('「…の者です」 introduces the asker', async () => {
      assert.deepEqual(await japanese('総務部の者です。接続が切れます'), ['総務部の者']);
      // The dependent noun alone is no introduction.
      assert.deepEqual(await japanese('者です。'), []);
    });

    it('the task they were doing, and whose account they looked after', async () => {
      assert.deepEqual(await japanese('年度替わりの処理で、パスワードを変えました'), ['年度替わりの処理で、']);
      assert.deepEqual(await japanese('異動者のパスワードを変えた'), ['異動者']);
    });

    it('a notification named by what it is for', async () => {
      assert.deepEqual(await japanese('備品申請の通知が来なくなった'), ['備品申請の']);
    });

    it("the people a flow serves, the department sharing it and the asker's leave", async () => {
      assert.ok((await japanese('フローからお客さんに届くはずの見積もりが来ないと言われた')).includes('お客さん'));
      assert.ok((await japanese('部署のみんなで使ってるフローです')).includes('部署'));
      assert.ok((await japanese('産休明けに見たらフローがエラーだらけでした')).includes('産休明け'));
    });
  });

  describe('a story told around the event: the report still names it in the documents\' words', () => {
    it('retiring and no longer being there are a leaver', () => {
      for (const q of ['係長が秋に定年を迎えます', '作った人がいなくなったらフローはどうなる']) {
        assert.ok(kb.analyze(q).concepts.some((c) => c.terms.includes('退職')), q);
      }
    });

    it('対策 and what can be done beforehand ask for advice', () => {
      assert.equal(questionForm('パスワード切れの対策ってある？'), 'advice');
      assert.equal(questionForm('担当者が異動する前に今のうちに打てる手はありますか'), 'advice');
    });

    it('どうしておけば asks how to prepare, not why', () => {
      assert.notEqual(questionForm('フローの持ち主が変わるときはどうしておけばいいですか'), 'why');
      assert.equal(questionForm('どうしてフローが止まるんですか'), 'why');
    });

    it('something the IT department did to the account brings the documents\' word for who did it', () => {
      const admin = (q: string) => kb.analyze(q).concepts.some((c) => c.label === '管理者');
      assert.ok(admin('ヘルプデスクにパスワードをリセットしてもらいました'));
      assert.ok(admin('システム部門にアカウントを止められたらしい'));
      // Being told of something, or a change made elsewhere, names no one who acted on the account.
      assert.ok(!admin('情シスから連絡があった、MFAが必須になるらしい'));
      assert.ok(!admin('情報システム部にて条件付きアクセスの設定が変更されたと聞きました'));
    });

    it('a flow working as usual after what should have stopped it asks about the delay', () => {
      assert.equal(questionForm('担当者のアカウントを止めたのに、その後20分ほどは普通にフローが実行されてた'), 'delay');
      assert.equal(questionForm('異動した人のアカウントを消したのに、しばらくは何事もなく承認メールが送信されていました'), 'delay');
    });
  });
});
