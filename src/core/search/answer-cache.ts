import { LRUCache } from 'lru-cache';
import type { AskResult } from './types.js';
import { deepFreeze } from '../deep-freeze.js';

/**
 * Whole answers kept by question text, language and limit. Teams users ask the
 * same few things again and again ("接続が無効になりました"), and one ask() is a
 * tokenization, a dozen index searches and a ranking; a repeat needs none of it.
 * Entries are frozen: every caller gets the same object and must not change it.
 */
export class AnswerCache {
  private readonly lru: LRUCache<string, AskResult> | undefined;
  hits = 0;
  misses = 0;

  /** `maxEntries` 0 keeps nothing (every ask searches). */
  constructor(readonly maxEntries = 2000) {
    this.lru = maxEntries > 0 ? new LRUCache({ max: maxEntries }) : undefined;
  }

  get(question: string, lang: string, limit: number, answer: () => AskResult): AskResult {
    if (!this.lru) return answer();
    const key = `${lang}\u0000${limit}\u0000${question}`;
    const cached = this.lru.get(key);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const result = deepFreeze(answer());
    this.lru.set(key, result);
    return result;
  }

  /** Answers kept: never more than maxEntries. */
  get size(): number {
    return this.lru?.size ?? 0;
  }
}
