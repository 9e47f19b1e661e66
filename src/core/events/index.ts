/** Traffic events for the knowledge owners: shapes, redaction, and building them from results. Pure. */
export * from './types.js';
export { redactText, redactEvent, questionHash, isEmptyEvent, type RedactionPolicy } from './redact.js';
export { questionEvent, questionOutcome, LOW_CONFIDENCE_SCORE } from './question-event.js';
export { walkStepEvent, walkAbandonedEvent } from './walk-event.js';
