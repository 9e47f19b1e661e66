/**
 * Benchmark questions, read from test/fixtures/bench-questions.jsonl: the dev
 * questions, each with rephrasings a user might type (prefixes and suffixes,
 * lower case, full-width characters), so latency is not measured on a handful
 * of strings the caches already know by heart. A fixed set, so figures stay
 * comparable when the evaluation sets change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/core/repo-root.js';

export interface BenchQuestion {
  q: string;
  lang: 'ja' | 'en';
}

interface FixtureLine {
  q: string;
  lang: 'ja' | 'en';
  variants: string[];
}

export const BENCH_QUESTIONS_FILE = join(repoRoot(), 'test', 'fixtures', 'bench-questions.jsonl');

function readFixture(): FixtureLine[] {
  return readFileSync(BENCH_QUESTIONS_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FixtureLine);
}

/** The dev questions the bench set is built from, without their rephrasings. */
export function devQuestions(): BenchQuestion[] {
  return benchQuestions(0);
}

/** Every base question followed by its first `variantsPerQuestion` rephrasings. */
export function benchQuestions(variantsPerQuestion = 4): BenchQuestion[] {
  return readFixture().flatMap(({ q, lang, variants }) => [
    { q, lang },
    ...variants.slice(0, variantsPerQuestion).map((v) => ({ q: v, lang })),
  ]);
}
