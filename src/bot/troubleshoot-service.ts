import type { Citation, Lang } from '../content/types.js';
import { containsJapanese } from '../core/language.js';
import type { QuoteEnglish } from '../core/search/answers.js';
import {
  applyInput,
  backsTo,
  classifyMessage,
  extractFacts,
  parseWalkState,
  startWalk,
  viewStep,
  type StepView as CoreView,
  type TroubleshootFacts,
  type TroubleshootingTree,
  type WalkState,
} from '../core/troubleshoot/index.js';
import type { ShownCitation, StepResult, StepView, TroubleshootService } from './services.js';

/** Moves that leave an answer unchanged or change an earlier one: the bot says which. */
const ASIDES = new Set<string>(['noted', 'known', 'changed', 'late-answer', 'taken-back', 'ruled-out', 'other-named']);

/** The tree a new walk starts with: the invalid-connection tree if present, else the first. */
function mainTree(trees: readonly TroubleshootingTree[]): TroubleshootingTree {
  return trees.find((t) => t.id === 'invalid-connection') ?? trees[0];
}

/** English for a quote of a Japanese source (see KnowledgeService.englishOf). */
export type EnglishOf = (citation: Citation) => QuoteEnglish;

/**
 * The bot's view is the core's, its node id kept as the step that card buttons carry back, an
 * outcome's tree with it; in English, each Japanese quote with the English there is for it.
 */
function toView(v: CoreView, tree: string, lang: Lang, englishOf: EnglishOf | undefined): StepView {
  const { nodeId, ...core } = v;
  const shown = (cs: readonly Citation[]): ShownCitation[] => cs.map((c) => (lang === 'en' && englishOf && containsJapanese(c.quote) ? { ...c, english: englishOf(c) } : c));
  const notes = core.notes?.map((n) => ({ ...n, citations: shown(n.citations) }));
  if (core.kind === 'outcome') return { ...core, citations: shown(core.citations), notes: notes ?? [], step: nodeId, tree };
  return { ...core, ...(notes ? { notes } : {}), step: nodeId };
}

function factsOf(raw: Record<string, unknown> | undefined): TroubleshootFacts | undefined {
  if (!raw || typeof raw.text !== 'string') return undefined;
  const codes = Array.isArray(raw.codes) ? raw.codes.filter((c): c is string => typeof c === 'string') : undefined;
  return codes?.length ? { text: raw.text, codes } : { text: raw.text };
}

/**
 * Adapts the pure troubleshooting engine (src/core/troubleshoot) to the bot's
 * TroubleshootService port. Walk state stays the engine's plain JSON; stored
 * state is re-validated with parseWalkState on every turn, so state written by
 * an older version or tampered with fails cleanly (the bot then ends the walk).
 * `englishOf` gives English steps the English for their Japanese quotes.
 */
export function troubleshootService(trees: readonly TroubleshootingTree[], englishOf?: EnglishOf): TroubleshootService {
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
      const kind = classifyMessage(text);
      // An unclear message may still become a diagnosis (see the router): its facts go with it.
      if (kind === 'report' || kind === 'unclear') return { intent: kind === 'report', kind, facts: { ...extractFacts(text) } };
      return { intent: false, kind };
    },
    start(facts, lang: Lang) {
      const tree = mainTree(trees);
      const state = startWalk(tree, factsOf(facts));
      return { state, view: toView(viewStep(tree, state, lang), tree.id, lang, englishOf), done: false };
    },
    apply(raw, input, lang: Lang) {
      const { tree, state } = resolve(raw);
      const r = applyInput(tree, state, input, lang);
      return {
        accepted: r.accepted,
        done: r.done,
        solved: r.solved,
        aside: ASIDES.has(r.action) ? (r.action as StepResult['aside']) : undefined,
        state: r.state,
        view: r.view && toView(r.view, tree.id, lang, englishOf),
        ...(r.kind ? { kind: r.kind } : {}),
        ...(r.more ? { more: r.more } : {}),
        ...(r.asked ? { asked: r.asked } : {}),
      };
    },
    backsTo(raw, step) {
      return backsTo(resolve(raw).state, step);
    },
    view(raw, lang: Lang) {
      const { tree, state } = resolve(raw);
      return toView(viewStep(tree, state, lang), tree.id, lang, englishOf);
    },
  };
}
