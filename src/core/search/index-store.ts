/**
 * The search index: one minisearch index over passages and curated answers, with
 * fields analyzed by the Japanese chain, plus document frequencies for coverage.
 * It is built ahead (npm run build) and saved; a hash of the knowledge files and
 * the analyzer version tells when the saved index is stale.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import MiniSearch from 'minisearch';
import { ANALYZER_VERSION, identifierWords, japaneseBigrams, type Analyzer } from '../analysis/analyzer.js';
import type { CuratedAnswer } from '../../content/curated.js';
import { CHUNKER_VERSION, type Passage } from '../../content/passages.js';
import type { SourceDocument } from '../../content/types.js';

/** Bump when the index layout or field contents change. */
export const INDEX_FORMAT = 5;

export interface IndexedItem {
  /** "p:<passage id>" or "c:<curated id>". */
  id: string;
  kind: 'passage' | 'curated';
  ref: string;
}

interface IndexRecord {
  id: string;
  terms: string;
  section: string;
  title: string;
  questions: string;
  bigrams: string;
  /** Words inside identifiers (camelCase and hyphen parts). */
  parts: string;
}

export const INDEX_FIELDS = ['terms', 'section', 'title', 'questions', 'bigrams', 'parts'] as const;

const splitTerms = (s: string): string[] => s.split(' ').filter(Boolean);

export function miniSearchOptions() {
  return {
    fields: [...INDEX_FIELDS],
    idField: 'id',
    tokenize: splitTerms,
    processTerm: (t: string) => t,
    searchOptions: { tokenize: splitTerms, processTerm: (t: string) => t },
  };
}

export interface SearchIndex {
  hash: string;
  items: IndexedItem[];
  /** Document frequency of every term of the main fields. */
  df: Map<string, number>;
  miniSearch: MiniSearch<IndexRecord>;
}

/** Hash of every file under the knowledge folder plus the analyzer and index versions. */
export function knowledgeHash(knowledgeDir: string): string {
  const h = createHash('sha256').update(`${ANALYZER_VERSION}|${INDEX_FORMAT}|${CHUNKER_VERSION}\n`);
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(knowledgeDir, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(knowledgeDir);
  return h.digest('hex');
}

function passageRecord(p: Passage, doc: SourceDocument | undefined, a: Analyzer): IndexRecord {
  return {
    id: `p:${p.id}`,
    terms: a.terms(p.text).join(' '),
    section: a.terms(p.sectionPath.slice(-2).join(' ')).join(' '),
    title: doc ? a.terms(doc.title).join(' ') : '',
    questions: '',
    bigrams: japaneseBigrams(p.text).join(' '),
    parts: identifierWords(p.text).join(' '),
  };
}

function curatedRecord(c: CuratedAnswer, a: Analyzer): IndexRecord {
  const questions = [...c.questions.ja, ...c.questions.en];
  return {
    id: `c:${c.id}`,
    terms: a.terms(`${c.answer.ja}\n${c.answer.en}`).join(' '),
    section: '',
    title: '',
    questions: questions.flatMap((q) => a.terms(q)).join(' '),
    bigrams: japaneseBigrams([...c.questions.ja, c.answer.ja].join('\n')).join(' '),
    parts: identifierWords([...questions, c.answer.ja].join('\n')).join(' '),
  };
}

/** Builds the index from passages and curated answers (tokenizes everything: ~1 s). */
export function buildIndex(
  hash: string,
  passages: readonly Passage[],
  documents: readonly SourceDocument[],
  curated: readonly CuratedAnswer[],
  analyzer: Analyzer,
): SearchIndex {
  const records = [
    ...passages.map((p) => passageRecord(p, documents.find((d) => d.id === p.docId), analyzer)),
    ...curated.map((c) => curatedRecord(c, analyzer)),
  ];
  const items: IndexedItem[] = [
    ...passages.map((p) => ({ id: `p:${p.id}`, kind: 'passage' as const, ref: p.id })),
    ...curated.map((c) => ({ id: `c:${c.id}`, kind: 'curated' as const, ref: c.id })),
  ];
  const miniSearch = new MiniSearch<IndexRecord>(miniSearchOptions());
  miniSearch.addAll(records);
  const df = new Map<string, number>();
  for (const r of records) {
    for (const t of new Set(splitTerms(`${r.terms} ${r.section} ${r.title} ${r.questions}`))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { hash, items, df, miniSearch };
}

interface SavedIndex {
  format: number;
  analyzerVersion: string;
  hash: string;
  items: IndexedItem[];
  df: [string, number][];
  miniSearch: unknown;
}

/** Writes the index atomically (temp file + rename) so a crashed write never leaves a half file. */
export function saveIndex(index: SearchIndex, file: string): void {
  const saved: SavedIndex = {
    format: INDEX_FORMAT,
    analyzerVersion: ANALYZER_VERSION,
    hash: index.hash,
    items: index.items,
    df: [...index.df],
    miniSearch: index.miniSearch.toJSON(),
  };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(saved));
  renameSync(tmp, file);
}

/** Loads a saved index when it matches `hash`; undefined when missing, unreadable or stale. */
export function loadIndex(file: string, hash: string): SearchIndex | undefined {
  let saved: SavedIndex;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedIndex;
  } catch {
    return undefined;
  }
  if (saved.format !== INDEX_FORMAT || saved.analyzerVersion !== ANALYZER_VERSION || saved.hash !== hash) return undefined;
  const miniSearch = MiniSearch.loadJS<IndexRecord>(saved.miniSearch as never, miniSearchOptions());
  return { hash, items: saved.items, df: new Map(saved.df), miniSearch };
}
