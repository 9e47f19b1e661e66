import assert from 'node:assert/strict';
import type { Lang } from '../../../src/content/types.js';
import {
  applyInput,
  extractFacts,
  parseWalkState,
  startWalk,
  viewStep,
  type OutcomeView,
  type StepView,
  type TroubleshootingTree,
  type WalkState,
} from '../../../src/core/troubleshoot/index.js';
import { allPaths, trees } from './trees.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const tree: TroubleshootingTree = trees.find((t) => t.id === 'invalid-connection')!;

/** Every string of a view a user reads, except quotes of the sources. */
function authoredText(v: StepView): string[] {
  if (v.kind === 'question') return [v.text, v.help ?? '', ...v.options.map((o) => o.label), ...v.notes.map((n) => n.text)];
  return [v.verdict, ...v.steps, ...v.notes.map((n) => n.text), v.summary.replace(/“[^”]*”/g, ''), v.solvedQuestion, ...v.solvedOptions.map((o) => o.label)];
}

function assertLanguage(v: StepView, lang: Lang, where: string): void {
  for (const s of authoredText(v)) {
    if (lang === 'en') assert.ok(!JAPANESE.test(s), `${where}: Japanese in an English view: ${s}`);
  }
  if (lang === 'ja') assert.ok(JAPANESE.test(v.kind === 'question' ? v.text : v.verdict), `${where}: Japanese view`);
}

function apply(state: WalkState, input: string, lang: Lang = 'ja') {
  const r = applyInput(tree, state, input, lang);
  assert.ok(r.accepted, `"${input}" accepted at ${state.nodeId}`);
  return r;
}

function outcome(v: StepView | undefined): OutcomeView {
  assert.equal(v?.kind, 'outcome');
  return v as OutcomeView;
}

