import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
// Deep import: see router.ts (the package index loads the prompts' recognizers).
import { Dialog } from 'botbuilder-dialogs/lib/dialog.js';
import type { TurnContext } from 'botbuilder';
import { t } from '../language/strings.js';
import { stepReply } from '../replies.js';
import type { BotServices, StepResult, TroubleshootService } from '../services.js';
import { getTurnInfo, type TurnInfo } from '../turn.js';

export const TROUBLESHOOT_DIALOG = 'troubleshoot';

export interface TroubleshootOptions {
  facts?: Record<string, unknown>;
  /** Started again by "restart" in the middle of a walk. */
  restarted?: boolean;
}

interface WalkInstanceState {
  /** The pure walker's state: plain JSON, so it round-trips through any Storage. */
  walk?: unknown;
}

/** The walk state kept in a troubleshoot dialog instance's state. */
export function walkOf(instanceState: unknown): unknown {
  return (instanceState as WalkInstanceState | undefined)?.walk;
}

/**
 * The turn's input applied to a walk, once per turn: the router asks first (is this an
 * answer or a free question?) and the dialog reuses the result. Throws when the stored
 * walk is one the engine no longer understands.
 */
export function moveOf(svc: TroubleshootService, walk: unknown, info: TurnInfo): StepResult {
  if (info.move) return info.move;
  const { input, lang } = info;
  let result = svc.apply(walk, input.choice ?? input.text, lang);
  if (!result.accepted && input.choice && input.text && input.text !== input.choice) {
    // A card press whose option id is unknown here: fall back to what the button says, as if typed.
    result = svc.apply(walk, input.text, lang);
  }
  return (info.move = result);
}

/**
 * The guided diagnosis as a dialog: a thin wrapper that keeps the pure
 * walker's state in dialog state and turns its views into cards. The router
 * runs it only for input that moves the walk (see moveOf); anything else is a
 * free question mid-walk and the walk stays where it was.
 */
export class TroubleshootDialog extends Dialog<TroubleshootOptions> {
  constructor(private readonly services: BotServices) {
    super(TROUBLESHOOT_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: TroubleshootOptions): Promise<DialogTurnResult> {
    const lang = getTurnInfo(dc.context)?.lang ?? 'ja';
    const svc = this.services.troubleshoot;
    if (!svc) {
      // Before /readyz the trees are still loading; after it, the diagnosis is simply not installed.
      await dc.context.sendActivity({ type: 'message', text: t(lang, this.services.knowledge ? 'walkUnavailable' : 'notReady') });
      return dc.endDialog();
    }
    const { state, view, done } = svc.start(options?.facts, lang);
    (dc.activeDialog!.state as WalkInstanceState).walk = state;
    const notice = options?.restarted ? 'walkRestartedNote' : view.kind === 'outcome' ? 'walkJumpedNote' : 'walkStartedNote';
    await dc.context.sendActivity(stepReply(view, lang, t(lang, notice)));
    return done ? dc.endDialog() : Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const info = getTurnInfo(dc.context);
    const lang = info?.lang ?? 'ja';
    const svc = this.services.troubleshoot;
    const instance = dc.activeDialog!.state as WalkInstanceState;
    if (!svc || !info) return Dialog.EndOfTurn;
    let result;
    try {
      result = moveOf(svc, instance.walk, info);
    } catch {
      // Stored state the walker no longer understands (e.g. the tree changed): start over rather than fail every turn.
      await dc.context.sendActivity({ type: 'message', text: t(lang, 'walkCancelled') });
      return dc.endDialog();
    }
    // Not an answer: the router has already handled the message as a free question.
    if (!result.accepted) return Dialog.EndOfTurn;
    instance.walk = result.state;
    if (result.view) await dc.context.sendActivity(stepReply(result.view, lang));
    if (result.done && !result.view && result.solved === undefined) {
      // The walker itself understood a "cancel".
      await dc.context.sendActivity({ type: 'message', text: t(lang, 'walkCancelled') });
      return dc.endDialog();
    }
    if (result.done) {
      if (result.solved === true) await dc.context.sendActivity({ type: 'message', text: t(lang, 'thanksSolved') });
      if (result.solved === false) await dc.context.sendActivity({ type: 'message', text: t(lang, 'notSolved') });
      return dc.endDialog();
    }
    return Dialog.EndOfTurn;
  }

  /** Shows the current step again (after help, a language switch, or a question mid-walk). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const lang = getTurnInfo(context)?.lang ?? 'ja';
    const svc = this.services.troubleshoot;
    const walk = (instance.state as WalkInstanceState).walk;
    if (!svc || walk === undefined) return;
    await context.sendActivity(stepReply(svc.view(walk, lang), lang));
  }
}
