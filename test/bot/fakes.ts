import type { Lang } from '../../src/content/types.js';
import type { StepView, TroubleshootService } from '../../src/bot/services.js';

/**
 * A tiny two-question walker with the TroubleshootService shape, for tests that
 * exercise the bot's dialog plumbing independently of the real trees.
 */
interface FakeState {
  node: 'q1' | 'q2' | 'out' | 'end';
}

const Q: Record<'q1' | 'q2', { text: Record<Lang, string>; options: { id: string; label: Record<Lang, string>; next: FakeState['node'] }[] }> = {
  q1: {
    text: { ja: '接続はいつから無効ですか？', en: 'Since when is the connection invalid?' },
    options: [
      { id: 'recent', label: { ja: '最近', en: 'Recently' }, next: 'q2' },
      { id: 'long', label: { ja: '90 日以上前', en: 'Over 90 days' }, next: 'out' },
    ],
  },
  q2: {
    text: { ja: 'パスワードはリセットされましたか？', en: 'Was the password reset?' },
    options: [
      { id: 'yes', label: { ja: 'はい', en: 'Yes' }, next: 'out' },
      { id: 'no', label: { ja: 'いいえ', en: 'No' }, next: 'out' },
    ],
  },
};

function view(state: FakeState, lang: Lang): StepView {
  if (state.node === 'q1' || state.node === 'q2') {
    const q = Q[state.node];
    return { kind: 'question', text: q.text[lang], options: q.options.map((o, i) => ({ id: o.id, label: o.label[lang], number: i + 1 })) };
  }
  return {
    kind: 'outcome',
    verdict: lang === 'ja' ? '接続を修正してください。' : 'Fix the connection.',
    steps: [lang === 'ja' ? '接続を開いて再サインインします。' : 'Open the connection and sign in again.'],
    citations: [{ docId: 'd', title: '文書', url: 'https://example.com/d', section: '', quote: '引用文', passage: '引用文' }],
    notes: [],
    summary: 'summary',
    solvedOptions: [
      { id: 'solved', label: lang === 'ja' ? 'はい' : 'Yes', number: 1 },
      { id: 'unsolved', label: lang === 'ja' ? 'いいえ' : 'No', number: 2 },
    ],
  };
}

export const fakeTroubleshooter: TroubleshootService = {
  detectIntent: (text) => ({ intent: /診断して|diagnose my flow/i.test(text) }),
  start: (_facts, lang) => ({ state: { node: 'q1' }, view: view({ node: 'q1' }, lang), done: false }),
  view: (state, lang) => view(state as FakeState, lang),
  // The fake walk keeps no trail: no earlier step can be gone back to.
  backsTo: () => undefined,
  apply(state, input, lang) {
    const s = state as FakeState;
    const v = view(s, lang);
    const options = v.kind === 'question' ? v.options : v.solvedOptions;
    const t = input.trim().toLowerCase();
    const o = options.find((x) => x.id === input || String(x.number) === t || x.label.toLowerCase() === t);
    if (!o) return { accepted: false, done: false, state };
    if (v.kind === 'outcome') return { accepted: true, done: true, solved: o.id === 'solved', state: { node: 'end' } };
    const next = Q[s.node as 'q1' | 'q2'].options.find((x) => x.id === o.id)!.next;
    return { accepted: true, done: false, state: { node: next }, view: view({ node: next }, lang) };
  },
};
