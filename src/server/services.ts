import type { BotServices } from '../bot/services.js';
import { KnowledgeBase } from '../core/search/knowledge-base.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';

/**
 * Loads what the bot answers from: the knowledge base (dictionary, index) and
 * the troubleshooting trees. Runs after the server is listening; /readyz turns
 * 200 when it resolves.
 */
export async function loadServices(config: ServerConfig, logger: Logger): Promise<BotServices> {
  const started = Date.now();
  const kb = await KnowledgeBase.open(config.knowledgeDir ? { knowledgeDir: config.knowledgeDir } : {});
  for (const e of kb.loadErrors) logger.warn({ problem: e }, 'knowledge load problem');
  logger.info({ documents: kb.documents.length, index: kb.indexSource, ms: Date.now() - started }, 'knowledge base loaded');
  return { knowledge: kb };
}
