/**
 * Intake: does a message describe an invalid-connection problem (so the bot
 * should start a diagnosis), and which facts does it already state?
 */
import { correctTypos } from '../analysis/typos.js';
import type { MessageKind, TroubleshootFacts } from './types.js';

/**
 * A problem is a thing of the user's (a connection, a flow) said to be in a failed state, in one
 * clause, in either order and with words between: 「接続がいきなり無効になった」, "connection in
 * power automate shows invalid", "the flow died overnight". A clause ends at 。!? or a line break.
 * The state may be a loanword or a reading (「コネクションがエクスパイア」, 「さい認証ぎれ」, "timed out").
 */
const THING_JA = '(?:接続|コネクション|コネクタ|フロー)';
// The verbs also as typed in kana (「きれて」, 「とまった」, 「うごかない」); できれば and きれい are no 切れ.
const FAILED_JA = '(?:無効|むこう|ムコウ|⚠|警告|びっくりマーク|赤い?(?:マーク|アイコン|表示)|切れ|(?<!で)きれ(?!い|ば)|ぎれ|ギレ|期限切れ|とまっ|とまり|とまる|うごかな|うごいてな|うごきませ|こわれ|つかえな|しっぱいし|なおらな|(?:エクスパイア|エキスパイア|expire|タイムアウト)(?:し|になっ|してる)|失効|使えな|壊れ|止まっ|止まり|止まる|失敗し|失敗す|こけ|コケ|エラー|動かな|動いてな|動いておら|動いていな|動きませ|動作しな|実行されな|落ち|直らな|治らな|直りませ|繋がらな|つながらな|切断)';
const THING_EN = '(?:conn(?:ection)?s?|connectors?|flows?)';
const FAILED_EN =
  "(?:invalid|broken|broke|breaks|expired|expires|expiring|disconnected|dead|died|dying|failing|failed|fails|errors?|erroring|stopped|stops|down|busted|borked|hosed|messed up|screwed up|timed out|times out|timing out|(?:is|are|was|were)(?:n'?t| not) (?:working|running)|(?:does|do|did)(?:n'?t| not) (?:work|run|help)|won'?t (?:work|run|connect)|not working|keeps? (?:failing|breaking|expiring|dying))";
const PROBLEM = [
  new RegExp(`${THING_JA}[^。!?\\n]{0,20}?${FAILED_JA}`, 'gu'),
  new RegExp(`(?:無効な|切れた|壊れた|失効した|期限切れの)\\s*${THING_JA}`, 'gu'),
  new RegExp(`\\b${THING_EN}\\b(?:[^.!?\\n]{0,40}?)\\b${FAILED_EN}\\b`, 'gi'),
  new RegExp(`\\b(?:invalid|broken|expired|disconnected|dead|failed|failing)\\s+(?:\\w+\\s+)?${THING_EN}\\b`, 'gi'),
  // A lapse said before the thing it happened to: "session timeout on my flow connection", "expiry of the connector".
  new RegExp(`\\b(?:time ?outs?|timed out|expir(?:ed|y|ation))\\s+(?:on|of|in|for|with)\\s+(?:\\w+\\s+){0,2}?${THING_EN}\\b`, 'gi'),
  // A mark the portal shows by the thing: "a red warning on my connection", "an error icon next to the flow".
  new RegExp(`\\b(?:warning|error|red|exclamation)(?:\\s+(?:icon|mark|sign|triangle|symbol|badge))?\\s+(?:on|next to|by|beside)\\s+(?:\\w+\\s+){0,2}?${THING_EN}\\b`, 'gi'),
];

/**
 * A failure inside a condition is no report of one: 「フローが失敗したときに通知したい」,
 * 「接続が切れたら」, "notify me when a flow fails", "if the connection breaks".
 */
const CONDITION_AFTER_JA = /^[^。!?\n]{0,6}?(?:ないよう|たら|だら|たとき|た時|る時|るとき|ないとき|ない時|た場合|る場合|ない場合|場合|際|なら|ても|でも)/u;
const CONDITION_BEFORE_EN = /\b(?:when|whenever|if|in case|once|until|before)\b[^,.!?]*$/i;

/** Where one sentence ends and the next begins: after 。!? or a full stop and a space, or at a line break. */
const SENTENCE_END = /(?<=[。!?？！])|(?<=\.)\s+|\n/u;

/** A clause: text up to 。!? or a line break. */
const CLAUSES = /[^。!?\n]+/gu;

/** True when some clause states a problem that is not inside a condition (see PROBLEM). */
function statesProblem(text: string): boolean {
  for (const clause of text.match(CLAUSES) ?? []) {
    for (const p of PROBLEM) {
      for (const m of clause.matchAll(p)) {
        const end = (m.index ?? 0) + m[0].length;
        if (!CONDITION_AFTER_JA.test(clause.slice(end)) && !CONDITION_BEFORE_EN.test(clause.slice(0, m.index))) return true;
      }
    }
    if (extractCodes(clause).length > 0 && FAILURE.test(clause) && !CONDITION_AFTER_JA.test(clause.slice(clause.search(FAILURE)))) return true;
  }
  return false;
}

