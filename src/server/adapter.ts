import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { botAuthConfig, type ServerConfig } from './config.js';

/**
 * The CloudAdapter with Bot Framework authentication from the configuration:
 * with an app id every request must carry a valid token (the SDK answers 401
 * otherwise); without one, anonymous requests are accepted (local mode). A
 * turn that throws goes to `onTurnError`, which the bot supplies: the reply to
 * an error is the bot's to write.
 */
export function createAdapter(config: ServerConfig, onTurnError: (context: TurnContext, error: unknown) => Promise<void>): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    botAuthConfig(config) as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = onTurnError;
  return adapter;
}
