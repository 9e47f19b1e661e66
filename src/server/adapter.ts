import type { TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { AuthenticatedAdapter } from './authenticated-adapter.js';
import { createBotAuthentication } from './bot-auth.js';
import type { ServerConfig } from './config.js';
import { keepEntityFields } from './outbound-entities.js';

/**
 * The CloudAdapter with Bot Framework authentication from the configuration:
 * with an app id every request must carry a valid token (checked in bot-auth.ts
 * before a turn runs); without one, anonymous requests are accepted (local mode). A
 * turn that throws goes to `onTurnError`, which the bot supplies: the reply to
 * an error is the bot's to write.
 */
export function createAdapter(
  config: ServerConfig,
  onTurnError: (context: TurnContext, error: unknown) => Promise<void>,
  auth: BotFrameworkAuthentication = createBotAuthentication(config),
): AuthenticatedAdapter {
  // The replies' citation entity must reach the channel whole (see outbound-entities.ts).
  keepEntityFields();
  const adapter = new AuthenticatedAdapter(auth);
  adapter.onTurnError = onTurnError;
  return adapter;
}
