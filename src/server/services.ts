import { join } from 'node:path';
import type { BotServices, TroubleshootService } from '../bot/services.js';
import { KnowledgeBase, repoRoot } from '../core/search/knowledge-base.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';

/**
 * Loads what the bot answers from: the knowledge base (dictionary, index) and
 * the troubleshooting trees. Runs after the server is listening; /readyz turns
 * 200 when it resolves. Broken trees disable the diagnosis (logged), they do
 * not stop the bot from answering questions.
 */
export async function loadServices(config: ServerConfig, logger: Logger): Promise<BotServices> {
  const started = Date.now();
  const kb = await KnowledgeBase.open(config.knowledgeDir ? { knowledgeDir: config.knowledgeDir } : {});
  for (const e of kb.loadErrors) logger.warn({ problem: e }, 'knowledge load problem');
  logger.info({ documents: kb.documents.length, index: kb.indexSource, ms: Date.now() - started }, 'knowledge base loaded');
  const troubleshoot = await loadTroubleshooter(config.dialogsDir ?? join(repoRoot(), 'dialogs'), kb, logger);
  return { knowledge: kb, troubleshoot };
}

async function loadTroubleshooter(dialogsDir: string, kb: KnowledgeBase, logger: Logger): Promise<TroubleshootService | undefined> {
  try {
    // Loaded lazily so a missing or broken engine disables the diagnosis instead of the whole server.
    const core = await import('../core/troubleshoot/index.js');
    const { troubleshootService } = await import('../bot/troubleshooter.js');
    const loaded = core.loadTrees(dialogsDir, kb.documents) as unknown;
    const result = loaded as { trees?: unknown; errors?: unknown };
    const trees = (Array.isArray(loaded) ? loaded : Array.isArray(result?.trees) ? result.trees : []) as Parameters<typeof troubleshootService>[0];
    const errors = Array.isArray(result?.errors) ? result.errors : [];
    for (const e of errors) logger.warn({ problem: typeof e === 'string' ? e : (e as Error)?.message ?? JSON.stringify(e) }, 'troubleshooting tree problem');
    const service = troubleshootService(trees);
    // Smoke check at load, not in a user's turn.
    service.view(service.start(undefined, 'ja').state, 'en');
    logger.info({ trees: trees.map((t) => t.id) }, 'troubleshooting trees loaded');
    return service;
  } catch (err) {
    logger.warn({ err: (err as Error).message, dialogsDir }, 'troubleshooting unavailable');
    return undefined;
  }
}
