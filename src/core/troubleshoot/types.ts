/**
 * Shapes of a troubleshooting tree (as loaded from dialogs/*.yaml), of a walk's
 * position, and of what the bot renders. Plain data, but for the matcher a loaded tree owns.
 */
import type { Bilingual, Citation, CitationRef, Lang } from '../../content/types.js';
import type { MatchSpec, OptionMatcher } from './answer-matcher.js';

export type { MatchSpec };

export type Audience = 'user' | 'admin';


/** A note with its own citations (shown before a question or under an outcome). */
export interface TreeNote {
  text: Bilingual;
  citations: CitationRef[];
}

export interface TreeOption {
  id: string;
  label: Bilingual;
  /** Node this option leads to. */
  next: string;
  /** Synonyms per language, for typed answers. */
  synonyms?: Partial<Record<Lang, string[]>>;
  /**
   * Regular expressions (case-insensitive) a typed answer to this question may match: the
   * many ways of saying "I don't know" or "nothing changed". Unlike `match`, never applied
   * to earlier messages, where the same words mean something else. An item may be a list
   * (a YAML alias of a shared list), read as its patterns.
   */
  answerPatterns?: (string | string[])[];
  /** Facts in a first message that answer this question with this option. */
  match?: MatchSpec;
  /** Shown with the next step (e.g. "this event does not invalidate a connection"). */
  note?: TreeNote;
  /** Sets the walker's audience (end user / admin) when chosen. */
  audience?: Audience;
}

export interface QuestionNode {
  kind: 'question';
  text: Bilingual;
  help?: Bilingual;
  options: TreeOption[];
}

export interface OutcomeStep {
  text: Bilingual;
  /** Only for this audience; shown to everyone (labelled) while the audience is unknown. */
  audience?: Audience;
}

export interface OutcomeNode {
  kind: 'outcome';
  verdict: Bilingual;
  steps: OutcomeStep[];
  citations: CitationRef[];
  notes?: TreeNote[];
  /** Next most likely branch when the user says this did not solve it. */
  next?: string;
  /** Facts in a first message that lead straight here (e.g. an AADSTS code). */
  match?: MatchSpec;
}

export type TreeNode = QuestionNode | OutcomeNode;

/** A tree as written in YAML (before citations are resolved). */
export interface TreeData {
  id: string;
  title: Bilingual;
  start: string;
  nodes: Record<string, TreeNode>;
}

/** A loaded, validated tree: citations resolved to full Citation objects. */
export interface TroubleshootingTree extends TreeData {
  file: string;
  /** Resolved citations by owner key: "<nodeId>", "<nodeId>#note<i>", "<nodeId>/<optionId>#note". */
  citations: Record<string, Citation[]>;
  /** Matches answers to this tree's options (keeps their prepared forms). */
  matcher: OptionMatcher;
}

/** One answer given on the way (for back and for the copyable summary). */
export interface WalkAnswer {
  nodeId: string;
  optionId: string;
  /** True when taken from what the user said earlier (the first message, another answer) rather than asked. */
  inferred?: boolean;
  /**
   * True when the question was passed over unasked because what the user said answers one
   * further on (the walk took the way there); `optionId` is then empty.
   */
  skipped?: boolean;
}

/**
 * The position in a walk: plain JSON, so it survives a restart when persisted.
 * `trail` is the list of node ids shown before the current one (for back).
 */
export interface WalkState {
  v: 1;
  treeId: string;
  nodeId: string;
  trail: string[];
  answers: WalkAnswer[];
  audience?: Audience;
  /** Note to show with the current step (owner key into tree.citations). */
  pendingNote?: string;
  /** Outcomes already shown (so "did not solve it" never offers the same one twice). */
  triedOutcomes: string[];
  /** Facts stated so far: the first message and the answers typed since. */
  facts?: TroubleshootFacts;
}

/**
 * What a message is, for routing:
 * - report: a problem of the asker's own to diagnose ("my connection says invalid", 「接続切れてフローが止まった」);
 * - question: something to answer, even about a cause ("why does a connection become invalid?",
 *   「パスワードを変更したら接続は無効になりますか」);
 * - unclear: a report phrased as a question ("flows stopped this morning, connection broken?"):
 *   answered, with the diagnosis offered;
 * - statement: neither (during a walk: not an answer to the step, and no question either).
 */
export type MessageKind = 'report' | 'question' | 'unclear' | 'statement';

/** What intake found in a message. */
export interface TroubleshootFacts {
  text?: string;
  /** Error codes found (normalised, e.g. "AADSTS70008", "401"). */
  codes?: string[];
}

export interface StepOption {
  id: string;
  label: string;
  number: number;
}

export interface ViewNote {
  text: string;
  citations: Citation[];
}

export interface QuestionView {
  kind: 'question';
  nodeId: string;
  text: string;
  options: StepOption[];
  help?: string;
  /** Shown above the question (e.g. "that event does not invalidate a connection"). */
  notes: ViewNote[];
  /** True when "back" leads somewhere (not at the first question). */
  canGoBack: boolean;
}

export interface OutcomeView {
  kind: 'outcome';
  nodeId: string;
  verdict: string;
  steps: string[];
  citations: Citation[];
  notes: ViewNote[];
  /** Plain-text summary of the path, in the user's language, to paste to an IT admin. */
  summary: string;
  /** "Did this solve it?" */
  solvedQuestion: string;
  /** Options for "did this solve it?" (ids understood by applyInput). */
  solvedOptions: StepOption[];
  canGoBack: boolean;
}

export type StepView = QuestionView | OutcomeView;

export type StepAction =
  | 'answer' | 'back' | 'restart' | 'cancel' | 'help' | 'solved' | 'not-solved' | 'not-understood'
  /** Not an answer to this step, but a fact a later step will use: kept, and this step asked again. */
  | 'noted'
  /** Not an answer to this step, but an earlier answer said again: this step asked again. */
  | 'known'
  /** An earlier answer taken back and given anew: the walk goes on from there. */
  | 'changed'
  /** A question passed over unasked answered after all: the walk goes on from there. */
  | 'late-answer'
  /** An earlier answer said to be wrong, with no other answer for it: that question asked again. */
  | 'taken-back'
  /** One of this question's options denied ("no outage"): this question asked again. */
  | 'ruled-out'
  /** "Did not solve it", and another cause the user named is looked at next (its branch entered). */
  | 'other-named';

/** Result of applying one input. When `accepted` is false the state is unchanged (resume later). */
export interface StepResult {
  accepted: boolean;
  action: StepAction;
  /** True when the walk is over (cancelled, solved, or no further branch). */
  done: boolean;
  /**
   * Set when the move says whether the branch solved it: the answer to "did this solve it?"
   * (false also when the walk goes on to the next branch), or "it's fixed" said at a question.
   */
  solved?: boolean;
  state: WalkState;
  /** What to show now (absent after cancel). */
  view?: StepView;
  /**
   * What the message is (see classifyMessage), when reading it took that: an input not accepted
   * can then be routed as a question, a report or neither without being classified again.
   */
  kind?: MessageKind;
  /**
   * What a "yes" to "did this solve it?" said besides (another flow that fails, a question):
   * a matter of its own, for the caller to take up once the walk has ended.
   */
  more?: string;
  /** The message asked a question besides the answer it gave: the caller answers it (the whole message, for its context). */
  asked?: string;
}
