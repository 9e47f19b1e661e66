import { questionEvent } from '../core/events/index.js';
import { withoutYesNoLead } from '../core/search/answers.js';
import { MAX_QUESTION_CHARS } from './input.js';
import { t } from './language/strings.js';
import { answerReply, declineReply, sourcesReply, textReply } from './replies.js';
import type { AskedBack } from './language/asked-back.js';
import type { BotLogger, KnowledgeService } from './services.js';
import type { Turn } from './turn.js';

/**
 * Answers a free question from the knowledge base, or declines politely with suggestions.
 * With `otherwise`, a question the knowledge base cannot answer is handed to it instead of
 * declined (a problem report phrased as a question: the diagnosis is the better answer).
 * With `reported`, the asker says the problem is theirs ("my flows stopped, connection broken?"):
 * the answer's "Yes." / 「はい。」 was written for a general question and says nothing of their case.
 * Without `followUp`, the message is not read as a follow-up of the conversation's topic.
 * Returns whether it was answered.
 */
export function answerQuestion(turn: Turn, kb: KnowledgeService | undefined, logger: BotLogger, otherwise?: () => void, reported = false, followUp = true): boolean {
  const { input, lang } = turn;
  if (!kb) {
    turn.replies.push(textReply(t(lang, 'notReady')));
    return false;
  }
  const notice = input.truncatedFrom ? t(lang, 'truncatedNote', { n: MAX_QUESTION_CHARS }) : undefined;
  const started = process.hrtime.bigint();
  // A follow-up ("what about MFA?", 「それってどうやって直すの？」) is asked with the topic of the question before it.
  // Without `followUp` (a statement at an outcome) the message is read on its own: "😅" or "I'm the admin" is no follow-up.
  const topic = followUp ? turn.conversation.topic : undefined;
  const asked = topic?.lang === lang && Array.isArray(topic.words) && kb.withTopic ? kb.withTopic(input.text, topic.words) : input.text;
  const result = kb.ask(asked, { lang, limit: 3 });
  logger.debug(
    { answered: result.answered, answers: result.answers.map((a) => a.id), ms: Number(process.hrtime.bigint() - started) / 1e6 },
    'question answered',
  );
  turn.events.push(questionEvent(input.text, result));
  const first = result.answered ? result.answers[0] : undefined;
  if (first && kb.topicOf) turn.conversation.topic = { lang, words: kb.topicOf(asked) };
  // A follow-up that finds first the answer just given gets the next one instead, not a copy;
  // with no other, the documents say no more.
  const sent = Array.isArray(turn.conversation.answers) ? turn.conversation.answers : [];
  // Only a follow-up asked with the whole topic (one naming no subject in its place, see withTopic): "what about SSPR?" may rightly find the same entry.
  const wholeTopic = asked !== input.text && topic !== undefined && asked.endsWith(` ${topic.words.join(' ')}`);
  const repeated = first && wholeTopic && first.id === sent[sent.length - 1]?.answerId;
  const fresh = repeated ? result.answers[1] : first;
  if (repeated && !fresh) {
    turn.replies.push(textReply(t(lang, 'followUpNothingMore')));
    return true;
  }
  const best = fresh && reported ? { ...fresh, text: withoutYesNoLead(fresh.text) } : fresh;
  if (!best && otherwise) {
    otherwise();
    return false;
  }
  turn.replies.push(best ? answerReply(best, lang, notice) : declineReply(lang, result.suggestions ?? [], notice));
  return Boolean(best);
}

/**
 * The sources of the last answer given here, asked for ("source?") or as the place to read
 * more ("tell me more"): found by asking its question again. Returns false when there is no
 * such answer to show (none given, or its question now answers otherwise).
 */
export function showLastSources(turn: Turn, kb: KnowledgeService | undefined, what: AskedBack): boolean {
  const sent = Array.isArray(turn.conversation.answers) ? turn.conversation.answers : [];
  const last = sent[sent.length - 1];
  if (!kb || typeof last?.question !== 'string' || !last.question) return false;
  const answer = kb.ask(last.question, { lang: turn.lang, limit: 5 }).answers.find((a) => a.id === last.answerId);
  if (!answer || !answer.citations.length) return false;
  turn.replies.push(sourcesReply(answer, turn.lang, t(turn.lang, what === 'more' ? 'askedMore' : 'askedSources')));
  return true;
}
