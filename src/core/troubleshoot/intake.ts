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
];

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
 * True when the message reports an invalid-connection problem: a problem
 * phrase, or an error code together with a failure word. General questions
 * ("why does…", "AADSTS70008 とは") are left to the knowledge base unless the
 * user asks for a diagnosis outright.
 */
export function detectTroubleshootIntent(text: string): boolean {
  const t = text.normalize('NFKC');
  if (!t.trim()) return false;
  const problem = PROBLEM.some((p) => p.test(t)) || (extractCodes(t).length > 0 && FAILURE.test(t));
  if (!problem) return false;
  return !GENERAL_QUESTION.test(t) || ASKS_FOR_DIAGNOSIS.test(t);
}
