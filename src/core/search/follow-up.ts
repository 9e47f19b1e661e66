/**
 * Follow-up questions. 「それってどうやって直すの？」 and "and how long does that last?" name no
 * subject of their own: they mean the one asked about just before. 「じゃあMFAは？」 and "what
 * about MFA?" name a subject and leave the rest unsaid: the question before, asked about it.
 * A conversation keeps the topic of its last answered question (its words as the asker wrote
 * them, most specific first) and a follow-up is asked with it.
 */
import type { AnalyzedQuery, Concept } from './query.js';

/** Words that begin a follow-up: "and …", "what about …", 「じゃあ…」, 「それって…」. */
const LEADS_ON = /^\s*(?:(?:and|so|then|also|but|ok|okay)\b|what about\b|how about\b|what if\b|じゃあ|じゃ|では|なら|それなら|だったら|それじゃ|それで|で、|あと|ちなみに|それって|それは|それ|その|そっち|これって)/i;

/** Words that point back at what was said: it, that, 「それ」, 「その場合」. */
const POINTS_BACK = /\b(?:it|that|this|they|them|those|these|there)\b|それ|その|そこ|これ|この場合|あれ/i;

/** A subject and nothing else, asked as 「Xは？」, 「Xの場合は？」, 「Xだと？」, "X?". */
const ONLY_A_SUBJECT = /^[^?？]{1,30}(?:(?<!と)は|の場合は|だと|では|なら|も)\s*[?？]?\s*$/u;

/** A follow-up that names its own subject names one or two things; more make a question of its own. */
const MAX_NEW_SUBJECTS = 2;

/** The most words a topic keeps: enough for the subject, never a whole long question. */
const TOPIC_WORDS = 6;

/** The concepts a question is about: not the everyday words and not the asker's situation. */
function ownConcepts(q: AnalyzedQuery): Concept[] {
  return q.concepts.filter((c) => !c.general && !c.context);
}

/**
 * The topic of a question: its own concepts as the asker wrote them, most specific (lowest
 * `commonness`) first, then its everyday words (「変える」, "break"), which say what it asked of them.
 */
export function topicOf(q: AnalyzedQuery, commonness: (c: Concept) => number): string[] {
  const own = ownConcepts(q).map((c, i) => ({ label: c.label, n: commonness(c), i }));
  own.sort((a, b) => a.n - b.n || a.i - b.i);
  const everyday = q.concepts.filter((c) => c.general && !c.context).map((c) => c.label);
  return [...new Set([...own.map((c) => c.label), ...everyday])].slice(0, TOPIC_WORDS);
}

/** A follow-up is short: this many words at most, besides the ones that ask (how, what, 「どうやって」). */
const MAX_FOLLOW_UP_WORDS = 3;

/**
 * The follow-up `question` (analyzed as `q`) written out with the topic of the question
 * before; undefined when it is a question of its own. A follow-up is short and leads on
 * ("and …", 「じゃあ…」) or points back ("it", 「それ」). One that names no subject is asked
 * about the whole topic; one that names a subject of its own ("what about MFA?",
 * 「SSPRの場合は？」) is asked with the topic's other words, its most specific one being what
 * the new subject stands in for. A subject the knowledge never mentions (`commonness` 0:
 * 「東京の天気は？」) makes a question of another matter, not a follow-up.
 */
export function withTopic(question: string, q: AnalyzedQuery, topic: readonly string[], commonness: (c: Concept) => number): string | undefined {
  if (!topic.length || q.concepts.length > MAX_FOLLOW_UP_WORDS) return undefined;
  const own = ownConcepts(q);
  const known = new Set(topic.map((w) => w.toLowerCase()));
  if (own.length && own.every((c) => known.has(c.label.toLowerCase()))) return undefined;
  const leadsOn = LEADS_ON.test(question);
  const pointsBack = POINTS_BACK.test(question);
  if (own.length === 0) return leadsOn || pointsBack || q.concepts.length === 0 ? `${question} ${topic.join(' ')}` : undefined;
  if (own.some((c) => commonness(c) === 0)) return undefined;
  // "and how do I fix it?": one word of its own, and the rest pointed back at.
  if (own.length === 1 && pointsBack) return `${question} ${topic.join(' ')}`;
  const onlyASubject = ONLY_A_SUBJECT.test(question) && q.concepts.every((c) => !c.general);
  if (own.length > MAX_NEW_SUBJECTS || !(leadsOn || onlyASubject)) return undefined;
  const rest = topic.slice(1);
  return rest.length ? `${question} ${rest.join(' ')}` : undefined;
}
