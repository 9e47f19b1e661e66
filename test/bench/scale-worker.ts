/**
 * One scale point, run in its own process so its memory is its own:
 *   node scale-worker.js build <knowledgeDir> <indexFile>  → index build time and size
 *   node scale-worker.js load  <knowledgeDir> <indexFile>  → index load time, RSS, answer latency
 *                                                           (with and without the search cache)
 * The dictionary is loaded before the clock starts in both modes: its ~0.6 s
 * is the same at every scale and is measured by the cold start instead.
 * Prints one JSON object on stdout.
 */
import { statSync } from 'node:fs';
import { createTokenizer } from '../../src/core/analysis/kuromoji-adapter.js';
import { KnowledgeBase } from '../../src/core/search/knowledge-base.js';
import { answerLatency } from './latency.js';
import { benchQuestions } from './questions.js';
import { rssMB } from './table.js';

export interface BuildResult {
  buildMs: number;
  indexBytes: number;
  passages: number;
  documents: number;
  source: string;
}

export interface LoadResult {
  loadMs: number;
  rssMB: number;
  heapMB: number;
  latency: ReturnType<typeof answerLatency>;
  /** The same questions with no search cache: every ask searches minisearch for each of its terms and bigrams. */
  uncached: ReturnType<typeof answerLatency>;
  source: string;
}

async function main(): Promise<void> {
  const [mode, knowledgeDir, indexFile, scaleArg] = process.argv.slice(2);
  // Fewer timed rounds on big corpora, where each ask is slower; at least two, so p99 is
  // not simply the slowest ask of a language.
  const rounds = Number(scaleArg ?? 1) >= 10 ? 2 : 5;
  const warmup = rounds === 5 ? 2 : 1;
  const tokenizer = await createTokenizer();
  const t0 = performance.now();
  // The timed rounds repeat the same questions: with the answer cache every timed ask would be a lookup.
  const kb = await KnowledgeBase.open({ knowledgeDir, indexFile, tokenizer, answerCacheSize: 0 });
  const ms = performance.now() - t0;
  if (mode === 'build') {
    const out: BuildResult = { buildMs: ms, indexBytes: statSync(indexFile).size, passages: kb.passages.length, documents: kb.documents.length, source: kb.indexSource };
    process.stdout.write(JSON.stringify(out));
    return;
  }
  const rss = rssMB();
  const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
  const latency = answerLatency(kb, benchQuestions(), rounds, warmup);
  // Measured after RSS: a second copy of the index. It gets its own warm-up round: with no
  // search cache that round stores nothing for later asks, but the first asks on a freshly
  // loaded copy are slower than every later one and would make the tail.
  const uncachedKb = await KnowledgeBase.open({ knowledgeDir, indexFile, tokenizer, searchCacheHits: 0, answerCacheSize: 0 });
  const uncached = answerLatency(uncachedKb, benchQuestions(), rounds, warmup);
  const out: LoadResult = { loadMs: ms, rssMB: rss, heapMB, latency, uncached, source: kb.indexSource };
  process.stdout.write(JSON.stringify(out));
}

main().catch((e: Error) => {
  process.stderr.write(`scale-worker: ${e.stack}\n`);
  process.exit(1);
});
