import type { TurnContext } from 'botbuilder';
import type { Lang } from '../content/types.js';
import type { TurnInput } from './input.js';
import type { StepResult } from './services.js';

const TURN_KEY = Symbol('pa-bot.turn');

/** Per-turn facts every dialog needs: the reply language and the user's input. */
export interface TurnInfo {
  lang: Lang;
  input: TurnInput;
  /** The input applied to the current walk (see moveOf), computed once per turn. */
  move?: StepResult;
}

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(TURN_KEY, info);
}

export function getTurnInfo(context: TurnContext): TurnInfo | undefined {
  return context.turnState.get(TURN_KEY) as TurnInfo | undefined;
}
