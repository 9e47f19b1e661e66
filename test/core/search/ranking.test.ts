import assert from 'node:assert/strict';
import { join } from 'node:path';
import { japaneseBigrams } from '../../../src/core/analysis/analyzer.js';
import { exampleQuestions } from './card-examples.test.js';
import { helpCard } from '../../../src/bot/cards/help-card.js';
import { welcomeCard } from '../../../src/bot/cards/welcome-card.js';
import { readEvalFile } from '../../../src/core/search/evaluation.js';
import { foldForLookup, KeyFinder } from '../../../src/core/search/exact-lookup.js';
import { buildIndex, type SearchIndex } from '../../../src/core/search/index-store.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { analyzeQuery, questionForm } from '../../../src/core/search/query.js';
import { FormStatements, rankCandidates, searchBigrams, valueAtRank, type RankContext } from '../../../src/core/search/ranking.js';
import { TermCache } from '../../../src/core/search/term-search.js';
import { devQuestions } from '../../bench/questions.js';
import { sharedExpander, sharedKnowledgeBase } from './shared.js';

/** The scores ranking derives from single-term searches, held to minisearch's own queries, and the cut to the best candidates. */
describe('ranking', function () {
  this.timeout(120000);
  const questions = ['更新トークンが失効した', '条件付きアクセスで接続が無効になる', 'パスワードをリセットした', 'フロー'];
  let kb: KnowledgeBase;
  let index: SearchIndex;

  before(async () => {
    kb = await sharedKnowledgeBase();
    index = buildIndex('test', kb.passages, kb.documents, kb.curated, kb.analyzer);
  });

  it('scores the bigrams as minisearch’s OR query of them', () => {
    for (const q of questions) {
      const bigrams = [...new Set(japaneseBigrams(q))];
      const expected = index.miniSearch.search({ combineWith: 'OR', queries: bigrams }, { fields: ['bigrams'] });
      const actual = searchBigrams(index, bigrams, new TermCache());
      assert.deepEqual(new Set(actual.items), new Set(expected.map((r) => r.id)), q);
      for (const r of expected) assert.equal(actual.scores[r.id], r.score, q);
    }
  });

  it('ranks the best `top` as the head of the full ranking, with ties and the curated answers that match', async () => {
    const expander = await sharedExpander();
    const ctx: RankContext = { foldedText: () => '', authority: () => 'microsoft-docs' };
    for (const { q } of devQuestions()) {
      const aq = analyzeQuery(q, kb.analyzer, expander);
      const full = rankCandidates(aq, index, ctx);
      const top = rankCandidates(aq, index, ctx, 5);
      const head = full.slice(0, 5);
      const cut = head.at(-1)?.score ?? 0;
      const kept = full.filter((c, k) => k < 5 || c.score === cut || (c.item.kind === 'curated' && c.coverage > 0));
      assert.deepEqual(top, kept, q);
    }
  });

  it('cuts at the score a full sort puts there', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(next() * 200);
      // Few distinct values (ties, as many candidates score alike), any values, and both zeros.
      const values = Float64Array.from({ length: n }, () => (round % 3 === 0 ? Math.floor(next() * 4) : round % 3 === 1 ? next() * 1000 : next() < 0.5 ? -0 : 0));
      const at = Math.floor(next() * n);
      // The cut is compared with <, for which -0 and 0 are one value.
      assert.ok(valueAtRank(values, at) === Float64Array.from(values).sort()[at], `${values.join(',')} at ${at}`);
    }
    assert.ok(Number.isNaN(valueAtRank(Float64Array.from([1, Number.NaN, 0]), 2)));
  });

  it('ranks alike with the items containing a key found at once and what items state kept between questions', async () => {
    const expander = await sharedExpander();
    const curated = new Map(kb.curated.map((c) => [c.id, c]));
    const passage = new Map(kb.passages.map((p) => [p.id, p]));
    const folded = index.items.map((it) => {
      const c = curated.get(it.ref);
      return foldForLookup(it.kind === 'passage' ? passage.get(it.ref)!.text : [...c!.questions.ja, ...c!.questions.en, c!.answer.ja, c!.answer.en].join('\n'));
    });
    const titles = index.items.map((it) => foldForLookup(it.kind === 'passage' ? (kb.documents.find((d) => d.id === passage.get(it.ref)!.docId)?.title ?? '') : ''));
    const plain: RankContext = { foldedText: (i) => folded[i], foldedTitle: (i) => titles[i], authority: () => 'microsoft-docs' };
    const finder = new KeyFinder(folded.map((t, i) => [t, titles[i]]));
    const kept: RankContext = { ...plain, itemsWithKey: (k) => finder.itemsWith(k), statements: new FormStatements(plain.foldedText, index.items.length) };
    // Made-up questions naming codes and settings, and asking how long, what next and for advice.
    const asked = [
      'AADSTS50105 と 401 が交互に出ます',
      'error 70008 after MaxInactiveTime, and AADSTS50076 too',
      'Get-MgPolicyTokenLifetimePolicy で 401 の原因を調べられますか',
      '更新トークンは何日で切れますか',
      'how long until a revoked session stops the flow?',
      '再認証してもだめならどうすればいい？',
      'what should I do if re-authenticating does not help?',
      '接続が切れないようにするにはどうしておくべきですか',
      'any tips to avoid connections breaking next time?',
      'NotOnOrAfter と MaxAgeSingleFactor の違い',
    ];
    for (const q of [...asked, ...asked]) {
      const aq = analyzeQuery(q, kb.analyzer, expander);
      assert.deepEqual(rankCandidates(aq, index, kept, 20), rankCandidates(aq, index, plain, 20), q);
    }
  });

  it('puts a document’s opening below a curated answer written from that document for the question’s form', async () => {
    const expander = await sharedExpander();
    const passage = new Map(kb.passages.map((p) => [p.id, p]));
    const curated = new Map(kb.curated.map((c) => [c.id, c]));
    const firsts = new Set(kb.documents.map((d) => kb.passages.find((p) => p.docId === d.id)?.id));
    const docs = index.items.map((it) => (it.kind === 'passage' ? [passage.get(it.ref)!.docId] : curated.get(it.ref)!.citations.map((c) => c.docId)));
    const forms = index.items.map((it) => new Set(it.kind === 'curated' ? [...curated.get(it.ref)!.questions.ja, ...curated.get(it.ref)!.questions.en].map(questionForm) : []));
    // Folded as the knowledge base folds its items, so that error codes are exact keys here too.
    const folded = index.items.map((it) => {
      const c = curated.get(it.ref);
      return foldForLookup(it.kind === 'passage' ? passage.get(it.ref)!.text : [...c!.questions.ja, ...c!.questions.en, c!.answer.ja, c!.answer.en, ...c!.citations.map((x) => x.quote)].join('\n'));
    });
    const plain: RankContext = { foldedText: (i) => folded[i], authority: () => 'microsoft-docs', forms: (i) => forms[i], opening: (i) => firsts.has(index.items[i].ref) };
    const ctx: RankContext = { ...plain, documents: (i) => docs[i] };
    // Questions asked how, why or how long: as the curated entries, the cards' examples and the evaluation sets phrase them.
    const sets = ['dev', 'realistic', 'holdout'].flatMap((f) => readEvalFile(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', `${f}.jsonl`)).map((e) => e.q));
    const cards = (['ja', 'en'] as const).flatMap((l) => [...exampleQuestions(welcomeCard(l)), ...exampleQuestions(helpCard(l))]);
    const asked = [...kb.curated.flatMap((c) => [...c.questions.ja, ...c.questions.en]), ...cards, ...sets].filter((q) => ['how', 'why', 'how-long'].includes(questionForm(q)));
    let yielded = 0;
    for (const q of asked) {
      const aq = analyzeQuery(q, kb.analyzer, expander);
      const before = rankCandidates(aq, index, plain);
      const after = rankCandidates(aq, index, ctx);
      assert.deepEqual(new Set(after.map((c) => c.item.id)), new Set(before.map((c) => c.item.id)), q);
      after.forEach((o, k) => {
        if (!plain.opening!(o.itemIndex)) return;
        const above = after.slice(k + 1).find((c) => c.item.kind === 'curated' && c.coverage >= 0.42 && forms[c.itemIndex].has(aq.form) && docs[c.itemIndex].includes(docs[o.itemIndex][0]));
        assert.equal(above, undefined, `${q}: ${o.item.id} above ${above?.item.id}`);
      });
      if (before[0] && plain.opening!(before[0].itemIndex) && after[0].item.kind === 'curated') yielded++;
    }
    assert.ok(yielded > 0, 'some opening ranked first before');
  });

  it('the text about the cause a question names comes before an overview that lists it among others', () => {
    // The overview of what invalidates a connection names an admin's password reset once, and
    // matches "invalidate", "flow" and "connection" better than the entry about the reset itself.
    for (const q of ["Will an admin resetting someone's password invalidate their flow connections?", 'The admin reset passwords for the whole team in the admin center. Do our flow connections survive that?']) {
      const r = kb.ask(q);
      assert.equal(r.answers[0]?.id, 'invalidate-admin-password-reset', `${q}: ${r.answers.map((a) => a.id).join(' ')}`);
    }
  });

  it('the text about the setting a question names comes before one that names it among several', () => {
    // The recommendation of values for all four refresh-token settings contains each name and
    // matches "flow", "connection" and "change" as well as the text about the setting asked.
    const cases: [string, string][] = [
      ['If we change MaxAgeSessionMultiFactor to three days, will our flows lose their connections?', 'token-lifetime-maxagesessionmultifactor'],
      ['MaxAgeSessionMultiFactor を短くしたらフローの接続は切れますか', 'token-lifetime-maxagesessionmultifactor'],
      ['MaxAgeSingleFactor を変えたら何が起きる？', 'token-lifetime-maxagesinglefactor'],
    ];
    for (const [q, id] of cases) {
      const r = kb.ask(q);
      assert.equal(r.answers[0]?.id, id, `${q}: ${r.answers.map((a) => a.id).join(' ')}`);
    }
    // 「何が起きる」 asks for the consequence, as 「どうなる」 does.
    assert.equal(questionForm('ポリシーを消したら何が起きますか'), 'what-happens');
    assert.equal(questionForm('設定を変えると何が起こる？'), 'what-happens');
  });

  it('a concept read from English is weighed by the terms the corpus has, not by glossary alternatives no text uses', () => {
    // The glossary lists "modify" beside 変更 for "change" and "webapplication" beside Web アプリ; no
    // text has them, and counted as unseen words they made "change" as specific as "ID token".
    const q = 'if I change the ID token lifetime, what changes for users of our web app?';
    const r = kb.ask(q);
    assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.passage.includes('アプリケーション セッションが期限切れになる頻度'))), `${q}: ${r.answers.map((a) => a.id).join(' ')}`);
  });

  it('an error code in a document\'s title is what every passage of it is about', () => {
    // The 401 article's section on replacing the connection never repeats the code; the
    // passages that do must not hide it from a question about that code.
    for (const q of ['401 のまま再認証しても解決しない場合はどうすればいい？', 'still getting 401 after re-authenticating, should I create a new connection and swap it in?']) {
      const r = kb.ask(q);
      assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.passage.includes('新しい接続を作成し、フロー内で置き換える'))), `${q}: ${r.answers.map((a) => a.id).join(' ')}`);
    }
  });

  it('attaching a policy to an app is linking it (リンク, 割り当て), not creating or finding one', () => {
    const r = kb.ask('Which PowerShell command attaches a lifetime policy to an application?');
    assert.equal(r.answers[0]?.id, 'cmdlet-application-token-lifetime-policy-link', r.answers.map((a) => a.id).join(' '));
  });

  it('the focus is on what the question is about, not on whose it is (退職者の更新トークン)', () => {
    // 退職 is the question's rarest word, and a text about leavers matches it best; the question is
    // about the refresh token that was revoked.
    const r = kb.ask('退職者の更新トークンを取り消したのにフローが止まらない。どのくらいで止まる？');
    assert.equal(r.answered, true);
    assert.ok(r.answers.slice(0, 3).some((a) => a.id === 'invalidate-refresh-token-revoked'), JSON.stringify(r.answers.map((a) => a.id)));
  });
});
