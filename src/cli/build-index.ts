/**
 * `node dist/src/cli/build-index.js` (part of `npm run build`): builds the search
 * index ahead of time so the bot starts without re-tokenizing the corpus.
 */
import { defaultIndexFile, KnowledgeBase } from '../core/search/knowledge-base.js';

async function main(): Promise<void> {
  const started = Date.now();
  const kb = await KnowledgeBase.open();
  for (const e of kb.loadErrors) process.stderr.write(`warning: ${e}\n`);
  process.stdout.write(
    `knowledge index ${kb.indexSource === 'rebuilt' ? 'built' : 'up to date'}: ${kb.passages.length} passages, ` +
      `${kb.curated.length} curated answers, ${kb.documents.length} documents → ${defaultIndexFile()} (${Date.now() - started} ms)\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`build-index: ${(e as Error).message}\n`);
  process.exit(1);
});
