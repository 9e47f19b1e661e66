/**
 * Benchmark questions: the dev set (test/fixtures/dev.jsonl) plus generated
 * variants, so latency is not measured on a handful of strings the caches
 * already know by heart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/core/repo-root.js';

export interface BenchQuestion {
  q: string;
  lang: 'ja' | 'en';
}

const JA_PREFIX = ['', 'すみません、', 'Power Automate で', '質問です。', '至急:'];
const JA_SUFFIX = ['', '?', 'について教えてください', '。どうすればいいですか', 'の件'];
const EN_PREFIX = ['', 'Hi, ', 'Quick question: ', 'In Power Automate, ', 'Please help: '];
const EN_SUFFIX = ['', '?', ' - any idea?', ' in my flow', ' (urgent)'];

/** Deterministic small PRNG (mulberry32): the same variants in every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function devQuestions(): BenchQuestion[] {
  return readFileSync(join(repoRoot(), 'test', 'fixtures', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { q: string; lang: 'ja' | 'en' })
    .map(({ q, lang }) => ({ q, lang }));
}

/** The dev questions and `variantsPerQuestion` rephrasings of each (prefix/suffix, case, width). */
export function benchQuestions(variantsPerQuestion = 4, seed = 42): BenchQuestion[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const out: BenchQuestion[] = [];
  for (const base of devQuestions()) {
    out.push(base);
    for (let i = 0; i < variantsPerQuestion; i++) {
      let q = base.q;
      if (base.lang === 'ja') {
        q = `${pick(JA_PREFIX)}${q.replace(/[??]$/, '')}${pick(JA_SUFFIX)}`;
        // Full-width digits and Latin letters as a Japanese IME might type them.
        if (rand() < 0.3) q = q.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      } else {
        q = `${pick(EN_PREFIX)}${q.replace(/\?$/, '')}${pick(EN_SUFFIX)}`;
        if (rand() < 0.3) q = q.toLowerCase();
      }
      out.push({ q, lang: base.lang });
    }
  }
  return out;
}
