/**
 * The scale curve: index build time and size, index load time, RSS and answer
 * latency at 1× (the bundled knowledge), 10× and 100× (generated corpora).
 * Each figure comes from a fresh child process (scale-worker), so the memory of
 * one scale never leaks into the next.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultKnowledgeDir } from '../../src/core/search/knowledge-loader.js';
import { generateCorpus } from './corpus-generator.js';
import type { BuildResult, LoadResult } from './scale-worker.js';

export interface ScalePoint {
  scale: number;
  documents: number;
  corpusBytes: number;
  build: BuildResult;
  load: LoadResult;
}

function worker(mode: 'build' | 'load', knowledgeDir: string, indexFile: string, scale: number): unknown {
  const out = execFileSync(process.execPath, [join(__dirname, 'scale-worker.js'), mode, knowledgeDir, indexFile, String(scale)], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}

/** Measures one scale; the generated corpus and its index are deleted afterwards. */
export function measureScale(scale: number, log: (s: string) => void = () => {}): ScalePoint {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-index-'));
  const indexFile = join(tmp, 'index.json');
  let corpus = { dir: defaultKnowledgeDir(), documents: 0, bytes: 0 };
  const generated = scale > 1;
  try {
    if (generated) {
      log(`  generating the ${scale}× corpus…`);
      corpus = generateCorpus(defaultKnowledgeDir(), scale);
    }
    log(`  ${scale}×: building the index…`);
    const build = worker('build', corpus.dir, indexFile, scale) as BuildResult;
    log(`  ${scale}×: loading it and asking…`);
    const load = worker('load', corpus.dir, indexFile, scale) as LoadResult;
    return { scale, documents: build.documents, corpusBytes: corpus.bytes, build, load };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (generated) rmSync(corpus.dir, { recursive: true, force: true });
  }
}
