/**
 * One tokenizer and one knowledge base for every search and analysis test of a mocha
 * process: loading the dictionary is the slow part of opening a knowledge base.
 */
import { Analyzer } from '../../../src/core/analysis/analyzer.js';
import { UserDictionary } from '../../../src/core/analysis/filters.js';
import { createTokenizer, type JaTokenizer } from '../../../src/core/analysis/kuromoji-adapter.js';
import { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';

let tokenizer: Promise<JaTokenizer> | undefined;
let kb: Promise<KnowledgeBase> | undefined;
let expander: Promise<GlossaryExpander> | undefined;

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

/** The bundled glossary's expander over the shared knowledge base's analyzer (a build tokenizes every term). */
export function sharedExpander(): Promise<GlossaryExpander> {
  expander ??= sharedKnowledgeBase().then((k) => new GlossaryExpander(k.glossary, k.analyzer));
  return expander;
}

/** An analyzer over the shared tokenizer with the given user-dictionary terms. */
export async function analyzerWith(terms: string[] = [], inflecting: string[] = []): Promise<Analyzer> {
  return new Analyzer(await sharedTokenizer(), new UserDictionary(terms, inflecting));
}
