/**
 * `node dist/src/cli/build-index.js` (part of `npm run build`): writes the kuromoji
 * dictionary decompressed into .cache/ and builds the search index ahead of time, so
 * the bot starts without gunzipping the dictionary or re-tokenizing the corpus, and
 * compiles the troubleshooting trees' schema check, so it starts without ajv's compiler.
 */
import { dictionaryCacheFile, writeDictionaryCache } from '../core/analysis/kuromoji-adapter.js';
import { defaultIndexFile, loadKnowledge } from '../core/search/knowledge-loader.js';
import { treeShapeFile, writeTreeShapeCheck } from '../core/troubleshoot/tree-shape.js';

async function main(): Promise<void> {
  const started = Date.now();
  const wrote = writeDictionaryCache();
  process.stdout.write(`kuromoji dictionary cache ${wrote ? 'written' : 'up to date'}: ${dictionaryCacheFile()} (${Date.now() - started} ms)\n`);
  writeTreeShapeCheck();
  process.stdout.write(`troubleshooting tree check compiled: ${treeShapeFile()}\n`);
  const kb = await loadKnowledge();
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
