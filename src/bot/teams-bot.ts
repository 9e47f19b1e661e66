import { TeamsActivityHandler, type Activity, type InvokeResponse, type Storage, type TurnContext } from 'botbuilder';
import type { Lang } from '../content/types.js';
import { nullRecorder, type EventRecorder } from '../core/events/index.js';
import { langFromLocale } from '../core/language.js';
import { ConversationStore, stateKeys } from './conversation-store.js';
import type { FeedbackLog } from './feedback.js';
import { readInput } from './input.js';
import { pickLang } from './language/pick.js';
import { t } from './language/strings.js';
import { runMessageTurn, type MessageTurnDeps } from './message-turn.js';
import { textReply, welcomeReply } from './replies.js';
import { nullLogger, type BotLogger, type BotServices } from './services.js';
import { logIds, turnOf, type ConversationData } from './turn.js';

export interface TeamsBotOptions {
  /** Where conversation and user state live (memory, or Blob storage shared by several instances). */
  storage: Storage;
  /** Upper bound for one storage call (0: none, for memory). */
  storageTimeoutMs?: number;
  services: BotServices;
  feedback: FeedbackLog;
  /** Where declined questions, feedback and walk outcomes are recorded (nowhere by default). */
  events?: EventRecorder;
  logger?: BotLogger;
}

/**
 * The Teams bot: a message runs one turn (see message-turn.ts), the bot's own
 * arrival in a conversation gets the welcome card, and 👍/👎 feedback arrives
 * as an invoke. Everything else is left to botbuilder's Teams handler.
 */
export class TeamsBot extends TeamsActivityHandler {
  private readonly deps: MessageTurnDeps;

  constructor(options: TeamsBotOptions) {
    super();
    const logger = options.logger ?? nullLogger;
    this.deps = { store: new ConversationStore(options.storage, options.storageTimeoutMs ?? 0), services: options.services, feedback: options.feedback, events: options.events ?? nullRecorder, logger };

    this.onMessage(async (context, next) => {
      await runMessageTurn(context, this.deps);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      // Welcome only when the bot itself joins (installed, added to a team or chat), never for other members.
      const botId = context.activity.recipient?.id;
      if (botId && (context.activity.membersAdded ?? []).some((m) => m?.id === botId)) {
        await context.sendActivity(welcomeReply(localeLang(context.activity)));
      }
      await next();
    });
  }

  /** Feedback (👍/👎) arrives as an invoke; everything else goes to the Teams handler. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'message/submitAction') {
      const record = this.deps.feedback.parse(context.activity, await this.keptAnswers(context));
      if (record) await this.deps.feedback.record(record);
      return { status: 200, body: {} };
    }
    return super.onInvokeActivity(context);
  }

  /** The answers the conversation's state keeps for feedback; none when storage cannot be read (the feedback still counts). */
  private async keptAnswers(context: TurnContext): Promise<ConversationData['answers']> {
    try {
      const [conversation] = await this.deps.store.load<ConversationData>([stateKeys(context.activity).conversation]);
      return conversation.state.answers;
    } catch (err) {
      this.deps.logger.warn({ ...logIds(context), err: (err as Error).message }, 'feedback: conversation state unreadable; answer not resolved');
      return [];
    }
  }

  /**
   * The adapter's error handler: logs the failure with ids (message text only at debug
   * level) and tells the user briefly in their language. State is as before the turn
   * (it is saved only after a turn succeeds, and put back when its replies fail), so
   * the next message works.
   */
  readonly replyToError = async (context: TurnContext, error: unknown): Promise<void> => {
    const { logger } = this.deps;
    const err = error instanceof Error ? error : new Error(String(error));
    logger.error({ ...logIds(context), err: { name: err.name, message: err.message, stack: err.stack } }, 'turn failed');
    if (context.activity?.type !== 'message') return;
    try {
      const lang = turnOf(context)?.lang ?? pickLang(readInput(context.activity).text, context.activity.locale);
      await context.sendActivity(textReply(t(lang, 'turnError')));
    } catch (sendErr) {
      logger.error({ ...logIds(context), err: (sendErr as Error).message }, 'could not send the apology either');
    }
  };
}

/** The language of a conversation-level event (activity locale or Teams' clientInfo entity); undefined when it names none. */
function localeLang(activity: Partial<Activity>): Lang | undefined {
  const clientInfo = (activity.entities ?? []).find((e) => e?.type === 'clientInfo') as { locale?: unknown } | undefined;
  const locale = activity.locale ?? (typeof clientInfo?.locale === 'string' ? clientInfo.locale : undefined);
  return langFromLocale(locale);
}
