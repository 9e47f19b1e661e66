import { walkEvent } from '../core/events/index.js';
import { t } from './language/strings.js';
import { stepReply, textReply } from './replies.js';
import type { Lang } from '../content/types.js';
import type { BotServices, KnowledgeService, OutcomeView, StepResult, StepView, TroubleshootService } from './services.js';
import type { Turn } from './turn.js';

/**
 * The guided diagnosis inside a conversation: the walker's position is kept in
 * conversation state as the engine's plain JSON, and each function here moves
 * it and adds the step to show. The walking itself is the core walker's.
 */

/**
 * The turn's input applied to the walk in progress. A card press is applied by its
 * option id alone, and only when that id is an option of the current step: an unknown
 * or forged id is never matched to an option by its wording. A button of an earlier
 * step's card is stale and applies nothing. Throws when the stored walk is one the
 * engine no longer understands.
 */
export function moveOf(svc: TroubleshootService, turn: Turn): StepResult | 'stale' {
  const { input, lang } = turn;
  const walk = turn.conversation.walk;
  if (input.choice === undefined && input.step === undefined) return svc.apply(walk, input.text, lang);
  // One view of the walk answers both "is this button of the current step?" and "is it one of its options?".
  const view = svc.view(walk, lang);
  if (input.step !== undefined && input.step !== view.step) return 'stale';
  if (input.choice === undefined) return svc.apply(walk, input.text, lang);
  const ids = view.kind === 'question' ? view.options.map((o) => o.id) : view.solvedOptions.map((o) => o.id);
  if (!ids.includes(input.choice)) return { accepted: false, done: false, state: walk };
  return svc.apply(walk, input.choice, lang);
}

/** Starts a walk (ending any in progress) from the facts of the first message, and shows its first step. */
export function startWalk(turn: Turn, services: BotServices, options: { facts?: Record<string, unknown>; restarted?: boolean } = {}): void {
  const { lang } = turn;
  abandonWalk(turn);
  const svc = services.troubleshoot;
  if (!svc) {
    // Before /readyz the trees are still loading; after it, the diagnosis is simply not installed.
    turn.replies.push(textReply(t(lang, services.knowledge ? 'walkUnavailable' : 'notReady')));
    return;
  }
  const { state, view, done } = svc.start(options.facts, lang);
  if (!done) turn.conversation.walk = state;
  keepOutcomeTopic(turn, view, services.knowledge);
  const notice = options.restarted ? 'walkRestartedNote' : view.kind === 'outcome' ? 'walkJumpedNote' : 'walkStartedNote';
  turn.replies.push(stepReply(view, lang, t(lang, notice)));
}

const ASIDE_NOTICE = { noted: 'walkNoted', known: 'walkAlreadyKnown', changed: 'walkAnswerChanged', 'late-answer': 'walkSkippedAnswered', 'taken-back': 'walkAnswerTakenBack', 'ruled-out': 'walkRuledOut', 'other-named': 'walkOtherNamed', 'took-answer': 'walkTookAnswer' } as const;

/**
 * An outcome shown is what the conversation is about now: its cause becomes the topic a
 * follow-up (「それを防ぐには？」, "why?") is asked with, as an answered question's would.
 */
function keepOutcomeTopic(turn: Turn, view: StepView | undefined, kb: KnowledgeService | undefined): void {
  if (view?.kind !== 'outcome' || !kb?.topicOf) return;
  const words = kb.topicOf(view.verdict);
  if (words.length) turn.conversation.topic = { lang: turn.lang, words };
}

/** Applies an accepted move: the next step, or the end of the walk (solved, not solved, cancelled). */
export function applyMove(turn: Turn, move: StepResult, kb?: KnowledgeService): void {
  const { lang } = turn;
  // A move that says whether the branch solved it ends that branch, wherever the walk stood.
  const ended = move.solved === undefined ? undefined : walkEvent(turn.conversation.walk, move.solved ? 'solved' : 'not-solved');
  if (ended) turn.events.push(ended);
  turn.conversation.walk = move.state;
  // A fact kept, or one already known, at an outcome leaves it where it is: only its question again.
  if (move.view?.kind === 'outcome' && move.view.solvedOptions.length && (move.aside === 'noted' || move.aside === 'known')) {
    turn.replies.push(textReply(t(lang, move.aside === 'noted' ? 'walkNotedAtOutcome' : 'walkKnownAtOutcome')));
    turn.replies.push(stepReply(solvedQuestionOf(move.view, lang), lang));
    return;
  }
  const aside = move.aside && t(lang, ASIDE_NOTICE[move.aside]);
  if (move.view) turn.replies.push(stepReply(move.view, lang, aside));
  keepOutcomeTopic(turn, move.view, kb);
  if (!move.done) return;
  // The walker's own "cancel" leaves the walk where it stood: abandoned there.
  if (move.solved === undefined) abandonWalk(turn);
  else endWalk(turn);
  if (move.solved === true) turn.replies.push(textReply(t(lang, 'thanksSolved')));
  else if (move.solved === false) turn.replies.push(textReply(t(lang, 'notSolved')));
  // The walker itself understood a "cancel".
  else if (!move.view) turn.replies.push(textReply(t(lang, 'walkCancelled')));
}

/**
 * Shows the current step again (after help, a language switch, or a question mid-walk). With
 * `onlyQuestion`, after a message that did not answer it, an outcome is asked again as its "did
 * this solve it?" alone: its steps and sources are just above, and sending them a second time
 * buries the question.
 */
export function showStep(turn: Turn, svc: TroubleshootService | undefined, options: { onlyQuestion?: boolean } = {}): void {
  const walk = turn.conversation.walk;
  if (!svc || walk === undefined) return;
  let view: StepView;
  try {
    view = svc.view(walk, turn.lang);
  } catch {
    cancelBrokenWalk(turn);
    return;
  }
  if (options.onlyQuestion && view.kind === 'outcome' && view.solvedOptions.length) view = solvedQuestionOf(view, turn.lang);
  turn.replies.push(stepReply(view, turn.lang));
}

/** An outcome's "did this solve it?" alone, as a question of its own (its steps were shown already). */
function solvedQuestionOf(view: OutcomeView, lang: Lang): StepView {
  return { kind: 'question', step: view.step, text: view.solvedQuestion || t(lang, 'outcomeSolved'), options: view.solvedOptions, canGoBack: view.canGoBack };
}

/** Ends the walk in progress, if any. */
export function endWalk(turn: Turn): void {
  delete turn.conversation.walk;
}

/** Ends the walk in progress, if any, noting where it was left (a finished walk has no state left to note). */
export function abandonWalk(turn: Turn): void {
  const left = turn.conversation.walk !== undefined ? walkEvent(turn.conversation.walk, 'abandoned') : undefined;
  if (left) turn.events.push(left);
  endWalk(turn);
}

/** Stored state the walker no longer understands (e.g. the tree changed): end it rather than fail every turn. */
export function cancelBrokenWalk(turn: Turn): void {
  endWalk(turn);
  turn.replies.push(textReply(t(turn.lang, 'walkCancelled')));
}

/** Whether the walk in progress stands at an outcome (waiting for "did this solve it?"). */
export function atOutcome(turn: Turn, svc: TroubleshootService | undefined): boolean {
  const walk = turn.conversation.walk;
  if (!svc || walk === undefined) return false;
  try {
    return svc.view(walk, turn.lang).kind === 'outcome';
  } catch {
    return false;
  }
}
