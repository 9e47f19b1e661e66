/**
 * One tokenizer and one knowledge base for every search and analysis test of a mocha
 * process: loading the dictionary is the slow part of opening a knowledge base.
 */
import { Analyzer } from '../../../src/core/analysis/analyzer.js';
import { UserDictionary } from '../../../src/core/analysis/filters.js';
import { createTokenizer, type JaTokenizer } from '../../../src/core/analysis/kuromoji-adapter.js';
import { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';

let tokenizer: Promise<JaTokenizer> | undefined;
let kb: Promise<KnowledgeBase> | undefined;

/** The tokenizer the shared knowledge base uses. */
export function sharedTokenizer(): Promise<JaTokenizer> {
  tokenizer ??= createTokenizer();
  return tokenizer;
}

/** The bundled knowledge base (prebuilt index, rebuilt when stale). */
export function sharedKnowledgeBase(): Promise<KnowledgeBase> {
  kb ??= KnowledgeBase.open({ tokenizer: sharedTokenizer() });
  return kb;
}

/** An analyzer over the shared tokenizer with the given user-dictionary terms. */
export async function analyzerWith(terms: string[] = []): Promise<Analyzer> {
  return new Analyzer(await sharedTokenizer(), new UserDictionary(terms));
}
