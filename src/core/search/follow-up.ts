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

/**
 * The follow-up `question` (analyzed as `q`) written out with the topic of the question
 * before; undefined when it is a question of its own. A follow-up that names no subject is
 * asked about the whole topic; one that names a subject of its own and leads on from the
 * question before ("what about MFA?", 「じゃあMFAは？」) is asked with the topic's other words,
 * its most specific one being what the new subject stands in for.
 */
export function withTopic(question: string, q: AnalyzedQuery, topic: readonly string[]): string | undefined {
  if (!topic.length) return undefined;
  const own = ownConcepts(q);
  const leadsOn = LEADS_ON.test(question);
  if (own.length === 0) return `${question} ${topic.join(' ')}`;
  const known = new Set(topic.map((w) => w.toLowerCase()));
  if (own.every((c) => known.has(c.label.toLowerCase()))) return undefined;
  if (own.length <= MAX_NEW_SUBJECTS && (leadsOn || ONLY_A_SUBJECT.test(question))) {
    const rest = topic.slice(1);
    return rest.length ? `${question} ${rest.join(' ')}` : undefined;
  }
  // "how do I fix it?": one word of its own, and the rest pointed back at.
  if (own.length === 1 && POINTS_BACK.test(question)) return `${question} ${topic.join(' ')}`;
  return undefined;
}
