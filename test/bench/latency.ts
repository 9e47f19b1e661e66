/**
 * In-process answer latency: KnowledgeBase.ask() timed per call with the
 * high-resolution clock, after a warm-up pass so JIT and caches are settled.
 */
import type { KnowledgeBase } from '../../src/core/search/knowledge-base.js';
import type { BenchQuestion } from './questions.js';
import { percentile } from './table.js';

export interface LatencyFigures {
  lang: 'ja' | 'en';
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Times every question `rounds` times (after `warmup` untimed rounds); figures per language, in ms. */
export function answerLatency(kb: KnowledgeBase, questions: readonly BenchQuestion[], rounds = 5, warmup = 2): LatencyFigures[] {
  for (let r = 0; r < warmup; r++) for (const { q, lang } of questions) kb.ask(q, { lang });
  const samples: Record<'ja' | 'en', number[]> = { ja: [], en: [] };
  for (let r = 0; r < rounds; r++) {
    for (const { q, lang } of questions) {
      const t0 = process.hrtime.bigint();
      kb.ask(q, { lang });
      samples[lang].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return (['ja', 'en'] as const).map((lang) => {
    const s = samples[lang];
    return { lang, n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: Math.max(...s) };
  });
}