/** Words the English problem phrases look for, so a misspelt one ("conection", "dissconnected") still counts. */
const PROBLEM_WORDS = new Set([
  'connection', 'connections', 'connector', 'connectors', 'invalid', 'broken', 'expired', 'expiring', 'disconnected', 'failing', 'failed', 'stopped', 'working', 'running',
]);

/**
 * A question form (a sentence that ends in a question mark or か, or opens as an English question), or a polite request to be told.
 * An auxiliary followed by "not" opens a statement ("did not fix it", "does not work"), not a question.
 */
const QUESTION_FORM = /[?？]\s*$|何を|何が|何の|いつ(?:から|まで)?(?:に|の|は|で)?(?:なる|止ま|切れ|無効)|どこ(?:で|に|を|から)|どれ(?:を|が|くらい)|どの(?:よう|くらい|程度)|どうやって|どう(?:すれ|した|直|対処|対応)|教えて|お教え|ご教示|ご教授|知りたい|説明して|(?:には|方法|やり方|手順|(?<!み)たい|ほしい|欲しい)[。]?\s*$|^\s*(?:please\s+)?(?:notify|show|list|give)\b|\bi(?: want| need| would like|'d like) to\b|\bis there a way\b|\b(?:tell me|show me|explain)\b|(?:ます|です|でしょう|ません|の)か[。]?\s*$|(?:かな|かしら|の)[?？]?\s*$|^\s*(?:(?:can|could|does|do|did|is|are|was|were|will|would|should|has|have)\b(?!\s+not\b)|(?:why|what|how|when|which|where|who)\b)/iu;

/**
 * A question about what would happen, asked in general ("if I change my password, does the
 * connection break?", 「パスワードを変更したら接続は無効になりますか」): answered, not diagnosed.
 */
const HYPOTHETICAL = /(?<!どう)したら|すると|(?<!どうし)(?:た|だ)ら|(?:する|なる)と|場合|\bif\b|\bwhen\b|\bdoes\b|\bwill\b|\bwould\b|\bcan\b|\bcould\b|(?:ます|でしょう)か|なりますか/iu;

/** Words that say something failed or an error shows, so a bare error code is a problem report. */
const FAILURE = /失敗|こけ|コケ|エラー|出(?:る|ます|ました|た|て)|表示|止ま|動かな|fail|error|get(?:ting)?\b|got\b|shows?\b|returns?\b|throws?\b|stopped|broke/i;

/** A general question about a topic (answered from the knowledge base), not a report of one's own problem. */
const GENERAL_QUESTION = /なぜ(?!か[^?？]|か$)|どうして|(?<![こあもそ])とは|って(?:なに|何|なん)|意味|違い(?!ま[すせし])|ちがい(?!ま[すせし])|コツ|秘訣|どのくらい|どれくらい|理由|仕組み|\bwhy\b|\bwhat\s+(?:is|are|does|do|causes?|happens)\b|\bmeaning\b|\bdifference\b|\bhow\s+(?:long|do|does|can|to)\b/i;

/** Asking what to do about it (「どう対応すればよいでしょうか」, "what should I do"): one's own case, not a general "what if". */
const ASKS_FOR_ADVICE = /どう(?:すれば|したら|したらいい|対応|対処|直)|どのように(?:対応|対処|すれば|したら|直)|どうしよう|\bwhat (?:should|do|can|shall) (?:i|we) do\b|\bwhat now\b|\bhow (?:do|can|should) (?:i|we) fix (?:it|this|that)\b|\bany (?:idea|ideas|advice|help)\b/i;

/**
 * Asking what to do next time (「次からすぐ気づけるようにするには」, "how do I prevent this going forward"):
 * advice for the future, answered, not a diagnosis of the failure it mentions.
 */
const LOOKS_AHEAD = /次(?:から|回)|今後|再発|防(?:ぐ|げ|止)|予防|気[づつ](?:け|く|き)|\bnext time\b|\bin (?:the )?future\b|\bgoing forward\b|\bprevent|\bavoid\b|\bnotice\b|\bget (?:alerted|notified)\b/i;

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

export type { MessageKind };

/** What a message is, for routing (see MessageKind). */
export function classifyMessage(text: string): MessageKind {
  const t = text.normalize('NFKC').trim();
  if (!t) return 'statement';
  const problem = statesProblem(correctTypos(t, PROBLEM_WORDS));
  // A long mail asks its question in one sentence and closes with greetings after it.
  const question = t.split(SENTENCE_END).some((s) => QUESTION_FORM.test(s.trim())) || GENERAL_QUESTION.test(t);
  // Asking what to do about one's own failure is asking for the diagnosis.
  if (problem && (ASKS_FOR_DIAGNOSIS.test(t) || (ASKS_FOR_ADVICE.test(t) && !LOOKS_AHEAD.test(t)))) return 'report';
  if (!problem) return question ? 'question' : 'statement';
  if (GENERAL_QUESTION.test(t)) return 'question';
  if (!question) return 'report';
  return HYPOTHETICAL.test(t) ? 'question' : 'unclear';
}

/** True when the message reports an invalid-connection problem to diagnose (see classifyMessage). */
export function detectTroubleshootIntent(text: string): boolean {
  return classifyMessage(text) === 'report';
}
