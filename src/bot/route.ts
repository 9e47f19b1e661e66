import { parseChoiceNumber, withOptionLabels, type MessageKind } from '../core/troubleshoot/index.js';
import { findCommand, matchCommand, type CommandId } from '../core/vocabulary.js';
import type { Lang } from '../content/types.js';
import { runCommand } from './commands.js';
import { conversationLang } from './language/pick.js';
import { t } from './language/strings.js';
import { answerQuestion, showLastSources } from './question.js';
import { textReply } from './replies.js';
import type { BotLogger, BotServices, StepResult } from './services.js';
import type { Turn } from './turn.js';
import { applyMove, atOutcome, cancelBrokenWalk, moveOf, showStep, startWalk } from './walk.js';
import { smallTalkOf, type SmallTalk } from './language/small-talk.js';
import { asksWhichLanguages } from './language/languages-asked.js';
import { askedBack, type AskedBack } from './language/asked-back.js';

/** What one message is, decided before anything is said. */
export type Route =
  /** Nothing to read: no text, or only punctuation ("?", "..."). */
  | { kind: 'empty' }
  /** Only files or images, which the bot cannot read. */
  | { kind: 'attachments-only' }
  | { kind: 'command'; command: CommandId }
  /** Whether the bot speaks a language ("can you speak Japanese?"): answered, no language pinned. */
  | { kind: 'languages-asked' }
  /** Where the last answer comes from, or more of it ("source?", 「詳しく教えて」). */
  | { kind: 'asked-back'; what: AskedBack }
  /** An answer, "back" or a "did this solve it?" reply to the walk in progress. */
  | { kind: 'walk-move'; move: StepResult }
  /** The stored walk is one the engine cannot read. */
  | { kind: 'walk-broken' }
  /** A card button that is no option of the current step. */
  | { kind: 'walk-unknown-choice' }
  /** A number typed that is no option of the current step ("7" for six options). */
  | { kind: 'walk-no-such-option'; number: number; options: number }
  /** A button of an earlier step's card: the walk stays where it is; `backs`: how many "back"s lead to that step, when the walk passed it. */
  | { kind: 'walk-stale-button'; backs?: number }
  /** A button of a walk's card after that walk has ended. */
  | { kind: 'ended-walk-button' }
  /** A greeting or thanks, and nothing more. */
  | { kind: 'small-talk'; talk: SmallTalk }
  /** A problem report while a walk is in progress: the walk goes on where it is. */
  | { kind: 'walk-again'; onlyQuestion?: boolean }
  /** A walk in progress, but the diagnosis is not loaded (yet). */
  | { kind: 'walk-not-loaded' }
  /** A problem report: start a walk with the facts the message states. */
  | { kind: 'walk-start'; facts?: Record<string, unknown> }
  /** A step answer (a button, a number, "back") with no walk in progress. */
  | { kind: 'no-walk' }
  /** During a walk, a message that neither answers the step nor asks anything: the step again. */
  | { kind: 'walk-not-understood' }
  /** At an outcome, a message that says neither whether it solved it nor anything else to read: "did this solve it?" again. */
  | { kind: 'walk-solved-unclear' }
  /** A free question; during a walk it is answered and the walk stays paused. A problem
   *  report phrased as a question is answered with the diagnosis offered. */
  | { kind: 'question'; duringWalk: boolean; offerDiagnosis?: boolean; facts?: Record<string, unknown>; atOutcome?: boolean; asked?: string };

/**
 * Decides what a message is: a command, a move of the walk in progress, a
 * problem report that starts a walk, or a free question for the knowledge
 * base. The input is applied to the walk at most once; the move is carried
 * in the route.
 */
