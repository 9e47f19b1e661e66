/** Counts over recorded events for the owner's report: pure, from parsed event lines. */
import type { Lang } from '../../content/types.js';
import type { BotEvent, FeedbackEvent, QuestionEvent, QuestionOutcome, WalkEvent, WalkOutcome } from './types.js';

export interface DayCount {
  day: string;
  lang: Lang;
  count: number;
}

export interface OutcomeCount {
  outcome: QuestionOutcome;
  count: number;
}

export interface DislikedAnswer {
  answerId: string;
  dislikes: number;
  likes: number;
  comments: string[];
  /** Questions the rated answer was given to (when recorded). */
  questions: string[];
}

export interface BranchOutcome {
  tree: string;
  node: string;
  outcome: WalkOutcome;
  count: number;
}

export interface EventSummary {
  from?: string;
  to?: string;
  questions: number;
  perDay: DayCount[];
  outcomes: OutcomeCount[];
  disliked: DislikedAnswer[];
  branches: BranchOutcome[];
  /** Declined and low-confidence questions (what owners act on). */
  unanswered: QuestionEvent[];
}

/** Parses event lines, skipping any that are not events (a truncated last line, foreign data). */
export function parseEvents(lines: readonly string[]): BotEvent[] {
  const out: BotEvent[] = [];
  for (const line of lines) {
    try {
      const e = JSON.parse(line) as BotEvent;
      if (e && typeof e.time === 'string' && ['question', 'feedback', 'walk'].includes(e.kind)) out.push(e);
    } catch {
      // not an event line
    }
  }
  return out.sort((a, b) => a.time.localeCompare(b.time));
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

export function summarize(events: readonly BotEvent[]): EventSummary {
  const questions = events.filter((e): e is QuestionEvent => e.kind === 'question');
  const feedback = events.filter((e): e is FeedbackEvent => e.kind === 'feedback');
  const walks = events.filter((e): e is WalkEvent => e.kind === 'walk');

  const perDay = [...countBy(questions, (q) => `${q.time.slice(0, 10)} ${q.lang}`)].map(([k, list]) => {
    const [day, lang] = k.split(' ');
    return { day, lang: lang as Lang, count: list.length };
  });
  const outcomes = (['answered', 'low-confidence', 'declined'] as const).map((outcome) => ({ outcome, count: questions.filter((q) => q.outcome === outcome).length }));
  const disliked = [...countBy(feedback.filter((f) => f.answerId), (f) => f.answerId!)]
    .map(([answerId, list]) => ({
      answerId,
      dislikes: list.filter((f) => f.reaction === 'dislike').length,
      likes: list.filter((f) => f.reaction === 'like').length,
      comments: list.filter((f) => f.reaction !== 'like' && f.comment).map((f) => f.comment!),
      questions: [...new Set(list.filter((f) => f.reaction === 'dislike' && f.question).map((f) => f.question!))],
    }))
    .filter((d) => d.dislikes > 0)
    .sort((a, b) => b.dislikes - a.dislikes || a.answerId.localeCompare(b.answerId));
  const branches = [...countBy(walks, (w) => `${w.tree}\n${w.node}\n${w.outcome}`)]
    .map(([k, list]) => {
      const [tree, node, outcome] = k.split('\n');
      return { tree, node, outcome: outcome as WalkOutcome, count: list.length };
    })
    .sort((a, b) => a.tree.localeCompare(b.tree) || a.node.localeCompare(b.node) || a.outcome.localeCompare(b.outcome));
  return {
    from: events[0]?.time,
    to: events[events.length - 1]?.time,
    questions: questions.length,
    perDay: perDay.sort((a, b) => a.day.localeCompare(b.day) || a.lang.localeCompare(b.lang)),
    outcomes,
    disliked,
    branches,
    unanswered: questions.filter((q) => q.outcome !== 'answered'),
  };
}
