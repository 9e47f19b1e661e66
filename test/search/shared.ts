/**
 * One knowledge base for every search test: the kuromoji dictionary is slow and
 * large to load, so tests share a single instance per mocha process.
 */
import { KnowledgeBase } from '../../src/core/search/knowledge-base.js';
import { Analyzer } from '../../src/core/analysis/analyzer.js';
import { UserDictionary } from '../../src/core/analysis/filters.js';
import { loadTokenizer } from '../../src/core/analysis/kuromoji-loader.js';

let kb: Promise<KnowledgeBase> | undefined;

/** The bundled knowledge base (prebuilt index, rebuilt when stale). */
export function sharedKnowledgeBase(): Promise<KnowledgeBase> {
  kb ??= KnowledgeBase.open();
  return kb;
}

/** An analyzer over the shared tokenizer with the given user-dictionary terms. */
export async function analyzerWith(terms: string[] = []): Promise<Analyzer> {
  return new Analyzer(await loadTokenizer(), new UserDictionary(terms));
}
