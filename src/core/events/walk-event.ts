/** Events for guided diagnoses, read from the walk's plain-JSON state. */
import type { WalkState } from '../troubleshoot/types.js';
import { parseWalkState } from '../troubleshoot/walker.js';
import type { WalkEvent, WalkOutcome } from './types.js';

function read(state: unknown): WalkState | undefined {
  try {
    return parseWalkState(state);
  } catch {
    return undefined;
  }
}

/**
 * How a branch of a walk ended, with the branch (tree, the node the walk stood at, the
 * nodes on the way): solved or not solved (the answer to "did this solve it?", or "it's
 * fixed" said at a question), or abandoned (cancelled, restarted). The caller says which,
 * from the move; undefined for a state the engine cannot read.
 */
export function walkEvent(state: unknown, outcome: WalkOutcome, time = new Date()): WalkEvent | undefined {
  const s = read(state);
  return s && { kind: 'walk', time: time.toISOString(), outcome, tree: s.treeId, node: s.nodeId, trail: [...s.trail] };
}
