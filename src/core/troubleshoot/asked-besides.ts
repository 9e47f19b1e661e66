/**
 * A message that answers the step and asks something besides: 「一般ユーザーです、管理者って何ができるんですか？」,
 * "we turned on MFA last week, is that why?". Read whole it is a question, so no answer; its
 * clauses that state something are the answer, and the whole message is the question.
 */
import { withoutHedgedMarks } from './hedges.js';
import { classifyMessage } from './intake.js';

/** Where one clause ends: after a sentence mark, at a comma or a line break. */
const CLAUSE_END = /(?<=[。.!！?？])\s*|[、,;；]\s*|\n/u;

/**
 * A clause that sets a condition tells nothing of the user's case: "if I reset my password, …",
 * 「MFAを有効にしたら、…」, 「リセットすると」.
 */
const CONDITION = /\b(?:if|when|whenever|in case|suppose|once)\b|(?:たら|だら|なら|れば|すると|なると|場合|とき|時|ても|でも)\s*[はも]?\s*$/iu;

/**
 * The clauses that state something, joined, when the message also asks something in another of
 * its clauses; undefined when it does not ask, or states nothing besides.
 */
export function statedBesidesQuestion(text: string): string | undefined {
  const clauses = withoutHedgedMarks(text.normalize('NFKC'))
    .split(CLAUSE_END)
    .map((c) => c.trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (clauses.length < 2) return undefined;
  const asks = clauses.map((c) => classifyMessage(c) === 'question');
  if (!asks.some(Boolean)) return undefined;
  const stated = clauses.filter((c, i) => !asks[i] && !CONDITION.test(c));
  return stated.length ? stated.join('、') : undefined;
}
