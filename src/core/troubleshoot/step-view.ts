/**
 * What the user sees at a walk position, in one language: the question with
 * numbered options, or the outcome with steps for the user's audience, its
 * citations, notes and a summary of the path to paste to an IT admin.
 */
import type { Bilingual, Citation, Lang } from '../../content/types.js';
import { containsJapanese } from '../language.js';
import { SOLVED_NO, SOLVED_OPTIONS } from './solved-options.js';
import { citationKey } from './tree-loader.js';
import type { Audience, OutcomeNode, QuestionView, StepView, TreeNode, TroubleshootingTree, ViewNote, WalkState } from './types.js';

const TEXT = {
  solvedQuestion: { ja: 'これで解決しましたか?', en: 'Did this solve it?' },
  nextBranch: {
    ja: '前の対処では解決しなかったため、次に考えられる原因と対処です。',
    en: "That didn't fix it, so here's the next most likely cause and fix.",
  },
  forAudience: {
    user: { ja: '(ユーザー向け) ', en: '(For end users) ' },
    admin: { ja: '(管理者向け) ', en: '(For admins) ' },
  },
  summaryTitle: { ja: '【Power Automate 「無効な接続」診断のまとめ】', en: '[Power Automate "invalid connection" diagnosis summary]' },
  summaryDiagnosis: { ja: '診断', en: 'Diagnosis' },
  summaryRole: { ja: '立場', en: 'Role' },
  summaryCodes: { ja: 'エラー コード', en: 'Error codes' },
  summaryAnswers: { ja: '回答', en: 'Answers' },
  summaryInferred: { ja: ' (それまでの入力から)', en: ' (from what you said earlier)' },
  summarySkipped: { ja: '(省略: 入力の内容から先の質問へ)', en: '(skipped: what you said answers a later question)' },
  settled: { ja: 'メッセージから:', en: 'From what you said:' },
  skipped: { ja: 'そのため、次の質問は省きました:', en: 'So I skipped:' },
  skippedHint: { ja: 'どれかに答えがあれば、いつでもそのまま送ってください。', en: 'If one of these matters, just tell me the answer at any time.' },
  summaryNotSolved: { ja: '試した対処 (解決せず)', en: 'Tried, did not solve it' },
  summaryVerdict: { ja: '結論', en: 'Conclusion' },
  summarySources: { ja: '出典', en: 'Sources' },
  role: { user: { ja: 'ユーザー', en: 'End user' }, admin: { ja: 'IT 管理者', en: 'IT admin' } },
} as const satisfies Record<string, unknown>;

/** Japanese text inside an English reply is quoted, so readers know it is the source's wording. */
function quoted(text: string, lang: Lang): string {
  return lang === 'en' && containsJapanese(text) ? `“${text}”` : text;
}

function pick(b: Bilingual, lang: Lang): string {
  return b[lang].trim();
}

function note(tree: TroubleshootingTree, key: string | undefined, text: Bilingual | undefined, lang: Lang): ViewNote[] {
  if (!key || !text) return [];
  return [{ text: pick(text, lang), citations: tree.citations[key] ?? [] }];
}

/** The note an option carries, looked up from its citation key "<node>/<option>#note". */
function pendingNote(tree: TroubleshootingTree, state: WalkState, lang: Lang): ViewNote[] {
  const m = /^(.+)\/(.+)#note$/.exec(state.pendingNote ?? '');
  if (!m) return [];
  const node = tree.nodes[m[1]];
  const option = node?.kind === 'question' ? node.options.find((o) => o.id === m[2]) : undefined;
  return note(tree, state.pendingNote, option?.note?.text, lang);
}

function stepsFor(node: OutcomeNode, audience: Audience | undefined, lang: Lang): string[] {
  return node.steps
    .filter((s) => !audience || !s.audience || s.audience === audience)
    .map((s) => (!audience && s.audience ? TEXT.forAudience[s.audience][lang] : '') + pick(s.text, lang));
}

function sourceLines(citations: readonly Citation[], lang: Lang): string[] {
  const seen = new Set<string>();
  return citations
    .filter((c) => !seen.has(c.docId) && seen.add(c.docId))
    .map((c) => `- ${quoted(c.title, lang)} ${c.url}`);
}

