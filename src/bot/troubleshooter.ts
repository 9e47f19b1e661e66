import type { Lang } from '../content/types.js';
import {
  applyInput,
  detectTroubleshootIntent,
  extractFacts,
  parseWalkState,
  startWalk,
  viewStep,
  type StepView as CoreView,
  type TroubleshootingTree,
  type WalkState,
} from '../core/troubleshoot/index.js';
import type { StepView, TroubleshootService } from './services.js';

/** The tree a new walk starts with: the invalid-connection tree if present, else the first. */
function mainTree(trees: readonly TroubleshootingTree[]): TroubleshootingTree {
  return trees.find((t) => /invalid/i.test(t.id)) ?? trees[0];
}

function toView(v: CoreView): StepView {
  if (v.kind === 'question') {
    return { kind: 'question', text: v.text, options: v.options, help: v.help, notes: v.notes ?? [] };
  }
  return {
    kind: 'outcome',
    verdict: v.verdict,
    steps: v.steps,
    citations: v.citations,
    notes: v.notes ?? [],
    summary: v.summary,
    solvedQuestion: v.solvedQuestion,
    solvedOptions: v.solvedOptions ?? [],
  };
}

/**
 * Adapts the pure troubleshooting engine (src/core/troubleshoot) to the bot's
 * TroubleshootService port. Walk state stays the engine's plain JSON; stored
 * state is re-validated with parseWalkState on every turn, so state written by
 * an older version or tampered with fails cleanly (the dialog then starts over).
 */
export function troubleshootService(trees: readonly TroubleshootingTree[]): TroubleshootService {
  if (!trees.length) throw new Error('no troubleshooting trees loaded');
  const byId = new Map(trees.map((t) => [t.id, t]));
  const resolve = (raw: unknown): { tree: TroubleshootingTree; state: WalkState } => {
    const state = parseWalkState(raw);
    const tree = byId.get(state.treeId);
    if (!tree) throw new Error(`walk state names unknown tree "${state.treeId}"`);
    return { tree, state };
  };
  return {
    detectIntent(text) {
      const r = detectTroubleshootIntent(text) as unknown;
      const intent = typeof r === 'boolean' ? r : Boolean((r as { intent?: unknown } | undefined)?.intent);
      return intent ? { intent, facts: extractFacts(text) as unknown as Record<string, unknown> } : { intent: false };
    },
    start(facts, lang: Lang) {
      const tree = mainTree(trees);
      const state = startWalk(tree, facts as Parameters<typeof startWalk>[1]);
      return { state, view: toView(viewStep(tree, state, lang)), done: false };
    },
    apply(raw, input, lang: Lang) {
      const { tree, state } = resolve(raw);
      const r = applyInput(tree, state, input, lang);
      return { accepted: r.accepted, done: r.done, solved: r.solved, state: r.state, view: r.view ? toView(r.view) : undefined };
    },
    view(raw, lang: Lang) {
      const { tree, state } = resolve(raw);
      return toView(viewStep(tree, state, lang));
    },
  };
}