export function routeMessage(turn: Turn, services: BotServices, logger: BotLogger): Route {
  const { input } = turn;
  const pressed = input.choice !== undefined || input.step !== undefined;
  if (!pressed && !READABLE.test(input.text)) return { kind: input.attachments ? 'attachments-only' : 'empty' };
  if (!pressed && asksWhichLanguages(input.text)) return { kind: 'languages-asked' };
  const command = pressed && input.choice ? undefined : findCommand(input.text);
  if (command) return { kind: 'command', command: command.id };
  const talk = input.fromCard ? undefined : smallTalkOf(input.text);
  const back = input.fromCard ? undefined : askedBack(input.text);
  // At an outcome, about its steps; with no walk, about the last answer.
  if (back && (turn.conversation.walk !== undefined ? atOutcome(turn, services.troubleshoot) : turn.conversation.answers?.length)) return { kind: 'asked-back', what: back };

  const svc = services.troubleshoot;
  if (turn.conversation.walk === undefined && talk) return { kind: 'small-talk', talk };
  if (turn.conversation.walk !== undefined) {
    if (!svc) return talk ? { kind: 'small-talk', talk } : { kind: 'walk-not-loaded' };
    let move: StepResult | 'stale';
    try {
      move = moveOf(svc, turn);
    } catch {
      return { kind: 'walk-broken' };
    }
    if (move === 'stale') return { kind: 'walk-stale-button', ...backsToPressed(svc, turn) };
    if (move.accepted) return { kind: 'walk-move', move };
    if (pressed && (input.choice || !input.text)) return { kind: 'walk-unknown-choice' };
    const number = parseChoiceNumber(input.text);
    if (number !== undefined) return { kind: 'walk-no-such-option', number, options: optionCount(svc, turn) };
    // The step's own answers come first ("はい" and 👍 answer "did this solve it?"); a bare "OK" only shows the step again.
    if (talk) return talk === 'ack' ? { kind: 'walk-again', onlyQuestion: true } : { kind: 'small-talk', talk };
    // The walk has read the message already when it could not take it as a move.
    const kind = move.kind ?? intentOf(turn, services, logger).kind;
    // At an outcome the walk has asked all it had to: a problem reported now is another one, diagnosed anew.
    if (kind === 'report' && atOutcome(turn, svc)) return { kind: 'walk-start', facts: intentOf(turn, services, logger).facts };
    if (kind === 'report') return { kind: 'walk-again' };
    // "what does option 4 mean?", 「3と4の違いは？」: asked about the options the step shows, by their labels.
    const asked = kind === 'question' ? aboutOptions(svc, turn) : undefined;
    if (asked) return { kind: 'question', duringWalk: true, asked };
    const outcome = atOutcome(turn, svc);
    if (kind === 'statement' && !outcome) return { kind: 'walk-not-understood' };
    // At an outcome, a message with no words ("😅") says nothing of whether it solved it.
    if (outcome && !WORDS.test(input.text)) return { kind: 'walk-solved-unclear' };
    // What is neither "solved?" nor a correction is read as outside a walk: a question about the
    // outcome, or a statement that may name a matter of its own (read without the outcome's topic).
    return { kind: 'question', duringWalk: true, ...(outcome && kind === 'statement' ? { atOutcome: true } : {}) };
  }

  if (input.step !== undefined) return { kind: 'ended-walk-button' };
  if ((input.choice && !input.text) || parseChoiceNumber(input.text) !== undefined || matchCommand(input.text)) return { kind: 'no-walk' };
  const intent = intentOf(turn, services, logger);
  if (intent.report) return { kind: 'walk-start', facts: intent.facts };
  return intent.kind === 'unclear' ? { kind: 'question', duringWalk: false, offerDiagnosis: true, facts: intent.facts } : { kind: 'question', duringWalk: false };
}

/** A letter, a digit or an emoji: something to read (a message of punctuation alone asks nothing). */
const READABLE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** A letter or a digit: words to read, not an emoji alone. */
const WORDS = /[\p{L}\p{N}]/u;

/** The message with the options it names by number written out as their labels; undefined when it names none. */
function aboutOptions(svc: NonNullable<BotServices['troubleshoot']>, turn: Turn): string | undefined {
  const view = svc.view(turn.conversation.walk, turn.lang);
  return view.kind === 'question' ? withOptionLabels(turn.input.text, view.options.map((o) => o.label)) : undefined;
}

/** How many "back"s lead to the step whose button was pressed, when the walk passed it. */
function backsToPressed(svc: NonNullable<BotServices['troubleshoot']>, turn: Turn): { backs?: number } {
  const step = turn.input.step;
  const backs = step === undefined ? undefined : svc.backsTo(turn.conversation.walk, step);
  return backs === undefined ? {} : { backs };
}

