/** Traffic events for the knowledge owners: shapes, redaction, and building them from results. Pure. */
export * from './types.js';
export { redactText, redactEvent, questionHash, isEmptyEvent, type RedactionPolicy } from './redact.js';
export { questionEvent, questionOutcome, LOW_CONFIDENCE_SCORE } from './question-event.js';
export { walkEvent } from './walk-event.js';
export { parseEvents, summarize, type EventSummary, type DislikedAnswer, type BranchOutcome } from './summary.js';
export { groupQuestions, type QuestionGroup } from './grouping.js';
