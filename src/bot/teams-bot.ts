import {
  ActivityTypes,
  TeamsActivityHandler,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type ResourceResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Lang } from '../content/types.js';
import { langFromLocale } from '../core/language.js';
import { Router, type UserProfile } from './dialogs/router.js';
import type { FeedbackLog } from './feedback.js';
import { readInput } from './input.js';
import { pickLang } from './language/pick.js';
import { t } from './language/strings.js';
import { nullLogger, type BotLogger } from './logger.js';
import { welcomeReply, type Reply } from './replies.js';
import type { BotServices } from './services.js';
import { StorageConflictError, StorageUnavailableError } from './state.js';
import { getTurnInfo, setTurnInfo } from './turn.js';

export interface TeamsBotOptions {
  conversationState: ConversationState;
  userState: UserState;
  services: BotServices;
  feedback: FeedbackLog;
  logger?: BotLogger;
}

/** Replies held back until state is saved, so a user never sees a step that was not stored. */
class Outbox {
  buffering = false;
  items: Partial<Activity>[] = [];

  constructor(context: TurnContext) {
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!this.buffering) return next();
      this.items.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
  }
}

/**
 * The Teams bot. Every turn: read the input and language, route it, save
 * conversation and user state, and only then send the replies. A storage
 * failure gives the user a clear "temporarily unavailable" and stores nothing;
 * an ETag conflict (another instance or message got there first) retries the
 * turn once on fresh state.
 */
export class TeamsBot extends TeamsActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly userState: UserState;
  private readonly profile: StatePropertyAccessor<UserProfile>;
  private readonly router: Router;
  private readonly feedback: FeedbackLog;
  private readonly logger: BotLogger;

  constructor(options: TeamsBotOptions) {
    super();
    this.conversationState = options.conversationState;
    this.userState = options.userState;
    this.feedback = options.feedback;
    this.logger = options.logger ?? nullLogger;
    this.profile = this.userState.createProperty<UserProfile>('profile');
    const dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.router = new Router(dialogState, this.profile, options.services, this.logger);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
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

  /** Runs a turn with buffered replies, state saved before sending, one retry on an ETag conflict. */
  override async run(context: TurnContext): Promise<void> {
    const outbox = new Outbox(context);
    for (let attempt = 1; ; attempt++) {
      outbox.buffering = true;
      outbox.items = [];
      try {
        if (attempt > 1) {
          await this.conversationState.load(context, true);
          await this.userState.load(context, true);
        }
        await super.run(context);
        await this.conversationState.saveChanges(context);
        await this.userState.saveChanges(context);
        outbox.buffering = false;
        await this.flush(context, outbox.items);
        return;
      } catch (err) {
        outbox.buffering = false;
        outbox.items = [];
        if (err instanceof StorageConflictError && attempt === 1) {
          this.logger.info(ids(context), 'state changed by another turn; retrying the turn once');
          continue;
        }
        if (err instanceof StorageConflictError || err instanceof StorageUnavailableError) {
          this.logger.warn({ ...ids(context), err: err.message }, 'storage problem; turn not applied');
          await this.apologise(context, err instanceof StorageConflictError ? 'storageConflict' : 'storageUnavailable');
          return;
        }
        throw err;
      }
    }
  }

  /** Feedback (👍/👎) arrives as an invoke; everything else goes to the Teams handler. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'message/submitAction') {
      const record = this.feedback.parse(context.activity);
      if (record) await this.feedback.record(record);
      return { status: 200, body: {} };
    }
    return super.onInvokeActivity(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const input = readInput(context.activity);
    const profile = await this.profile.get(context, {});
    const lang = pickLang(input.text, context.activity.locale, profile.lang);
    setTurnInfo(context, { lang, input });
    this.logger.info({ ...ids(context), lang, chars: input.text.length, card: input.fromCard }, 'message');
    this.logger.debug({ ...ids(context), text: input.text }, 'message text');
    await this.router.handleMessage(context);
  }

  private async flush(context: TurnContext, items: Partial<Activity>[]): Promise<void> {
    if (!items.length) return;
    const answerIds = items.map((a) => (a as Reply).answerId);
    for (const a of items) delete (a as Reply).answerId;
    const responses = await context.sendActivities(items);
    responses.forEach((r, i) => {
      const answerId = answerIds[i];
      if (answerId) this.feedback.rememberAnswer(r?.id, answerId, context.activity.conversation?.id ?? '');
    });
  }

  private async apologise(context: TurnContext, key: 'storageConflict' | 'storageUnavailable'): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    const lang = getTurnInfo(context)?.lang ?? pickLang(readInput(context.activity).text, context.activity.locale);
    await context.sendActivity({ type: 'message', text: t(lang, key) });
  }
}

/** Ids for log lines: enough to find the conversation, never the message text. */
export function ids(context: TurnContext): Record<string, string | undefined> {
  const a = context.activity;
  return { activityId: a?.id, conversationId: a?.conversation?.id, channelId: a?.channelId, type: a?.type };
}

/** The language of a conversation-level event: the activity locale or Teams' clientInfo entity. */
function localeLang(activity: Partial<Activity>): Lang {
  const clientInfo = (activity.entities ?? []).find((e) => e?.type === 'clientInfo') as { locale?: unknown } | undefined;
  const locale = activity.locale ?? (typeof clientInfo?.locale === 'string' ? clientInfo.locale : undefined);
  return langFromLocale(locale, 'ja');
}
