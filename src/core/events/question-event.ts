/** Turns one answered (or declined) question into a question event. */
import type { AskResult } from '../search/types.js';
import { questionHash } from './redact.js';
import type { QuestionEvent, QuestionOutcome } from './types.js';

/**
 * Below this score the best answer rests on a stray common term (an off-topic
 * question that still matched a word); real questions of the evaluation sets
 * score well above it.
 */
export const LOW_CONFIDENCE_SCORE = 10;

export function questionOutcome(result: AskResult, lowConfidenceScore = LOW_CONFIDENCE_SCORE): QuestionOutcome {
  const best = result.answered ? result.answers[0] : undefined;
  if (!best) return 'declined';
  return best.score < lowConfidenceScore ? 'low-confidence' : 'answered';
}

/** The event for a question; the text is kept only for declined and low-confidence ones (what owners act on). */
export function questionEvent(question: string, result: AskResult, time = new Date(), lowConfidenceScore?: number): QuestionEvent {
  const outcome = questionOutcome(result, lowConfidenceScore);
  const best = result.answered ? result.answers[0] : undefined;
  return {
    kind: 'question',
    time: time.toISOString(),
    outcome,
    lang: result.lang,
    hash: questionHash(question),
    ...(outcome !== 'answered' ? { text: question } : {}),
    ...(best ? { answerId: best.id, answerKind: best.kind, score: best.score } : {}),
    ...(result.suggestions?.length ? { suggestions: [...result.suggestions] } : {}),
  };
}
