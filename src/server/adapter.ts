import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { readInput } from '../bot/input.js';
import { pickLang } from '../bot/language/pick.js';
import { t } from '../bot/language/strings.js';
import { ids } from '../bot/teams-bot.js';
import { getTurnInfo } from '../bot/turn.js';
import { botAuthConfig, type ServerConfig } from './config.js';
import type { Logger } from './logger.js';

/**
 * The CloudAdapter with Bot Framework authentication from the configuration:
 * with an app id every request must carry a valid token (the SDK answers 401
 * otherwise); without one, anonymous requests are accepted (local mode).
 */
export function createAdapter(config: ServerConfig, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    botAuthConfig(config) as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = (context, error) => onTurnError(context, error, logger);
  return adapter;
}

/**
 * Logs the failure with ids (message text only at debug level), tells the user
 * briefly in their language, and leaves state as it was before the turn (the
 * bot saves state only after a successful turn), so the next message works.
 */
export async function onTurnError(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  const err = error instanceof Error ? error : new Error(String(error));
  logger.error({ ...ids(context), err: { name: err.name, message: err.message, stack: err.stack } }, 'turn failed');
  if (context.activity?.type !== 'message') return;
  try {
    const lang = getTurnInfo(context)?.lang ?? pickLang(readInput(context.activity).text, context.activity.locale);
    await context.sendActivity({ type: 'message', text: t(lang, 'turnError') });
  } catch (sendErr) {
    logger.error({ ...ids(context), err: (sendErr as Error).message }, 'could not send the apology either');
  }
}
