import type { MessageKind } from '../core/troubleshoot/index.js';
import type { Citation, Lang } from '../content/types.js';
import type { QuoteEnglish } from '../core/search/answers.js';
import type { AskOptions, AskResult } from '../core/search/types.js';

/**
 * What the bot needs from outside, as narrow interfaces. The bot never reaches
 * into the knowledge base or the decision trees directly, so tests can pass
 * doubles and the core can change shape behind troubleshoot-service.ts.
 */
export interface KnowledgeService {
  ask(question: string, options?: AskOptions): AskResult;
  /** What a question is about, as its asker wrote it: the topic a follow-up carries on. */
  topicOf?(question: string): string[];
  /** A follow-up ("what about MFA?") written out with the topic of the question before; else the question itself. */
  withTopic?(question: string, topic: readonly string[]): string;
  /** English beside a quote of a Japanese source, from the curated answers and the glossary. */
  englishOf?(citation: Citation): QuoteEnglish;
}

/** A quoted source as a step shows it; in an English step, with the English there is for it. */
export type ShownCitation = Citation & { english?: QuoteEnglish };

/** One numbered option of a troubleshooting question. */
export interface StepOption {
  id: string;
  label: string;
  number: number;
}

export interface QuestionView {
  kind: 'question';
  /** Which step of the walk this is; card buttons carry it back. */
  step?: string;
  text: string;
  options: StepOption[];
  /** Optional hint shown under the question. */
  help?: string;
  /** Shown above the question (e.g. "that event does not invalidate a connection"), with sources. */
  notes?: { text: string; citations: ShownCitation[] }[];
  /** True when "back" / 「戻る」 leads to an earlier step. */
  canGoBack?: boolean;
}

export interface OutcomeView {
  kind: 'outcome';
  /** Which step of the walk this is; card buttons carry it back. */
  step?: string;
  /** The tree the walk is in: with the step, it names the outcome a 👍/👎 rates. */
  tree?: string;
  verdict: string;
  steps: string[];
  citations: ShownCitation[];
  notes: { text: string; citations: ShownCitation[] }[];
  /** Plain-text summary the user can copy into a ticket. */
  summary: string;
  /** The "did this solve it?" question in the user's language (a default is used when absent). */
  solvedQuestion?: string;
  /** Options for "did this solve it?" (ids understood by apply). Empty when not asked. */
  solvedOptions: StepOption[];
  canGoBack?: boolean;
}

export type StepView = QuestionView | OutcomeView;

/** Result of applying one input to a walk. */
export interface StepResult {
  /** False when the input was not an answer to the current step (state unchanged). */
  accepted: boolean;
  /** True when the walk is over (solved, cancelled, or no further branch). No view → cancelled. */
  done: boolean;
  /** Whether the branch solved it: the answer to "did this solve it?" (false also when a next branch follows), or "it's fixed" said at a question. Absent for other moves. */
  solved?: boolean;
  /** Not an answer to the step: a fact kept for a later one, an earlier answer again, an option denied (the same step asked again), an earlier answer changed, a skipped question answered after all, or one taken back (its question asked again). */
  aside?: 'noted' | 'known' | 'changed' | 'late-answer' | 'taken-back' | 'ruled-out' | 'other-named' | 'took-answer';
  state: unknown;
  view?: StepView;
  /** What the message is, when the walk read it so (a move not accepted is routed by it instead of classifying it again). */
  kind?: MessageKind;
  /** Said with a "yes" to "did this solve it?" besides the answer: another matter, taken up after the walk. */
  more?: string;
  /** Asked besides the answer the message gave ("we turned on MFA, is that why?"): answered, and the walk goes on. */
  asked?: string;
}

export interface TroubleshootService {
  /**
   * Whether the text asks for a diagnosis, and facts it already states (e.g. error code);
   * `kind` says what the message is (a report, a question, a report phrased as a question, neither).
   */
  detectIntent(text: string): { intent: boolean; kind?: MessageKind; facts?: Record<string, unknown> };
  /** Starts a walk; `state` is plain JSON, kept in conversation state. */
  start(facts: Record<string, unknown> | undefined, lang: Lang): { state: unknown; view: StepView; done: boolean };
  apply(state: unknown, input: string, lang: Lang): StepResult;
  view(state: unknown, lang: Lang): StepView;
  /** How many "back"s lead to an earlier step the walk passed (a button of its card pressed late); undefined when it passed no such step. */
  backsTo(state: unknown, step: string): number | undefined;
}

/**
 * The services a bot instance uses. Mutable: the server starts answering
 * /healthz before the dictionary and trees are loaded and fills these in later.
 */
export interface BotServices {
  knowledge?: KnowledgeService;
  troubleshoot?: TroubleshootService;
}

/** The logging the bot layer needs; pino's Logger satisfies it. */
export interface BotLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Drops everything (tests, CLI). */
export const nullLogger: BotLogger = { debug() {}, info() {}, warn() {}, error() {} };
