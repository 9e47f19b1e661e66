/** Events for guided diagnoses, read from the walk's plain-JSON state before and after a step. */
import { SOLVED_NO, SOLVED_YES } from '../troubleshoot/solved-options.js';
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

function event(s: WalkState, outcome: WalkOutcome, time: Date): WalkEvent {
  return { kind: 'walk', time: time.toISOString(), outcome, tree: s.treeId, node: s.nodeId, trail: [...s.trail] };
}

/**
 * The user's answer to "did this solve it?" on an outcome, as an event for that branch:
 * solved, or not solved (also when the walk goes on to another branch). Undefined for
 * every other step, and for states the engine cannot read.
 */
export function walkStepEvent(before: unknown, after: unknown, time = new Date()): WalkEvent | undefined {
  const b = read(before);
  const a = read(after);
  if (!b || !a || a.answers.length !== b.answers.length + 1) return undefined;
  const last = a.answers[a.answers.length - 1];
  // An outcome the walk reached is always in triedOutcomes; a question's option ids never count.
  if (!b.triedOutcomes.includes(b.nodeId) || last.nodeId !== b.nodeId || (last.optionId !== SOLVED_YES && last.optionId !== SOLVED_NO)) return undefined;
  return event(b, last.optionId === SOLVED_YES ? 'solved' : 'not-solved', time);
}

/** A walk left before it was solved (cancelled, restarted): abandoned where it stood. */
export function walkAbandonedEvent(state: unknown, time = new Date()): WalkEvent | undefined {
  const s = read(state);
  return s && event(s, 'abandoned', time);
}