/** A plain-text account of the walk, in the user's language, to paste into a ticket. */
export function walkSummary(tree: TroubleshootingTree, state: WalkState, lang: Lang): string {
  const lines = [TEXT.summaryTitle[lang], `${TEXT.summaryDiagnosis[lang]}: ${pick(tree.title, lang)}`];
  if (state.audience) lines.push(`${TEXT.summaryRole[lang]}: ${TEXT.role[state.audience][lang]}`);
  if (state.facts?.codes?.length) lines.push(`${TEXT.summaryCodes[lang]}: ${state.facts.codes.join(', ')}`);
  const answered = state.answers.filter((a) => tree.nodes[a.nodeId]?.kind === 'question');
  if (answered.length) {
    lines.push(`${TEXT.summaryAnswers[lang]}:`);
    for (const a of answered) {
      const node = tree.nodes[a.nodeId];
      const option = node.kind === 'question' ? node.options.find((o) => o.id === a.optionId) : undefined;
      if (node.kind === 'question' && a.skipped) lines.push(`- ${pick(node.text, lang)} ${TEXT.summarySkipped[lang]}`);
      if (node.kind !== 'question' || !option) continue;
      lines.push(`- ${pick(node.text, lang)} → ${pick(option.label, lang)}${a.inferred ? TEXT.summaryInferred[lang] : ''}`);
    }
  }
  const tried = state.answers.filter((a) => a.optionId === SOLVED_NO && tree.nodes[a.nodeId]?.kind === 'outcome');
  if (tried.length) {
    lines.push(`${TEXT.summaryNotSolved[lang]}:`);
    for (const a of tried) lines.push(`- ${pick((tree.nodes[a.nodeId] as OutcomeNode).verdict, lang)}`);
  }
  const node = tree.nodes[state.nodeId];
  if (node?.kind === 'outcome') {
    lines.push(`${TEXT.summaryVerdict[lang]}: ${pick(node.verdict, lang)}`);
    lines.push(`${TEXT.summarySources[lang]}:`, ...sourceLines(tree.citations[citationKey.outcome(state.nodeId)] ?? [], lang));
  }
  return lines.join('\n');
}

/**
 * What the walk took from the user's words on the way here, said so: the questions answered
 * from them and those passed over since the last step the user answered.
 */
function settledNote(tree: TroubleshootingTree, state: WalkState, lang: Lang): ViewNote[] {
  const answered: string[] = [];
  const skipped: string[] = [];
  for (let i = state.answers.length - 1; i >= 0; i--) {
    const a = state.answers[i];
    const node = tree.nodes[a.nodeId];
    if (!a.inferred || node?.kind !== 'question') break;
    const option = node.options.find((o) => o.id === a.optionId);
    if (a.skipped) skipped.unshift(`- ${pick(node.text, lang)}`);
    else if (option) answered.unshift(`- ${pick(node.text, lang)} → ${pick(option.label, lang)}`);
  }
  const lines = [
    ...(answered.length ? [TEXT.settled[lang], ...answered] : []),
    ...(skipped.length ? [TEXT.skipped[lang], ...skipped, TEXT.skippedHint[lang]] : []),
  ];
  return lines.length ? [{ text: lines.join('\n'), citations: [] }] : [];
}

/** The node a walk is at; throws when stored state points outside the tree (e.g. the tree changed). */
export function nodeAt(tree: TroubleshootingTree, state: WalkState): TreeNode {
  const node = tree.nodes[state.nodeId];
  if (!node) throw new Error(`walk state points at unknown node "${state.nodeId}" of tree "${tree.id}"`);
  return node;
}

/** The current step of a walk in `lang`. Throws when the state points outside the tree. */
export function viewStep(tree: TroubleshootingTree, state: WalkState, lang: Lang): StepView {
  const node = nodeAt(tree, state);
  if (node.kind === 'question') {
    const view: QuestionView = {
      kind: 'question',
      nodeId: state.nodeId,
      text: pick(node.text, lang),
      options: node.options.map((o, i) => ({ id: o.id, label: pick(o.label, lang), number: i + 1 })),
      notes: [...settledNote(tree, state, lang), ...pendingNote(tree, state, lang)],
      canGoBack: state.trail.length > 0,
    };
    if (node.help) view.help = pick(node.help, lang);
    return view;
  }
  const last = state.answers[state.answers.length - 1];
  const afterUnsolved = last?.optionId === SOLVED_NO && tree.nodes[last.nodeId]?.kind === 'outcome';
  return {
    kind: 'outcome',
    nodeId: state.nodeId,
    verdict: pick(node.verdict, lang),
    steps: stepsFor(node, state.audience, lang),
    citations: tree.citations[citationKey.outcome(state.nodeId)] ?? [],
    notes: [
      ...(afterUnsolved ? [{ text: TEXT.nextBranch[lang], citations: [] }] : []),
      ...settledNote(tree, state, lang),
      ...pendingNote(tree, state, lang),
      ...(node.notes ?? []).flatMap((n, i) => note(tree, citationKey.outcomeNote(state.nodeId, i), n.text, lang)),
    ],
    summary: walkSummary(tree, state, lang),
    solvedQuestion: TEXT.solvedQuestion[lang],
    solvedOptions: SOLVED_OPTIONS.map((o, i) => ({ id: o.id, label: pick(o.label, lang), number: i + 1 })),
    canGoBack: state.trail.length > 0,
  };
}
