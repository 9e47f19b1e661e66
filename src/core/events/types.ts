/**
 * What the bot records about its traffic, for the knowledge owners: questions it
 * declined or answered with low confidence, feedback on answers and how guided
 * diagnoses ended. Pure data; redaction happens before anything is written
 * (see redact.ts), the sinks live in the server.
 */
import type { Lang } from '../../content/types.js';

export type QuestionOutcome = 'answered' | 'declined' | 'low-confidence';
export type WalkOutcome = 'solved' | 'not-solved' | 'abandoned';

interface EventBase {
  /** ISO time the event happened. */
  time: string;
}

/** A free question and how it went. Answered questions carry no text: only counts matter for them. */
export interface QuestionEvent extends EventBase {
  kind: 'question';
  outcome: QuestionOutcome;
  lang: Lang;
  /** The question (redacted; absent when question text is turned off or the question was answered). */
  text?: string;
  /** Hash of the folded question text: counts repeats without keeping the text. */
  hash: string;
  /** Best answer (curated entry or passage id) and its score, when there was one. */
  answerId?: string;
  answerKind?: 'curated' | 'passage';
  score?: number;
  /** "Did you mean" phrasings offered with a decline. */
  suggestions?: string[];
}

/** A 👍/👎 (and comment) on an answer; the answer id is what the bot itself sent. */
export interface FeedbackEvent extends EventBase {
  kind: 'feedback';
  reaction: 'like' | 'dislike' | null;
  answerId: string | null;
  comment?: string;
  /** The question that answer was given to (redacted; absent when text is turned off). */
  question?: string;
}

/** How a guided diagnosis ended, with the branch (tree, last node, the nodes on the way). */
export interface WalkEvent extends EventBase {
  kind: 'walk';
  outcome: WalkOutcome;
  tree: string;
  node: string;
  trail: string[];
}

export type BotEvent = QuestionEvent | FeedbackEvent | WalkEvent;

/** How the bot records events: it is given one, never knows where they go. Never throws. */
export interface EventRecorder {
  record(event: BotEvent): void;
}

/** A recorder that keeps nothing (tests, CLIs, a server without an event log). */
export const nullRecorder: EventRecorder = { record() {} };
