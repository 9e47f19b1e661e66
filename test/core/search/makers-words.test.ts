/**
 * Makers describing what they see in their own words: katakana and short names of products,
 * the people who told them, contractions, chat words for timing and for a flow that kept running,
 * and the frames around a question for advice. Each reads as the documents' terms, or as no concept.
 */
import assert from 'node:assert/strict';
import { normalizeChars } from '../../../src/core/analysis/char-filter.js';
import { parseGlossary } from '../../../src/content/glossary.js';
import { japaneseContext } from '../../../src/core/search/context-words.js';
import { exactKeys } from '../../../src/core/search/exact-lookup.js';
import { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { questionForm } from '../../../src/core/search/query.js';
import type { AskResult } from '../../../src/core/search/types.js';
import { analyzerWith, sharedKnowledgeBase } from './shared.js';

const ids = (r: AskResult) => JSON.stringify(r.answers.slice(0, 3).map((a) => a.id));
const citesInTop3 = (r: AskResult, phrase: string) => r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.passage.includes(phrase)));

describe("makers' own words", function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  const labels = (question: string) => kb.analyze(question).concepts.map((c) => c.label.toLowerCase());
  const termsOf = (question: string) => kb.analyze(question).concepts.flatMap((c) => c.terms);

  describe('spellings askers write for the documents\' terms', () => {
    it('a glossary entry lists them apart from its terms, and a malformed list is reported', () => {
      const g = parseGlossary('terms:\n  - en: [SharePoint]\n    ja: [SharePoint]\n    spellings: [シェアポイント]\n  - en: [x]\n    ja: [y]\n    spellings: 3\n', 'glossary.yaml');
      assert.deepEqual(g.entries, [{ en: ['SharePoint'], ja: ['SharePoint'], spellings: ['シェアポイント'] }]);
      assert.equal(g.errors.length, 1);
      assert.match(g.errors[0], /spellings/);
    });

    it('a spelling is read as the terms it stands for, one way only', () => {
      const expander = new GlossaryExpander([{ en: ['Excel'], ja: ['Excel'], spellings: ['エクセル'] }], kb.analyzer);
      const [excel] = kb.analyzer.terms('Excel');
      assert.deepEqual(expander.respelled('エクセル'), [excel]);
      assert.equal(expander.respelled(excel), undefined);
      assert.ok(!expander.jaSynonyms(excel).includes('エクセル'));
    });

    it('a question in katakana asks about the same thing as one with the product name, and the name finds no spelling', () => {
      const katakana = kb.analyze('パワーオートメートでフローが止まる').concepts[0];
      const latin = kb.analyze('Power Automate でフローが止まる').concepts[0];
      assert.equal(katakana.terms[0], latin.terms[0]);
      assert.ok(!katakana.terms.includes('パワーオートメート'), katakana.terms.join(','));
      assert.ok(!termsOf('SharePoint のリストを共有した').some((t) => /シェアポイント|^sp$/.test(t)));
    });

    it('a list shared from シェアポイント reaches the text about the list name it then lacks', () => {
      const r = kb.ask('シェアポイントのリストでフローを共有したら、リストの名前じゃなくて変な英数字みたいなのが出る');
      assert.ok(r.answered, JSON.stringify(r.suggestions));
      assert.ok(r.answers[0].citations.some((c) => c.passage.includes('表示名')), ids(r));
    });
  });

  it('「みたい」 says what something looks like, not what the asker wants to do', () => {
    assert.deepEqual(kb.analyze('一覧に謎の英数字みたいなのが並ぶ').subjects, []);
    assert.notDeepEqual(kb.analyze('一覧の英数字を消したい').subjects, []);
  });

  it('the people around the asker who told them or did it are their context', async () => {
    const a = await analyzerWith();
    const context = (q: string) => {
      const text = normalizeChars(q);
      return japaneseContext(text, a.rawTokens(q)).map(([from, to]) => text.slice(from, to));
    };
    assert.ok(context('情シスから連絡があった、MFAが必須になるらしい').includes('情シス'));
    assert.ok(context('前任者が作ったポリシーが残ってる').includes('前任者'));
    assert.ok(context('上司に言われて接続を作り直した').includes('上司'));
    assert.ok(kb.analyze('情シスから連絡があった、MFAが必須になるらしい').concepts.filter((c) => /情|シス/.test(c.label)).every((c) => c.context));
  });

  it("a contraction without its apostrophe (you'd, they're, aren't) is no concept", () => {
    const q = labels("any fix you'd suggest? they're all broken and the runs aren't starting");
    for (const w of ['youd', 'theyre', 'arent']) assert.ok(!q.includes(w), q.join(','));
  });

  it('"how is that possible" asks why', () => {
    assert.equal(questionForm('the account is disabled and the flow still ran, how is that possible?'), 'why');
    assert.equal(questionForm('how was this even possible'), 'why');
  });

  it('who would notice otherwise (before users complain) frames the question, it names nothing', () => {
    const q = labels('can we check connections before our users start complaining about failures?');
    assert.ok(!q.some((l) => /user|complain/.test(l)), q.join(','));
    assert.ok(!labels('ユーザーに言われる前に接続切れに気づきたい').some((l) => l.startsWith('ユーザ')));
  });

  it('how the asker learned of it, what they did with it and whether it matters frame the question', () => {
    const q = labels('証明書の期限切れの通知が来てたけど放置してた、フローに関係ある？');
    assert.ok(q.includes('期限切れ') && q.includes('フロー'), q.join(','));
    assert.ok(!q.some((l) => /通知|放置|関係/.test(l)), q.join(','));
    assert.deepEqual(kb.analyze('上司にMFAを有効にしろって言われた').concepts.filter((c) => !c.context).map((c) => c.label), ['mfa', '有効']);
    const en = labels('i got an email saying my password expires soon and ignored it, does that even matter for my flows?');
    assert.ok(en.includes('password') || en.some((l) => l.includes('password')), en.join(','));
    assert.ok(!en.some((l) => /email|ignor|matter/.test(l)), en.join(','));
    // The notification a question is about stays its subject.
    assert.ok(labels('フローのエラーを通知する方法').some((l) => l.includes('通知')));
  });

  it('an expiry notice left unread reaches what an expired password does to the connections', () => {
    const r = kb.ask('パスワード期限切れのお知らせが届いてたけどほったらかしにしてた。フローに関係ある？');
    assert.ok(citesInTop3(r, '有効期限切れ'), ids(r));
  });

  it('chat words for timing, for a flow that kept running and for the people leaving map to the documents\' terms', () => {
    assert.ok(termsOf('when does the new policy kick in?').includes('適用'));
    assert.ok(termsOf('is there a time lag after the change?').includes('期間が空く'));
    assert.ok(termsOf('is validity evaluated at sign in?').includes('評価'));
    assert.ok(termsOf('is it checked when the token is issued?').includes('発行'));
    assert.ok(termsOf('we disabled his account yesterday').includes('無効化'));
    assert.ok(termsOf('the flow still ran this morning').includes('動く'));
    assert.ok(termsOf('what happens to a leaver\'s flows').includes('退職'));
    assert.ok(termsOf('ポリシーはまだ効いてる？').includes('適用'));
    assert.ok(termsOf('設定変更から無効になるまでタイムラグある？').includes('期間が空く'));
    assert.ok(termsOf('社内ネットワークからだけ使える設定').includes('企業ネットワーク'));
  });

  it('a connection that broke a while after a change, asked as a time lag, reaches the text on the delay', () => {
    assert.ok(termsOf('しばらくしてから切れた').includes('期間が空く'));
    const r = kb.ask('MFAの設定を変えたあと、しばらくしてから接続が切れた。タイムラグってある？');
    assert.ok(citesInTop3(r, '期間が空く'), ids(r));
  });

  it('asking whether a lifetime is checked when a token is issued or when it is used reaches the text saying when', () => {
    assert.ok(termsOf("is it checked when it's used?").includes('使用時'));
    const r = kb.ask('does a lifetime policy count at the time of use, or when the token gets issued?');
    assert.ok(citesInTop3(r, '使用時に評価'), ids(r));
  });

  it('365 alone names the product, and a year is a date: neither is a code only the texts about it contain', () => {
    assert.deepEqual(exactKeys('365 に社外から入れない設定で 401 が出る'), ['401']);
    assert.deepEqual(exactKeys('2018年ごろに作ったポリシー、in 2022 we changed it, AADSTS50105'), ['aadsts50105']);
    // When the policy was made is no reason to answer with what changed that year.
    const r = kb.ask('2018年ごろに作ったトークン有効期間ポリシーはいまも適用されますか');
    assert.ok(r.answers[0]?.citations.some((c) => c.passage.includes('有効期間 ポリシー') || c.passage.includes('有効期間ポリシー')), ids(r));
  });

  it("makers' words for working from home, for a policy's limits and for linking are the documents' terms", () => {
    for (const [q, term] of [
      ['テレワークの日だけ新しい接続が作れない', 'ホームネットワーク'],
      ['在宅だとエラーになる', 'ホームネットワーク'],
      ['アクセストークンの有効期間の下限は？', '最小'],
      ['上限はいくつ？', '最大'],
      ['ポリシーをアプリに紐づけたい', 'リンク'],
      ['まず何を確かめればいい？', '確認'],
    ]) assert.ok(termsOf(q).includes(term), `${q}: ${termsOf(q).join(',')}`);
    // Off the corporate network a connection cannot be created where conditional access requires it.
    const r = kb.ask('テレワークの日は新しい接続が作れない。会社だと作れるのはなぜ？');
    assert.ok(citesInTop3(r, '直接接続を作成することはできません'), ids(r));
  });

  it("makers' words for what a token holds, for noticing, for the network and place they were on, and for enforcing MFA", () => {
    for (const [q, term] of [
      ['更新トークンの中身ってどんな情報？', '含む'],
      ['止まったらすぐ気づくようにしたい', '通知'],
      ['ホテルのWi-Fiで接続を作った', 'ネットワーク'],
      ['出張中に作った接続', '場所'],
      ['来月からMFA必須になる', '有効'],
    ]) assert.ok(termsOf(q).includes(term), `${q}: ${termsOf(q).join(',')}`);
    const r = kb.ask('更新トークンの中身ってどんな情報が入ってるの？');
    assert.ok(r.answered, JSON.stringify(r.suggestions));
    assert.ok(citesInTop3(r, '含まれ'), ids(r));
  });

  it('a connection said broken without its particle (接続切れた, 接続落ちた) and flows that all died (全滅) are what the documents name', () => {
    for (const q of ['今朝から止まってる、接続切れた？', '接続落ちてる', '接続きれたっぽい']) assert.ok(termsOf(q).includes('無効な接続'), `${q}: ${termsOf(q).join(',')}`);
    assert.ok(termsOf('フローが全滅した').includes('失敗'));
    // The loanword for the documents' 無効.
    assert.ok(termsOf('コネクションがインバリッドになる').includes('無効'));
    assert.ok(kb.ask('コネクションがインバリッドになる').answered);
    assert.ok(kb.ask('MFAいれたらフロー全滅したんですけど').answered);
  });

  it('what to have done or said beforehand asks for advice, and whom to tell is context', () => {
    assert.equal(questionForm('MFA必須にする前に、何をやっとけばいい？'), 'advice');
    assert.equal(questionForm('みんなに何をアナウンスしとけばいい？'), 'advice');
    const people = kb.analyze('フロー作ってる人たちに伝えること').concepts.filter((c) => c.label === '人' || c.label === '作る');
    assert.equal(people.length, 2);
    assert.ok(people.every((c) => c.context), JSON.stringify(people));
  });

  it('a flow that failed once and then worked again by itself reads as a temporary fault', () => {
    for (const q of ['夜だけフローがエラーで落ちて、朝には勝手に直ってた。なんで？', 'きのうだけフローが接続エラーになって、今日はまた動いてる。こういうことってある？']) {
      assert.ok(termsOf(q).includes('一時的'), `${q}: ${termsOf(q).join(',')}`);
      const r = kb.ask(q);
      assert.ok(citesInTop3(r, '一時的な不具合'), `${q}: ${ids(r)}`);
    }
  });

  it('words summing up (けっきょく, 要するに) or asking for the gist (ひとことで) frame the question, in kana as in kanji', () => {
    for (const q of ['けっきょく「無効な接続」になる条件って何？ひとことで', '要するに「無効な接続」になる条件は？一言でいうと']) {
      assert.deepEqual(labels(q), ['無効な接続', '条件'], q);
      assert.ok(kb.ask(q).answered, q);
    }
    // 必要 holds 要は's characters, and stays the word it is.
    assert.ok(labels('再認証は必要はありますか').includes('必要'));
  });

  it('asking for a habit that spots dead connections early reaches the advice to check them regularly', () => {
    const r = kb.ask('is there a habit we should build to spot broken connections early?');
    assert.ok(citesInTop3(r, '定期的に確認'), ids(r));
  });
});
