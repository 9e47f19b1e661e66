/**
 * Intake: does a message describe an invalid-connection problem (so the bot
 * should start a diagnosis), and which facts does it already state?
 */
import type { TroubleshootFacts } from './types.js';

/** Phrases that describe the problem itself, in either language. */
const PROBLEM = [
  /接続(?:が|は)?(?:\s*「?)?(?:無効|切れ|期限切れ|失効|使えな|壊れ)/u,
  /無効(?:な|になった|になっている)?\s*(?:接続|コネクション)/u,
  /接続切れ/u,
  /\b(?:invalid|broken|expired|disconnected|failed|failing)\s+(?:flow\s+)?connections?\b/i,
  /\bconnections?\s+(?:is|was|has|keeps|became|becomes|got|gets|turned|turns)\s+(?:\w+\s+)?(?:invalid|broken|expired|disconnected)\b/i,
  /\bconnections?\s+(?:is\s+|are\s+|seems?\s+)?(?:broken|invalid|expired|dead|disconnected|gone)\b/i,
  /\bconnections?\s+(?:says?|shows?|said|showed)\b.{0,25}\b(?:invalid|broken|expired|error)\b/i,
  // One's own flows failing: "my flows stopped working", 「フローが止まった」.
  /\b(?:my|our|all my|all our|the)\s+(?:\w+\s+){0,3}?flows?\s+(?:\w+\s+)?(?:stopped|stop|broke|fail(?:s|ed)?|(?:is|are|was|were)(?:n't| not) (?:working|running)|(?:does|do|did)(?:n't| not) (?:work|run))\b/i,
  /\bflows?\s+(?:stopped|broke|failed)\b/i,
  /(?:接続|フロー)(?:が|は)?.{0,8}(?:止まっ|止まり|失敗し|動かな|動いてな|切れて|切れた|切れちゃ)/u,
];

/** A question form (ends in a question mark or か, or opens as an English question). */
const QUESTION_FORM = /[?？]\s*$|教えて|知りたい|説明して|\b(?:tell me|show me|explain)\b|(?:ます|です|でしょう|ません|の)か[。]?\s*$|(?:かな|かしら|の)[?？]?\s*$|^\s*(?:can|could|does|do|did|is|are|was|were|will|would|should|has|have|why|what|how|when|which|where|who)\b/iu;

/**
 * A question about what would happen, asked in general ("if I change my password, does the
 * connection break?", 「パスワードを変更したら接続は無効になりますか」): answered, not diagnosed.
 */
const HYPOTHETICAL = /したら|すると|すれば|(?:た|だ)ら|(?:する|なる)と|場合|\bif\b|\bwhen\b|\bdoes\b|\bdo\b|\bwill\b|\bwould\b|\bcan\b|\bcould\b|(?:ます|でしょう)か|なりますか/iu;

/** Words that say something failed or an error shows, so a bare error code is a problem report. */
const FAILURE = /失敗|エラー|出(?:る|ます|ました|た|て)|表示|止ま|動かな|fail|error|get(?:ting)?\b|got\b|shows?\b|returns?\b|throws?\b|stopped|broke/i;

/** A general question about a topic (answered from the knowledge base), not a report of one's own problem. */
const GENERAL_QUESTION = /なぜ|どうして|とは|意味|違い|どのくらい|どれくらい|理由|仕組み|\bwhy\b|\bwhat\s+(?:is|are|does|do|causes?|happens)\b|\bmeaning\b|\bdifference\b|\bhow\s+(?:long|do|does|can|to)\b/i;

/** An explicit request for help with one's own case overrides the general-question reading. */
const ASKS_FOR_DIAGNOSIS = /診断|トラブルシュート|トラブルシューティング|直したい|直して|助けて|\bdiagnos|\btroubleshoot|\bhelp me\b|\bfix my\b/i;

const CODE = /\bAADSTS\s*(\d{5,6})\b|(?<![\d.])(40[13])(?![\d.])/gi;

/** Error codes in the text, normalised ("AADSTS70008", "401", "403"), in order of appearance, without repeats. */
export function extractCodes(text: string): string[] {
  const codes: string[] = [];
  for (const m of text.normalize('NFKC').matchAll(CODE)) {
    const code = m[1] ? `AADSTS${m[1]}` : m[2];
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** Facts stated in a message: its text (for matching options later) and any error codes. */
export function extractFacts(text: string): TroubleshootFacts {
  const folded = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const codes = extractCodes(folded);
  return codes.length ? { text: folded, codes } : { text: folded };
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

export function classifyMessage(text: string): MessageKind {
  const t = text.normalize('NFKC').trim();
  if (!t) return 'statement';
  const problem = PROBLEM.some((p) => p.test(t)) || (extractCodes(t).length > 0 && FAILURE.test(t));
  const question = QUESTION_FORM.test(t) || GENERAL_QUESTION.test(t);
  if (problem && ASKS_FOR_DIAGNOSIS.test(t)) return 'report';
  if (!problem) return question ? 'question' : 'statement';
  if (GENERAL_QUESTION.test(t)) return 'question';
  if (!question) return 'report';
  return HYPOTHETICAL.test(t) ? 'question' : 'unclear';
}

/** True when the message reports an invalid-connection problem to diagnose (see classifyMessage). */
export function detectTroubleshootIntent(text: string): boolean {
  return classifyMessage(text) === 'report';
}