/** How many options the current step offers (a question's, or those of "did this solve it?"). */
function optionCount(svc: NonNullable<BotServices['troubleshoot']>, turn: Turn): number {
  const view = svc.view(turn.conversation.walk, turn.lang);
  return view.kind === 'question' ? view.options.length : view.solvedOptions.length;
}

/**
 * What the message is (see classifyMessage) and whether it reports a problem to diagnose,
 * with the facts it states; a question when the diagnosis is not loaded or detection fails.
 */
function intentOf(turn: Turn, services: BotServices, logger: BotLogger): { kind: MessageKind; report: boolean; facts?: Record<string, unknown> } {
  const svc = services.troubleshoot;
  if (!svc) return { kind: 'question', report: false };
  try {
    const r = svc.detectIntent(turn.input.text);
    return { kind: r.kind ?? 'question', report: Boolean(r.intent), facts: r.facts };
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'troubleshoot intent detection failed; answering as a question');
    return { kind: 'question', report: false };
  }
}

const SMALL_TALK_REPLY = {
  greeting: 'smallTalkGreeting',
  thanks: 'smallTalkThanks',
  tired: 'smallTalkTired',
  ack: 'smallTalkAck',
  farewell: 'smallTalkFarewell',
  preface: 'smallTalkPreface',
  complaint: 'smallTalkComplaint',
  confused: 'smallTalkConfused',
  trying: 'smallTalkTrying',
  about: 'smallTalkAbout',
  fun: 'smallTalkFun',
} as const;

/** After a message that did not answer the step: the step's question again (see showStep). */
const AGAIN = { onlyQuestion: true } as const;

