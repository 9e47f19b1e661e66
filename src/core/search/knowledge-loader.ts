/**
 * Loading the knowledge base: documents, glossary, near topics and curated answers read and verified,
 * the tokenizer loaded, and the prebuilt search index opened (or rebuilt and saved when
 * stale). What it returns is everything KnowledgeBase needs to answer.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadCuratedAnswers, type CuratedAnswer } from '../../content/curated.js';
import { loadDocuments } from '../../content/documents.js';
import { loadGlossary, type GlossaryEntry } from '../../content/glossary.js';
import { loadNearTopics, type NearTopic } from '../../content/near-topics.js';
import { passagesOf, type Passage } from '../../content/passages.js';
import type { SourceDocument } from '../../content/types.js';
import { Analyzer } from '../analysis/analyzer.js';
import { UserDictionary } from '../analysis/filters.js';
import { createTokenizer, type JaTokenizer } from '../analysis/kuromoji-adapter.js';
import { repoRoot } from '../repo-root.js';
import type { GlossaryExpander } from './glossary-expansion.js';
import { buildIndex, knowledgeHash, loadIndex, saveIndex, type SearchIndex } from './index-store.js';
import { openGlossaryExpander } from './saved-glossary.js';
import { openVariants, type Variants } from './variants.js';

export interface LoadOptions {
  /** Folder with the documents, glossary.yaml, near-topics.yaml and answers/ (default: <repo>/knowledge). */
  knowledgeDir?: string;
  /** Prebuilt index file (default: defaultIndexFile(knowledgeDir)). */
  indexFile?: string;
  /** Throw instead of collecting load errors. */
  strict?: boolean;
  /** A tokenizer to use instead of loading one (several knowledge bases in one process can share it). */
  tokenizer?: JaTokenizer | Promise<JaTokenizer>;
}

/** How the index was obtained (for logs and the build script). */
export type IndexSource = 'prebuilt' | 'rebuilt';

export interface LoadedKnowledge {
  documents: SourceDocument[];
  passages: Passage[];
  curated: CuratedAnswer[];
  glossary: GlossaryEntry[];
  /** Products and features next to the knowledge's subject, with their names (see near-topics). */
  nearTopics: NearTopic[];
  /** Problems found while loading (broken files, rejected entries), each naming the file. */
  loadErrors: string[];
  indexSource: IndexSource;
  analyzer: Analyzer;
  index: SearchIndex;
  expander: GlossaryExpander;
  variants: Variants;
}

export function defaultKnowledgeDir(): string {
  return join(repoRoot(), 'knowledge');
}

/**
 * Where the prebuilt index of a knowledge folder lives: <repo>/.cache/knowledge-index.json
 * for the bundled folder, a file named after the folder's path for any other, so two
 * folders never overwrite each other's index.
 */
export function defaultIndexFile(knowledgeDir: string = defaultKnowledgeDir()): string {
  const dir = resolve(knowledgeDir);
  const name = dir === resolve(defaultKnowledgeDir()) ? 'knowledge-index.json' : `knowledge-index-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}.json`;
  return join(repoRoot(), '.cache', name);
}

/** Loads documents, glossary, near topics, curated answers and the tokenizer; opens the prebuilt index (rebuilding it when stale). */
export async function loadKnowledge(options: LoadOptions = {}): Promise<LoadedKnowledge> {
  const knowledgeDir = options.knowledgeDir ?? defaultKnowledgeDir();
  const indexFile = options.indexFile ?? defaultIndexFile(knowledgeDir);
  const loadErrors: string[] = [];
  // Started first: the dictionary's file read runs while the YAML is parsed.
  const tokenizer = options.tokenizer ?? createTokenizer();

  const docs = loadDocuments(knowledgeDir);
  loadErrors.push(...docs.errors.map((e) => e.message));
  const glossary = loadGlossary(join(knowledgeDir, 'glossary.yaml'));
  loadErrors.push(...glossary.errors);
  const nearTopics = loadNearTopics(join(knowledgeDir, 'near-topics.yaml'));
  loadErrors.push(...nearTopics.errors);
  const curated = loadCuratedAnswers(join(knowledgeDir, 'answers'), docs.documents);
  loadErrors.push(...curated.errors);
  if (options.strict && loadErrors.length) throw new Error(`knowledge failed to load:\n${loadErrors.join('\n')}`);

  const analyzer = new Analyzer(await tokenizer, userDictionaryOf(glossary.entries));
  const passages = docs.documents.flatMap((d) => passagesOf(d));
  const hash = knowledgeHash(knowledgeDir);
  let index = loadIndex(indexFile, hash);
  let indexSource: IndexSource = 'prebuilt';
  if (!index) {
    index = buildIndex(hash, passages, docs.documents, curated.answers, analyzer);
    indexSource = 'rebuilt';
    try {
      saveIndex(index, indexFile);
    } catch (e) {
      loadErrors.push(`${indexFile}: could not save the index: ${(e as Error).message}`);
    }
  }
  const savedBeside = (name: string) => indexFile.replace(/(\.json)?$/, `-${name}.json`);
  const { expander, errors: glossaryErrors } = openGlossaryExpander(savedBeside('glossary'), index.hash, glossary.entries, analyzer);
  loadErrors.push(...glossaryErrors);
  // Spelling variants depend on the vocabulary only: built with the index, saved beside it.
  const variants = await openVariants(savedBeside('variants'), index, expander, analyzer);
  loadErrors.push(...variants.errors);
  return {
    documents: docs.documents,
    passages,
    curated: curated.answers,
    glossary: glossary.entries,
    nearTopics: nearTopics.topics,
    loadErrors,
    indexSource,
    analyzer,
    index,
    expander,
    variants: variants.table,
  };
}

/**
 * Compound terms kept whole by the analyzer: every glossary term (both languages) and spelling; a
 * spelling, written as askers write, also where they inflect it.
 */
function userDictionaryOf(entries: readonly GlossaryEntry[]): UserDictionary {
  return new UserDictionary(
    entries.flatMap((e) => [...e.ja, ...e.en]),
    entries.flatMap((e) => e.spellings ?? []),
  );
}
