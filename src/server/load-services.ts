import { join } from 'node:path';
import type { BotServices, TroubleshootService } from '../bot/services.js';
import { troubleshootService } from '../bot/troubleshoot-service.js';
import { loadTrees } from '../core/troubleshoot/index.js';
import { repoRoot } from '../core/repo-root.js';
import { KnowledgeBase } from '../core/search/knowledge-base.js';
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
  const kb = await KnowledgeBase.open({ answerCacheSize: config.answerCacheSize, ...(config.knowledgeDir ? { knowledgeDir: config.knowledgeDir } : {}) });
  for (const e of kb.loadErrors) logger.warn({ problem: e }, 'knowledge load problem');
  logger.info({ documents: kb.documents.length, index: kb.indexSource, ms: Date.now() - started }, 'knowledge base loaded');
  const troubleshoot = loadTroubleshooter(config.dialogsDir ?? join(repoRoot(), 'dialogs'), kb, logger);
  return { knowledge: kb, troubleshoot };
}

function loadTroubleshooter(dialogsDir: string, kb: KnowledgeBase, logger: Logger): TroubleshootService | undefined {
  // The dictionary's readings let an answer spell the tree's kanji nouns in hiragana (かんりしゃ).
  const { trees, errors } = loadTrees(dialogsDir, kb.documents, (text) =>
    kb.analyzer.tokens(text).flatMap((t) => (t.pos === '名詞' && t.reading ? [{ surface: t.surface, reading: t.reading }] : [])),
  );
  for (const problem of errors) logger.error({ problem }, 'troubleshooting tree rejected');
  if (!trees.length) {
    logger.warn({ dialogsDir }, 'no valid troubleshooting tree: the guided diagnosis is unavailable');
    return undefined;
  }
  logger.info({ trees: trees.map((t) => t.id) }, 'troubleshooting trees loaded');
  return troubleshootService(trees, (c) => kb.englishOf(c));
}