/** Replies to one message: decides its route, then runs the step for it. Adds replies to the turn; sends nothing. */
export function replyToMessage(turn: Turn, services: BotServices, logger: BotLogger): void {
  const route = routeMessage(turn, services, logger);
  const say = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => turn.replies.push(textReply(t(turn.lang, key, vars)));
  // Files and images sent with words: the words are read, and the user told the files are not.
  if (turn.input.attachments && route.kind !== 'attachments-only') say('attachmentsNotRead');
  switch (route.kind) {
    case 'empty':
      say('emptyMessage');
      return showStep(turn, services.troubleshoot, AGAIN);
    case 'attachments-only':
      say('attachmentsNotRead');
      return showStep(turn, services.troubleshoot, AGAIN);
    case 'command':
      return runCommand(turn, route.command, services);
    case 'languages-asked':
      say('languagesSpoken');
      return showStep(turn, services.troubleshoot, AGAIN);
    case 'asked-back':
      // In a walk, the step shown carries its own sources; else the last answer's, or the message is asked as it is.
      if (turn.conversation.walk !== undefined) {
        say('askedBackInWalk');
        return showStep(turn, services.troubleshoot, AGAIN);
      }
      if (showLastSources(turn, services.knowledge, route.what)) return;
      return void answerQuestion(turn, services.knowledge, logger);
    case 'walk-move':
      if (route.move.asked) return answerBesidesMove(turn, route.move, route.move.asked, services, logger);
      applyMove(turn, route.move, services.knowledge);
      return route.move.more ? takeUpMore(turn, route.move.more, services, logger) : undefined;
    case 'walk-broken':
      return cancelBrokenWalk(turn);
    case 'walk-unknown-choice':
      say('walkInvalidChoice');
      return showStep(turn, services.troubleshoot);
    case 'walk-no-such-option':
      say('walkNoSuchOption', { n: route.number, max: route.options });
      return showStep(turn, services.troubleshoot, AGAIN);
    case 'walk-stale-button':
      // A button of a question answered already: the press may mean a change of mind, so how to make one.
      if (route.backs === 1) say('walkStaleButtonBack');
      else if (route.backs !== undefined) say('walkStaleButtonBacks', { n: route.backs });
      else say('walkStaleButton');
      return showStep(turn, services.troubleshoot);
    case 'ended-walk-button':
      return void say('walkStaleButtonNoWalk');
    case 'small-talk':
      if (turn.conversation.walk === undefined) return void say(SMALL_TALK_REPLY[route.talk]);
      // Lost in the middle of a walk ("sorry, what?"): how to answer, and the step again.
      if (route.talk === 'confused') {
        say('walkConfused');
        return showStep(turn, services.troubleshoot, AGAIN);
      }
      // Going to try the steps shown: the walk waits for "did this solve it?", nothing more to say.
      if (route.talk === 'trying') return void say('walkTrying');
      // Thanks, or a word about the bot, asks nothing of the walk: a short reply and the step's question again.
      if (route.talk === 'thanks' || route.talk === 'about') {
        say(route.talk === 'thanks' ? 'walkThanks' : 'smallTalkAbout');
        return showStep(turn, services.troubleshoot, AGAIN);
      }
      say(SMALL_TALK_REPLY[route.talk]);
      return void say('walkResumeHint');
    case 'walk-again':
      // A bare "OK" asks for nothing new: the step's question again; a problem reported again, the whole step.
      return showStep(turn, services.troubleshoot, route.onlyQuestion ? AGAIN : {});
    case 'walk-not-understood':
      say('walkNotUnderstood');
      return showStep(turn, services.troubleshoot, AGAIN);
    case 'walk-solved-unclear':
      say('walkSolvedUnclear');
      return showStep(turn, services.troubleshoot, AGAIN);
    case 'walk-not-loaded':
      return void say('notReady');
    case 'walk-start':
      return startWalk(turn, services, { facts: route.facts });
    case 'no-walk':
      return void say('walkNothingToCancel');
    case 'question': {
      // A report asked as a question ("…, what should I do?"): answered with the diagnosis offered,
      // or, when the knowledge base has no answer, diagnosed straight away.
      const diagnose = route.offerDiagnosis && services.troubleshoot ? () => startWalk(turn, services, { facts: route.facts }) : undefined;
      // During a walk, a question the documents do not answer gets one line and the step again, not the no-answer card;
      // a statement at an outcome they do not answer said nothing of whether it solved it.
      const noAnswer = route.atOutcome ? 'walkSolvedUnclear' : 'walkQuestionNoAnswer';
      const unanswered = route.duringWalk ? () => (say(noAnswer), showStep(turn, services.troubleshoot, AGAIN)) : diagnose;
      const asking = route.asked ? { ...turn, input: { ...turn.input, text: route.asked } } : turn;
      const answered = answerQuestion(asking, services.knowledge, logger, unanswered, route.offerDiagnosis === true, !route.atOutcome);
      // At an outcome its steps are just above: "did this solve it?" alone goes on from the answer.
      if (route.duringWalk && answered && atOutcome(turn, services.troubleshoot)) showStep(turn, services.troubleshoot, AGAIN);
      else if (route.duringWalk && answered) say('walkResumeHint');
      if (answered && diagnose) say('offerDiagnosis');
      return;
    }
  }
}

/**
 * A message that answered the step and asked something besides: the question is answered in
 * its own language, then the walk goes on in the walk's, saying the answer was taken (and how to
 * change it). A question the documents do not answer gets no decline: the walk's step is the reply.
 */
function answerBesidesMove(turn: Turn, move: StepResult, asked: string, services: BotServices, logger: BotLogger): void {
  answerQuestion({ ...turn, input: { ...turn.input, text: asked } }, services.knowledge, logger, () => undefined);
  const lang = walkLang(turn);
  const view = lang !== turn.lang && services.troubleshoot && !move.done ? services.troubleshoot.view(move.state, lang) : move.view;
  applyMove({ ...turn, lang }, { ...move, view, aside: 'took-answer' }, services.knowledge);
}

/** The language the walk has been in: the conversation's (a pinned one is the turn's already), else the client's. */
function walkLang(turn: Turn): Lang {
  if (turn.user.lang) return turn.lang;
  return conversationLang(turn.conversation.lang, turn.context.activity.locale);
}

/**
 * What a "yes" to "did this solve it?" said besides, once the walk has ended: a question is
 * answered; another flow's problem is offered a diagnosis of its own.
 */
function takeUpMore(turn: Turn, more: string, services: BotServices, logger: BotLogger): void {
  const asked = services.troubleshoot?.detectIntent(more).kind === 'question';
  if (asked) return void answerQuestion({ ...turn, input: { ...turn.input, text: more } }, services.knowledge, logger);
  turn.replies.push(textReply(t(turn.lang, 'solvedOfferOther')));
}