describe('troubleshooting walk: every path of every tree', () => {
  for (const t of trees) {
    const paths = allPaths(t);
    it(`${t.id}: ${paths.length} generated paths end in a cited outcome, in Japanese and in English`, () => {
      assert.ok(paths.length >= 20);
      const reached = new Set<string>();
      for (const lang of ['ja', 'en'] as const) {
        for (const p of paths) {
          let state = startWalk(t);
          let view = viewStep(t, state, lang);
          const where = `${lang} ${p.steps.map((s) => s.optionId).join(' > ')}`;
          for (const step of p.steps) {
            assert.equal(state.nodeId, step.nodeId, where);
            assertLanguage(view, lang, where);
            // Alternate between a typed number and the option's label in the other language.
            const node = t.nodes[step.nodeId];
            const label = node.kind === 'question' ? node.options[step.number - 1].label[lang === 'ja' ? 'en' : 'ja'] : '';
            const r = applyInput(t, state, step.number % 2 ? String(step.number) : label, lang);
            assert.ok(r.accepted && r.view, `${where}: step ${step.optionId}`);
            state = r.state;
            view = r.view;
          }
          const o = outcome(view);
          assert.equal(state.nodeId, p.outcome, where);
          assert.ok(o.citations.length >= 1, `${where}: cited`);
          assert.ok(o.steps.length >= 1, `${where}: steps`);
          assert.ok(o.summary.includes(o.verdict), `${where}: summary ends with the verdict`);
          assertLanguage(o, lang, where);
          reached.add(p.outcome);
        }
      }
      const outcomes = Object.keys(t.nodes).filter((id) => t.nodes[id].kind === 'outcome');
      const onlyViaNotSolved = outcomes.filter((id) => !reached.has(id));
      for (const id of onlyViaNotSolved) {
        assert.ok(outcomes.some((o) => (t.nodes[o] as { next?: string }).next === id), `${id} is reached by a path or a "did not solve it" branch`);
      }
    });

    it(`${t.id}: "did not solve it" from every outcome offers new branches until none is left`, () => {
      for (const start of Object.keys(t.nodes).filter((id) => t.nodes[id].kind === 'outcome')) {
        let state: WalkState = { ...startWalk(t), nodeId: start, triedOutcomes: [start] };
        const shown = [start];
        for (let i = 0; i < 30; i++) {
          const r = applyInput(t, state, i % 2 ? 'いいえ' : 'no', 'en');
          assert.ok(r.accepted);
          if (r.done) {
            assert.equal(r.solved, false);
            break;
          }
          state = r.state;
          if (r.view!.kind === 'question') break; // a branch that asks again (e.g. after a 401)
          const o = outcome(r.view);
          assert.ok(!shown.includes(state.nodeId), `${start}: ${state.nodeId} offered twice`);
          assert.match(o.notes[0].text, /That didn't fix it/);
          assert.match(o.summary, /Tried, did not solve it/);
          shown.push(state.nodeId);
        }
      }
    });
  }
});

describe('troubleshooting walk: typed answers and navigation', () => {
  it('accepts numbers (also full-width), labels and synonyms in either language, and close paraphrases', () => {
    const start = startWalk(tree);
    for (const input of ['2', '２', '2番', '管理者', 'テナントの IT 管理者', 'I am a tenant IT admin', 'admin', 'IT管理者です']) {
      assert.equal(apply(start, input).state.answers[0].optionId, 'admin', input);
    }
    for (const input of ['1', 'maker', 'フローを作成・利用しているユーザー', 'I build or use flows']) {
      assert.equal(apply(start, input).state.answers[0].optionId, 'end-user', input);
    }
    const symptom = apply(start, '1').state;
    assert.equal(apply(symptom, 'AADSTS50076 が出ています').state.nodeId, 'out-mfa-required');
    assert.equal(apply(symptom, '403 forbidden').state.nodeId, 'out-403');
    const event = apply(symptom, 'コードなし').state;
    assert.equal(event.nodeId, 'event');
    assert.equal(apply(event, 'someone used sign out everywhere').state.nodeId, 'out-sign-out-everywhere');
    assert.equal(apply(event, '管理者がパスワードをリセットしました').state.nodeId, 'out-admin-password-reset');
  });

  it('leaves free questions, ambiguous and out-of-range answers unaccepted, with the state unchanged', () => {
    const event = apply(apply(startWalk(tree), '1').state, '6').state;
    for (const input of ['トークンの有効期間はどのくらいですか？', 'パスワード', '99', '', 'What is conditional access?']) {
      const r = applyInput(tree, event, input, 'ja');
      assert.equal(r.accepted, false, input);
      assert.deepEqual(r.state, event);
    }
  });

  it('back, restart, cancel and help work at every step of a path, in both languages', () => {
    const path = allPaths(tree).find((p) => p.steps.length >= 4)!;
    let state = startWalk(tree);
    for (const step of path.steps) {
      for (const [word, lang] of [['戻る', 'ja'], ['back', 'en']] as const) {
        const back = apply(state, word, lang);
        assert.equal(back.action, 'back');
        if (state.trail.length) {
          assert.equal(back.state.nodeId, state.trail.at(-1));
          assert.equal(back.state.answers.length, state.answers.length - 1, 'the answer given there is taken back');
        } else assert.deepEqual(back.state, state);
      }
      for (const word of ['最初から', 'restart']) {
        const r = apply(state, word);
        assert.equal(r.state.nodeId, tree.start);
        assert.deepEqual(r.state.answers, []);
      }
      for (const word of ['キャンセル', 'cancel']) {
        const r = apply(state, word);
        assert.equal(r.done, true);
        assert.equal(r.view, undefined);
      }
      for (const word of ['ヘルプ', 'help']) assert.deepEqual(apply(state, word).state, state);
      state = apply(state, String(step.number)).state;
    }
    assert.equal(tree.nodes[state.nodeId].kind, 'outcome');
    const back = apply(state, 'back');
    assert.equal(back.state.nodeId, path.steps.at(-1)!.nodeId);
    assert.equal(back.view!.kind, 'question');
  });

  it('a "does not invalidate" event is said to be so, with citations and the third-party claim, and the walk goes on', () => {
    const event = apply(apply(startWalk(tree), '1').state, '6').state;
    for (const lang of ['ja', 'en'] as const) {
      const r = apply(event, lang === 'ja' ? 'パスワードの有効期限が切れた' : 'my password expired', lang);
      assert.equal(r.view!.kind, 'question');
      assert.equal(r.state.nodeId, 'real-cause');
      const note = r.view!.notes[0];
      assert.match(note.text, lang === 'ja' ? /接続は無効になりません[\s\S]*サードパーティ/ : /does not invalidate[\s\S]*third-party/);
      assert.deepEqual([...new Set(note.citations.map((c) => c.docId))].sort(), ['error-401', 'invalid-connection']);
      // The note is shown once, with the step that follows the answer.
      assert.equal(apply(r.state, '1', lang).view!.notes.some((n) => n.text === note.text), false);
    }
  });

  it('shows admins the admin steps, end users theirs, and labels both while the role is unknown', () => {
    const reach = (role: string) => apply(apply(apply(startWalk(tree), role).state, 'no code').state, 'outage').state;
    const admin = outcome(viewStep(tree, { ...reach('admin'), nodeId: 'out-admin-checks' }, 'en'));
    const user = outcome(viewStep(tree, { ...reach('user'), nodeId: 'out-admin-checks' }, 'en'));
    const unknown = outcome(viewStep(tree, { ...startWalk(tree), nodeId: 'out-admin-checks' }, 'en'));
    assert.ok(admin.steps.some((s) => /Get-MgPolicyTokenLifetimePolicy/.test(s)));
    assert.ok(!admin.steps.some((s) => /send the summary/.test(s)));
    assert.ok(user.steps.some((s) => /send the summary/.test(s)));
    assert.ok(!user.steps.some((s) => /Get-MgPolicyTokenLifetimePolicy/.test(s)));
    assert.ok(unknown.steps.some((s) => /^\(For admins\) .*Get-MgPolicyTokenLifetimePolicy/.test(s)));
    assert.ok(unknown.steps.some((s) => /^\(For end users\) .*send the summary/.test(s)));
    assert.match(admin.summary, /Role: IT admin/);
  });

  it('the MFA branch says the token-lifetime-policy workaround is outdated and points to sign-in frequency', () => {
    const mfa = apply(apply(apply(startWalk(tree), '2').state, 'no code').state, 'conditional access').state;
    const o = outcome(apply(mfa, 'every 14 days', 'en').view);
    assert.match(o.verdict, /14 days/);
    const note = o.notes.find((n) => /outdated/.test(n.text))!;
    assert.ok(note.citations.some((c) => c.docId === 'token-lifetimes' && /2021 年 1 月 30 日/.test(c.quote)));
    assert.ok(o.steps.some((s) => /sign-in frequency/.test(s)));
  });

  it('tells the timing: the access token stays valid until it expires, so the connection breaks later', () => {
    const o = outcome(apply(apply(apply(startWalk(tree), '1').state, 'no code').state, 'revoked', 'en').view);
    const timing = o.notes.find((n) => /cannot be revoked/.test(n.text))!;
    assert.ok(timing, 'timing note');
    for (const quote of [/60 分から 90 分/, /28 時間/]) assert.ok(timing.citations.some((c) => quote.test(c.quote)));
  });
});

describe('troubleshooting walk: facts from the first message', () => {
  it('an error code with an outcome goes straight to it; "back" leads to the first question', () => {
    for (const [text, expected] of [
      ['フローが AADSTS70008 で失敗します', 'out-inactive'],
      ['Flow fails with AADSTS50076', 'out-mfa-required'],
      ['AADSTS50105 が出てフローが失敗する', 'out-aadsts50105'],
    ] as const) {
      const state = startWalk(tree, extractFacts(text));
      assert.equal(state.nodeId, expected, text);
      const o = outcome(viewStep(tree, state, 'ja'));
      assert.match(o.summary, /エラー コード: AADSTS/);
      assert.equal(apply(state, '戻る').state.nodeId, tree.start);
    }
  });

  it('a longer code that starts like a known one is not mistaken for it', () => {
    const state = startWalk(tree, extractFacts('AADSTS700082 でフローが失敗します'));
    assert.equal(state.nodeId, 'other-code', 'an unknown AADSTS code: asked which one');
    let state2 = apply(state, '上記以外のコード').state;
    for (const answer of ['どれも当てはまらない', 'わからない']) state2 = apply(state2, answer).state;
    assert.match(outcome(viewStep(tree, state2, 'ja')).summary, /エラー コード: AADSTS700082/);
  });

  it('questions the first message already answers are skipped as they come up, and marked in the summary', () => {
    const first = startWalk(tree, extractFacts('My flow fails with 401 Unauthorized'));
    assert.equal(first.nodeId, 'out-401', 'the role, which decides only whose steps are shown, is passed over');
    assert.equal(first.audience, undefined);
    const view = outcome(viewStep(tree, first, 'en'));
    assert.match(view.summary, /401 Unauthorized .*\(from what you said earlier\)/);
    assert.match(view.summary, /which describes you\? \(skipped/);
    const r = apply(first, "I'm the tenant admin", 'en');
    assert.equal(r.action, 'late-answer', 'the skipped question answered at the outcome');
    assert.equal(r.state.nodeId, 'out-401');
    assert.equal(r.state.audience, 'admin');
    const pw = startWalk(tree, extractFacts('パスワードを変更したら接続が無効になりました'));
    assert.equal(pw.nodeId, 'real-cause', 'the password change was taken from the first message');
    assert.equal(apply(pw, '戻る').state.nodeId, 'event', 'back shows the inferred question');
  });
});

describe('troubleshooting walk: what the user already said is not asked again', () => {
  it('an answer typed in words also answers the later questions it settles', () => {
    const s = apply(apply(startWalk(tree), '1').state, 'AADSTS50105 が出ています').state;
    assert.equal(s.nodeId, 'out-aadsts50105', 'the code named at the error question is not asked for again');
    assert.ok(s.answers.some((a) => a.nodeId === 'other-code' && a.optionId === 'aadsts50105' && a.inferred), JSON.stringify(s.answers));
    const mfa = apply(apply(apply(startWalk(tree), 'admin', 'en').state, 'no code', 'en').state, 'we enabled MFA and since then it breaks every two weeks', 'en');
    assert.equal(mfa.state.nodeId, 'out-mfa-remember');
  });

  it('a number or a button answers only its own question', () => {
    const s = apply(startWalk(tree), '1').state;
    assert.equal(s.facts, undefined);
  });

  it('a message that answers a later question, not this one, is kept and this question asked again', () => {
    const r = applyInput(tree, startWalk(tree), "we got a 403 on the SharePoint step", 'en');
    assert.equal(r.accepted, true);
    assert.equal(r.action, 'noted');
    assert.equal(r.state.nodeId, 'role');
    assert.equal(r.view?.kind === 'question' && r.view.nodeId, 'role');
    assert.equal(apply(r.state, '1', 'en').state.nodeId, 'out-403', 'the error question is answered by what was said');
  });

  it('an error code said at another question leads to its outcome, as in a first message', () => {
    const r = apply(startWalk(tree), 'ちなみに AADSTS70008 と出ています');
    assert.equal(r.state.nodeId, 'out-inactive');
    assert.equal(apply(r.state, '戻る').state.nodeId, 'role', 'back returns to the question it was said at');
  });

  it('an earlier answer taken back and given anew goes back to that question and on from the new answer', () => {
    const atSymptom = apply(startWalk(tree), '1', 'en').state;
    const changed = apply(atSymptom, 'oops, I meant 2', 'en');
    assert.equal(changed.action, 'changed');
    const meant = changed.state;
    assert.deepEqual([meant.nodeId, meant.audience, meant.answers.map((a) => a.optionId)], ['symptom', 'admin', ['admin']]);
    const atEvent = apply(apply(startWalk(tree), 'admin', 'en').state, 'コードは出ていません').state;
    const redone = apply(atEvent, 'すみません、間違えました。一般ユーザーです');
    assert.deepEqual([redone.state.audience, redone.state.answers[0].optionId], ['user', 'end-user']);
    assert.equal(redone.state.nodeId, 'event', 'what was said in words still answers the questions after it');
    assert.equal(applyInput(tree, atEvent, 'sorry, 3', 'en').state.nodeId, 'out-401', 'a number means the question just before');
    assert.equal(applyInput(tree, atEvent, 'sorry, 6', 'en').accepted, false, '…and never one further back (6 is that question\'s own answer)');
  });

  it('at an outcome, an earlier answer given anew goes back and on from it; a general "I don\'t know" changes nothing', () => {
    const at401 = apply(apply(apply(startWalk(tree), '管理者です').state, 'コードは 401 です').state, '1').state;
    assert.equal(at401.nodeId, 'out-401', 'setup: an outcome');
    const to403 = apply(at401, '失礼しました、403 でした');
    assert.deepEqual([to403.action, to403.state.nodeId], ['changed', 'out-403']);
    const asUser = apply(at401, 'いや、ただの利用者でした');
    assert.deepEqual([asUser.action, asUser.state.audience, asUser.state.nodeId], ['changed', 'user', 'out-401'], 'the error said in words still leads to its outcome');
    const en401 = apply(apply(apply(startWalk(tree), 'user', 'en').state, 'it shows 401', 'en').state, '1', 'en').state;
    assert.equal(applyInput(tree, en401, "sorry, I don't know", 'en').accepted, false, 'a general answer is no correction');
    assert.equal(apply(en401, 'sorry, it was a 403 actually', 'en').state.nodeId, 'out-403');
  });

  it('an answer said to be wrong with no other answer for it is taken back: its question is asked again, its words forgotten', () => {
    const atEvent = apply(apply(startWalk(tree), '1').state, 'コードは表示されていません').state;
    const inactive = apply(atEvent, 'そのフローは5か月ほど放置してました').state;
    assert.equal(inactive.nodeId, 'out-inactive', 'setup: the unused outcome');
    const back = apply(inactive, 'すみません、本当は3週間くらいでした');
    assert.deepEqual([back.action, back.state.nodeId, back.state.answers.map((a) => a.nodeId)], ['taken-back', 'event', ['role', 'symptom']]);
    assert.doesNotMatch(back.state.facts?.text ?? '', /5か月/, 'the words taken back answer nothing later');
    const next = apply(back.state, '特に心当たりはないです');
    assert.equal(next.state.nodeId, 'pattern', 'the pattern question is asked, not answered from the words taken back');
    const en = apply(apply(apply(startWalk(tree), 'user', 'en').state, 'no code', 'en').state, 'it sat unused for half a year', 'en').state;
    assert.equal(apply(en, 'wait, actually it was only about ten days', 'en').state.nodeId, 'event');
  });

  it('an option denied is ruled out: the question is asked again; a denial paraphrased picks nothing', () => {
    const atEvent: WalkState = { ...startWalk(tree), nodeId: 'event', trail: ['role', 'symptom'] };
    for (const text of ['SSPR は使っていません', 'there was no outage', 'we never enabled multi-factor']) {
      const r = applyInput(tree, atEvent, text, 'ja');
      assert.deepEqual([r.accepted, r.action, r.state], [true, 'ruled-out', atEvent], text);
    }
    assert.equal(applyInput(tree, atEvent, 'we did not enable MFA', 'en').accepted, false, 'close to a label, but denying it');
  });

  it('an earlier answer said again is known: the question is asked again, nothing changes', () => {
    const s = apply(apply(apply(startWalk(tree), '2').state, 'コードはありません').state, '条件付きアクセスのポリシーを追加しました').state;
    assert.equal(s.nodeId, 'mfa');
    const r = applyInput(tree, s, 'ええ、条件付きアクセスを追加したんです', 'ja');
    assert.deepEqual([r.accepted, r.action, r.state], [true, 'known', s]);
  });

  it('only a step the walk can still come to keeps a fact', () => {
    const atMfa: WalkState = { ...startWalk(tree), nodeId: 'mfa', trail: ['role', 'symptom', 'event'] };
    // Which event happened is asked at a question this walk has left behind.
    assert.equal(applyInput(tree, atMfa, 'うちの情シスがパスワードをリセットしたらしい', 'ja').accepted, false);
  });

  it('"it works now" while a question is asked ends the walk as solved; a bare yes or "not fixed" does not', () => {
    const atEvent: WalkState = { ...startWalk(tree), nodeId: 'event', trail: ['role', 'symptom'] };
    for (const text of ['再接続したら直りました', 'ok it is working again now']) {
      const r = applyInput(tree, atEvent, text, 'ja');
      assert.deepEqual([r.accepted, r.done, r.solved], [true, true, true], text);
    }
    for (const text of ['yes', 'まだ直ってないです', 'it was working fine until Monday']) assert.notEqual(applyInput(tree, atEvent, text, 'en').solved, true, text);
  });

  it('a question or words that tell nothing are not taken as a fact', () => {
    assert.equal(applyInput(tree, startWalk(tree), '403 って何ですか?', 'ja').accepted, false);
    assert.equal(applyInput(tree, startWalk(tree), '先月異動したばかりです', 'ja').accepted, false);
  });
});

describe('troubleshooting walk: state', () => {
  it('is plain JSON: a walk continues identically after a round trip through storage', () => {
    let live = startWalk(tree, extractFacts('接続が切れた'));
    for (const input of ['2', '6', 'SSPR', 'none', "I don't know"]) {
      const stored = parseWalkState(JSON.parse(JSON.stringify(live)));
      const a = applyInput(tree, live, input, 'en');
      const b = applyInput(tree, stored, input, 'en');
      assert.deepEqual(b, a, input);
      live = a.state;
    }
    assert.equal(tree.nodes[live.nodeId].kind, 'outcome');
  });

  it('rejects stored state that is not a walk, and a state pointing outside the tree', () => {
    for (const bad of [null, 42, 'x', {}, { v: 2, treeId: 'x', nodeId: 'y', trail: [], answers: [], triedOutcomes: [] }, { ...startWalk(tree), answers: [1] }]) {
      assert.throws(() => parseWalkState(bad));
    }
    assert.throws(() => viewStep(tree, { ...startWalk(tree), nodeId: 'gone' }, 'ja'), /unknown node "gone"/);
    assert.throws(() => applyInput(tree, { ...startWalk(tree), nodeId: 'gone' }, '1', 'ja'), /unknown node "gone"/);
  });

  it('"yes" ends the walk as solved', () => {
    const state = startWalk(tree, extractFacts('AADSTS70008 が出ます'));
    for (const yes of ['はい', 'yes', '解決しました', '1']) {
      const r = apply(state, yes);
      assert.equal(r.done, true);
      assert.equal(r.solved, true);
    }
    for (const no of ['まだ解決していません', 'not yet', '2']) assert.notEqual(apply(state, no).solved, true, no);
  });
});
