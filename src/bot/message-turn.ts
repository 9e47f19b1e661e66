import type { TurnContext } from 'botbuilder';
import type { EventRecorder } from '../core/events/index.js';
import { ConversationStore, StorageConflictError, StorageUnavailableError, stateKeys, type Loaded } from './conversation-store.js';
import { keepSentAnswers, type FeedbackLog, type SentAnswer } from './feedback.js';
import { readInput, type TurnInput } from './input.js';
import { langFromLocale, proseLang } from '../core/language.js';
import { asksSomething, conversationLang, pickLang } from './language/pick.js';
import { t } from './language/strings.js';
import { textReply, toActivity, type Reply } from './replies.js';
import { replyToMessage } from './route.js';
import type { BotLogger, BotServices } from './services.js';
import { logIds, setTurn, type ConversationData, type Turn, type UserData } from './turn.js';

export interface MessageTurnDeps {
  store: ConversationStore;
  services: BotServices;
  feedback: FeedbackLog;
  events: EventRecorder;
  logger: BotLogger;
}

/** A state as loaded, with its JSON then, to tell whether the turn changed it. */
interface StateRecord<T> extends Loaded<T> {
  key: string;
  before: string;
}

/**
 * One message, start to end, with one load and (at most) one save: load the
 * conversation's and the user's state, decide and build the replies, and send them.
 * What the next message is read against (the walk, a pinned language) is saved
 * before the replies go out, with the eTags read, so a user never sees a step
 * that was not stored; a turn that changed only bookkeeping (the answers noted
 * for feedback, the conversation's reply language, the topic a follow-up carries
 * on, the ids of the messages handled) saves it once the replies are
 * out, since the answers are noted with the message ids the connector gave them.
 * An ETag conflict before sending runs the turn once more on fresh state; a
 * storage failure gets a "temporarily unavailable" and changes nothing. When the
 * replies cannot be delivered, what was saved is put back, so the next message is
 * not taken as an answer to a step the user never saw. A message whose id the
 * conversation has handled already (the channel's retry) gets no reply and changes nothing.
 */
export async function runMessageTurn(context: TurnContext, deps: MessageTurnDeps): Promise<void> {
  const input = readInput(context.activity);
  const keys = stateKeys(context.activity);
  for (let attempt = 1; ; attempt++) {
    let turn: Turn | undefined;
    let conversation: StateRecord<ConversationData>;
    let saved: StateRecord<object>[];
    try {
      const [conversationRecord, user] = await loadRecords(deps.store, [keys.conversation, keys.user]);
      conversation = conversationRecord as StateRecord<ConversationData>;
      if (alreadyHandled(conversation.state, context.activity.id)) {
        deps.logger.info(logIds(context), 'message delivered again; already handled, not applied twice');
        return;
      }
      const readBefore = readAgainst(conversation.state);
      turn = startTurn(context, input, conversation.state, user.state as UserData);
      deps.logger.info({ ...logIds(context), lang: turn.lang, chars: input.text.length, card: input.fromCard }, 'message');
      deps.logger.debug({ ...logIds(context), text: input.text }, 'message text');
      replyToMessage(turn, deps.services, deps.logger);
      keepConversationLang(turn);
      noteHandled(turn.conversation, context.activity.id);
      // User state first: it rarely changes and setting a language twice is harmless, so a
      // conflict on the conversation afterwards can retry the whole turn.
      saved = await saveChanged(deps.store, onlyBookkeeping(conversation, readBefore) ? [user] : [user, conversation]);
    } catch (err) {
      if (err instanceof StorageConflictError && attempt === 1) {
        deps.logger.info(logIds(context), 'state changed by another turn; retrying the turn once');
        continue;
      }
      if (err instanceof StorageConflictError || err instanceof StorageUnavailableError) {
        deps.logger.warn({ ...logIds(context), err: err.message }, 'storage problem; turn not applied');
        const lang = turn?.lang ?? pickLang(input.text, context.activity.locale);
        await context.sendActivity(textReply(t(lang, err instanceof StorageConflictError ? 'storageConflict' : 'storageUnavailable')));
        return;
      }
      throw err;
    }
    let sent: SentAnswer[];
    try {
      sent = await sendReplies(context, turn);
    } catch (err) {
      await undoSaves(deps.store, saved, deps.logger, context);
      throw err;
    }
    await saveBookkeeping(deps.store, conversation, saved.includes(conversation), sent, deps.logger, context);
    // Only now: a retried or undelivered turn must not count twice.
    for (const event of turn.events) deps.events.record(event);
    return;
  }
}

/** How many message ids a conversation keeps: enough for the retries of the last few messages. */
const KEPT_HANDLED = 20;
const MAX_ACTIVITY_ID = 200;

/** Whether the conversation has handled this message already (the channel sent it again, e.g. after a timeout). */
function alreadyHandled(state: ConversationData, activityId: string | undefined): boolean {
  return Boolean(activityId) && Array.isArray(state.handled) && state.handled.includes(activityId!.slice(0, MAX_ACTIVITY_ID));
}

/**
 * Notes the message as handled, in the turn's one write: before the replies when the
 * walk changed (so a copy arriving meanwhile finds it, or loses the eTag race and is
 * retried on the state that has it), else with the bookkeeping after them.
 */
function noteHandled(state: ConversationData, activityId: string | undefined): void {
  if (!activityId) return;
  const id = activityId.slice(0, MAX_ACTIVITY_ID);
  const kept = Array.isArray(state.handled) ? state.handled.filter((h) => typeof h === 'string' && h !== id) : [];
  state.handled = [...kept, id].slice(-KEPT_HANDLED);
}

