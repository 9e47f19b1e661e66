import { questionEvent } from '../core/events/index.js';
import { MAX_QUESTION_CHARS } from './input.js';
import { t } from './language/strings.js';
import { answerReply, declineReply, textReply } from './replies.js';
import type { BotLogger, KnowledgeService } from './services.js';
import type { Turn } from './turn.js';

/** Answers a free question from the knowledge base, or declines politely with suggestions. */
export function answerQuestion(turn: Turn, kb: KnowledgeService | undefined, logger: BotLogger): void {
  const { input, lang } = turn;
  if (!kb) {
    turn.replies.push(textReply(t(lang, 'notReady')));
    return;
  }
  const notice = input.truncatedFrom ? t(lang, 'truncatedNote', { n: MAX_QUESTION_CHARS }) : undefined;
  const started = process.hrtime.bigint();
  const result = kb.ask(input.text, { lang, limit: 3 });
  logger.debug(
    { answered: result.answered, answers: result.answers.map((a) => a.id), ms: Number(process.hrtime.bigint() - started) / 1e6 },
    'question answered',
  );
  turn.events.push(questionEvent(input.text, result));
  const best = result.answered ? result.answers[0] : undefined;
  turn.replies.push(best ? answerReply(best, lang, notice) : declineReply(lang, result.suggestions ?? [], notice));
}
