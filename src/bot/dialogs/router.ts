import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogState } from 'botbuilder-dialogs';
// Deep import: the package index also loads the prompts' text recognizers, about 200 ms of
// startup for code this bot never runs.
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
import type { Lang } from '../../content/types.js';
import { matchCommand, parseChoiceNumber } from '../../core/troubleshoot/index.js';
import { findCommand } from '../commands.js';
import { MAX_QUESTION_CHARS } from '../input.js';
import { t } from '../language/strings.js';
import type { BotLogger } from '../logger.js';
import { answerReply, declineReply, helpReply, textReply } from '../replies.js';
import type { BotServices } from '../services.js';
import { getTurnInfo, type TurnInfo } from '../turn.js';
import { moveOf, TROUBLESHOOT_DIALOG, TroubleshootDialog, walkOf, type TroubleshootOptions } from './troubleshoot-dialog.js';

/** What the user has told the bot about themselves, kept in user state. */
export interface UserProfile {
  /** Language pinned with "English please" / "日本語で". */
  lang?: Lang;
}

/**
 * Decides what one message is: a command, an answer to the current
 * troubleshooting question, a request to start troubleshooting, or a free
 * question for the knowledge base. A free question mid-walk is answered and the
 * walk stays paused where it was.
 */
export class Router {
  private readonly dialogs: DialogSet;
  private readonly troubleshootDialog: TroubleshootDialog;

  constructor(
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly services: BotServices,
    private readonly logger: BotLogger,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.troubleshootDialog = new TroubleshootDialog(services);
    this.dialogs.add(this.troubleshootDialog);
  }

  async handleMessage(context: TurnContext): Promise<void> {
    const info = getTurnInfo(context)!;
    const { input } = info;
    const walk = await this.activeWalk(context);
    // A dialog context is built only when a walk starts, moves or ends: botbuilder makes a fresh
    // memory-scope registry for each one, which was a large share of a turn. Showing the current
    // step again needs only the dialog and its instance.
    let dialogContext: Promise<DialogContext> | undefined;
    const dc = () => (dialogContext ??= this.dialogs.createContext(context));

    if (!input.text && !input.choice) {
      await context.sendActivity(textReply(t(info.lang, 'emptyMessage')));
      return;
    }

    const command = input.choice ? undefined : findCommand(input.text);
    switch (command?.id) {
      case 'help':
        await context.sendActivity(helpReply(info.lang));
        if (walk) await this.troubleshootDialog.repromptDialog(context, walk);
        return;
      case 'english':
      case 'japanese': {
        const lang: Lang = command.id === 'english' ? 'en' : 'ja';
        const profile = await this.profile.get(context, {});
        await this.profile.set(context, { ...profile, lang });
        info.lang = lang;
        await context.sendActivity(textReply(t(lang, 'langPinned')));
        if (walk) await this.troubleshootDialog.repromptDialog(context, walk);
        return;
      }
      case 'restart':
        if (!walk) {
          await context.sendActivity(textReply(t(info.lang, 'walkNothingToCancel')));
          return;
        }
        await restartWalk(await dc(), { restarted: true });
        return;
      case 'cancel':
        if (walk) {
          await (await dc()).cancelAllDialogs();
          await context.sendActivity(textReply(t(info.lang, 'walkCancelled')));
        } else {
          await context.sendActivity(textReply(t(info.lang, 'walkNothingToCancel')));
        }
        return;
      case 'troubleshoot':
        await restartWalk(await dc(), {});
        return;
    }

    if (walk) {
      if (this.answersStep(walk, info)) {
        await (await dc()).continueDialog();
        return;
      }
      // Not an answer to the current question: a free question mid-walk.
      if (input.choice && !input.text) {
        await context.sendActivity(textReply(t(info.lang, 'walkInvalidChoice')));
        await this.troubleshootDialog.repromptDialog(context, walk);
        return;
      }
      if (this.isTroubleshootRequest(input.text)) {
        await this.troubleshootDialog.repromptDialog(context, walk);
        return;
      }
      await this.answerQuestion(context, info.lang);
      await context.sendActivity(textReply(t(info.lang, 'walkResumeHint')));
      return;
    }

    if ((input.choice && !input.text) || parseChoiceNumber(input.text) !== undefined || matchCommand(input.text)) {
      // A button, an option number or "back" for an old, finished diagnosis: nothing to continue.
      await context.sendActivity(textReply(t(info.lang, 'walkNothingToCancel')));
      return;
    }

    const intent = this.detectIntent(input.text);
    if (intent) {
      await (await dc()).beginDialog(TROUBLESHOOT_DIALOG, { facts: intent.facts });
      return;
    }
    await this.answerQuestion(context, info.lang);
  }

  /** The diagnosis in progress in this conversation, read from dialog state without a dialog context. */
  private async activeWalk(context: TurnContext): Promise<DialogInstance | undefined> {
    const stack = (await this.dialogState.get(context))?.dialogStack ?? [];
    const top = stack[stack.length - 1];
    return top?.id === TROUBLESHOOT_DIALOG ? top : undefined;
  }

  /**
   * Whether the message moves the walk (an answer, back, a "solved?" reply), asked of the
   * pure engine so a free question mid-walk needs no dialog machinery. The dialog reuses
   * the result. A walk the engine cannot read counts as moved: the dialog ends it.
   */
  private answersStep(walk: DialogInstance, info: TurnInfo): boolean {
    const svc = this.services.troubleshoot;
    if (!svc) return true;
    try {
      return moveOf(svc, walkOf(walk.state), info).accepted;
    } catch {
      return true;
    }
  }

  private detectIntent(text: string): { facts?: Record<string, unknown> } | undefined {
    const svc = this.services.troubleshoot;
    if (!svc) return undefined;
    try {
      const r = svc.detectIntent(text);
      return r.intent ? { facts: r.facts } : undefined;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'troubleshoot intent detection failed; answering as a question');
      return undefined;
    }
  }

  private isTroubleshootRequest(text: string): boolean {
    return this.detectIntent(text) !== undefined;
  }

  /** Answers a free question from the knowledge base, or declines politely with suggestions. */
  private async answerQuestion(context: TurnContext, lang: Lang): Promise<void> {
    const { input } = getTurnInfo(context)!;
    const kb = this.services.knowledge;
    if (!kb) {
      await context.sendActivity(textReply(t(lang, 'notReady')));
      return;
    }
    const notice = input.truncatedFrom ? t(lang, 'truncatedNote', { n: MAX_QUESTION_CHARS }) : undefined;
    const started = process.hrtime.bigint();
    const result = kb.ask(input.text, { lang, limit: 3 });
    this.logger.debug(
      { answered: result.answered, answers: result.answers.map((a) => a.id), ms: Number(process.hrtime.bigint() - started) / 1e6 },
      'question answered',
    );
    const best = result.answered ? result.answers[0] : undefined;
    if (best) await context.sendActivity(answerReply(best, lang, notice));
    else await context.sendActivity(declineReply(lang, result.suggestions ?? [], notice));
  }
}

/** Ends any walk in progress and starts a new one. */
async function restartWalk(dc: DialogContext, options: TroubleshootOptions): Promise<void> {
  await dc.cancelAllDialogs();
  await dc.beginDialog(TROUBLESHOOT_DIALOG, options);
}