function startTurn(context: TurnContext, input: TurnInput, conversation: ConversationData, user: UserData): Turn {
  const lang = pickLang(input.text, context.activity.locale, user.lang, conversation.lang, conversation.walk !== undefined ? { heard: conversation.heard } : undefined);
  const turn: Turn = { context, input, lang, conversation, user, replies: [], events: [] };
  setTurn(context, turn);
  return turn;
}

/**
 * Remembers the reply language for messages with no language of their own (a button,
 * a number), but only where it differs from what the client's locale gives anyway
 * and no language is pinned, so a conversation in the client's language is never
 * written for it.
 */
function keepConversationLang(turn: Turn): void {
  const heard = proseLang(turn.input.text);
  if (heard) turn.conversation.heard = heard;
  // A pinned language wins over both.
  if (turn.user.lang) return;
  const fromLocale = langFromLocale(turn.context.activity.locale, 'ja');
  // A question asked on the way through a walk, in the other language, leaves the walk's language as it was.
  if (turn.conversation.walk !== undefined && asksSomething(turn.input.text) && turn.lang !== conversationLang(turn.conversation.lang, turn.context.activity.locale)) return;
  if (turn.lang !== fromLocale) turn.conversation.lang = turn.lang;
  else if (turn.conversation.lang !== undefined) delete turn.conversation.lang;
}

async function loadRecords(store: ConversationStore, keys: string[]): Promise<StateRecord<object>[]> {
  const loaded = await store.load<object>(keys);
  return loaded.map((l, i) => ({ ...l, key: keys[i], before: JSON.stringify(l.state) }));
}

/** Writes the states the turn changed, in order; returns them with what was written. */
async function saveChanged(store: ConversationStore, records: StateRecord<object>[]): Promise<StateRecord<object>[]> {
  const saved: StateRecord<object>[] = [];
  for (const r of records) {
    if (JSON.stringify(r.state) === r.before) continue;
    await store.save(r.key, r.state, r.eTag);
    saved.push(r);
  }
  return saved;
}

/**
 * Puts back the states a turn saved, each only if it is still what this turn wrote
 * (a later turn's state is left alone). Best effort: the turn has failed already.
 */
async function undoSaves(store: ConversationStore, saved: StateRecord<object>[], logger: BotLogger, context: TurnContext): Promise<void> {
  for (const r of saved) {
    try {
      const [now] = await store.load<object>([r.key]);
      if (JSON.stringify(now.state) !== JSON.stringify(r.state)) continue;
      await store.save(r.key, JSON.parse(r.before) as object, now.eTag);
    } catch (err) {
      logger.warn({ ...logIds(context), err: (err as Error).message }, 'could not restore the state of an undelivered turn');
    }
  }
}

/** Sends the turn's replies in order; returns the answers among them with the ids the connector gave their messages. */
async function sendReplies(context: TurnContext, turn: Turn): Promise<SentAnswer[]> {
  const { replies } = turn;
  if (!replies.length) return [];
  const responses = await context.sendActivities(replies.map((r) => toActivity(r, context.activity.channelId)));
  return replies.flatMap((r, i) => {
    const messageId = responses[i]?.id;
    return r.answerId ? [{ ...(messageId ? { messageId } : {}), answerId: r.answerId, ...(r.answersQuestion === false ? {} : { question: turn.input.text }) }] : [];
  });
}

/** The conversation's state without its bookkeeping: what the next message is read against. */
function readAgainst(state: ConversationData): string {
  const { lang, heard, answers, handled, topic, ...against } = state;
  return JSON.stringify(against);
}

/** True when the turn changed nothing of the conversation's state but its bookkeeping (`readBefore`: readAgainst of the state as loaded). */
function onlyBookkeeping(record: StateRecord<ConversationData>, readBefore: string): boolean {
  return readAgainst(record.state) === readBefore;
}

/**
 * Once the replies are out: the sent answers, noted with their message ids so a 👍/👎 on
 * one is matched on any instance, and the reply language, in the turn's one write when
 * nothing else was saved (with the eTag read); after a conflict, or when the turn saved
 * its state before sending, on the state read again. Best effort: the turn is delivered.
 */
async function saveBookkeeping(
  store: ConversationStore,
  record: StateRecord<ConversationData>,
  savedBefore: boolean,
  sent: SentAnswer[],
  logger: BotLogger,
  context: TurnContext,
): Promise<void> {
  const { lang, heard, topic } = record.state;
  const note = (state: ConversationData): ConversationData => {
    const next: ConversationData = { ...state, answers: sent.length ? keepSentAnswers(state.answers, sent) : state.answers };
    if (lang === undefined) delete next.lang;
    else next.lang = lang;
    if (heard !== undefined) next.heard = heard;
    if (topic === undefined) delete next.topic;
    else next.topic = topic;
    noteHandled(next, context.activity.id);
    return next;
  };
  let current: Loaded<ConversationData> | undefined;
  if (savedBefore) {
    if (!sent.length) return;
  } else {
    current = { state: note(record.state), eTag: record.eTag };
    if (JSON.stringify(current.state) === record.before) return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      if (!current) {
        const [fresh] = await store.load<ConversationData>([record.key]);
        current = { state: note(fresh.state), eTag: fresh.eTag };
      }
      await store.save(record.key, current.state, current.eTag);
      return;
    } catch (err) {
      if (err instanceof StorageConflictError && attempt === 1) {
        current = undefined;
        continue;
      }
      logger.warn({ ...logIds(context), err: (err as Error).message }, 'could not keep the sent answers for feedback');
      return;
    }
  }
}
