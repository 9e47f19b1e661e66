/**
 * The search index: one minisearch index over passages and curated answers, with
 * fields analyzed by the Japanese chain, and the analyzed quote sentences of every
 * passage (see quote-index). It is built ahead (npm run build) and saved; a hash of
 * the knowledge files and of the code that builds it tells when the saved index is stale.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname, join, relative } from 'node:path';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { identifierWords, japaneseBigrams, type Analyzer } from '../analysis/analyzer.js';
import type { CuratedAnswer } from '../../content/curated.js';
import type { Passage } from '../../content/passages.js';
import type { SourceDocument } from '../../content/types.js';
import { quoteIndex, type Ints, type QuoteIndex } from './quote-index.js';
import { writeFileWhole } from '../write-whole.js';

export interface IndexedItem {
  /** "p:<passage id>" or "c:<curated id>". */
  id: string;
  kind: 'passage' | 'curated';
  ref: string;
}

export interface IndexRecord {
  /** Position in SearchIndex.items: search results name items by it. */
  id: number;
  terms: string;
  section: string;
  title: string;
  questions: string;
  bigrams: string;
  /** Words inside identifiers (camelCase and hyphen parts). */
  parts: string;
}

const INDEX_FIELDS = ['terms', 'section', 'title', 'questions', 'bigrams', 'parts'] as const;

const splitTerms = (s: string): string[] => s.split(' ').filter(Boolean);

export interface SearchIndex {
  hash: string;
  items: IndexedItem[];
  miniSearch: MiniSearch<IndexRecord>;
  quotes: QuoteIndex;
}

/**
 * Terms are analyzed before they reach minisearch: field values are analyzed terms joined
 * by spaces, and every search is for one analyzed term, which minisearch neither splits
 * nor changes. No stored fields: a result's id is the item's position.
 */
function miniSearchOptions(): Options<IndexRecord> {
  return {
    fields: [...INDEX_FIELDS],
    tokenize: splitTerms,
    processTerm: (t) => t,
    searchOptions: { tokenize: (t) => [t], processTerm: (t) => t },
  };
}

/**
 * The folders whose compiled code decides what is saved: the chunker and content
 * readers, the analyzer chain, and the index and variant tables themselves. Their
 * code is hashed rather than versioned by hand, so no change to them can leave a
 * stale saved index in use.
 */
const CODE_DIRS = ['../../content', '../analysis', '.'];

/**
 * The packages whose data goes into the saved index: kuromoji's dictionary decides the
 * tokens and Sudachi's synonym groups the variant tables, so a new version of either
 * must rebuild it as a code change does.
 */
const DATA_PACKAGES = ['kuromoji', 'sudachi-synonyms-dictionary'];

/** Hash of every file under the knowledge folder and of the code that turns them into the saved index. */
export function knowledgeHash(knowledgeDir: string): string {
  const h = createHash('sha256');
  const walk = (dir: string, root: string, only?: RegExp): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p, root, only);
      else if (!only || only.test(name)) h.update(relative(root, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(knowledgeDir, knowledgeDir);
  for (const d of CODE_DIRS) walk(join(__dirname, d), __dirname, /\.js$/);
  for (const name of DATA_PACKAGES) h.update(`${name}@${packageVersion(name)}`).update('\0');
  return h.digest('hex');
}

/**
 * The installed version of a package, read from the package.json above its entry point,
 * because a package whose `exports` omit it cannot be asked for `name/package.json`.
 */
export function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '';
    } catch {
      // No package.json at this level: keep climbing.
    }
    const up = dirname(dir);
    if (up === dir) return '';
    dir = up;
  }
}

function passageRecord(id: number, p: Passage, doc: SourceDocument | undefined, a: Analyzer): IndexRecord {
  return {
    id,
    terms: a.terms(p.text).join(' '),
    section: a.terms(p.sectionPath.slice(-2).join(' ')).join(' '),
    title: doc ? a.terms(doc.title).join(' ') : '',
    questions: '',
    bigrams: japaneseBigrams(p.text).join(' '),
    parts: identifierWords(p.text).join(' '),
  };
}

function curatedRecord(id: number, c: CuratedAnswer, a: Analyzer): IndexRecord {
  const questions = [...c.questions.ja, ...c.questions.en];
  return {
    id,
    terms: a.terms(`${c.answer.ja}\n${c.answer.en}`).join(' '),
    section: '',
    title: '',
    questions: questions.flatMap((q) => a.terms(q)).join(' '),
    bigrams: japaneseBigrams([...c.questions.ja, c.answer.ja].join('\n')).join(' '),
    parts: identifierWords([...questions, c.answer.ja].join('\n')).join(' '),
  };
}

/** The analyzed field values of every item, in index order: passages, then curated answers. */
export function indexRecords(
  passages: readonly Passage[],
  documents: readonly SourceDocument[],
  curated: readonly CuratedAnswer[],
  analyzer: Analyzer,
): IndexRecord[] {
  const docById = new Map(documents.map((d) => [d.id, d]));
  return [
    ...passages.map((p, i) => passageRecord(i, p, docById.get(p.docId), analyzer)),
    ...curated.map((c, i) => curatedRecord(passages.length + i, c, analyzer)),
  ];
}

/** Builds the index from passages and curated answers (tokenizes everything). */
export function buildIndex(
  hash: string,
  passages: readonly Passage[],
  documents: readonly SourceDocument[],
  curated: readonly CuratedAnswer[],
  analyzer: Analyzer,
): SearchIndex {
  const docById = new Map(documents.map((d) => [d.id, d]));
  const records = indexRecords(passages, documents, curated, analyzer);
  const items: IndexedItem[] = [
    ...passages.map((p) => ({ id: `p:${p.id}`, kind: 'passage' as const, ref: p.id })),
    ...curated.map((c) => ({ id: `c:${c.id}`, kind: 'curated' as const, ref: c.id })),
  ];
  const miniSearch = new MiniSearch<IndexRecord>(miniSearchOptions());
  miniSearch.addAll(records);
  const quotes = quoteIndex([...passages, ...curated.map(() => undefined)], docById, analyzer);
  return { hash, items, miniSearch, quotes };
}

/** Type letter (b: Uint8, h: Uint16, i: Int32) + base64 of the array in the saved endianness. */
type Encoded = string;
interface SavedIndex {
  endianness: string;
  hash: string;
  items: [string, string][]; // kind letter + ref is the id
  miniSearch: AsPlainObject;
  quotes: { vocab: string[]; itemRows: Encoded; start: Encoded; end: Encoded; termOffsets: Encoded; termIds: Encoded; firstLineVerbatim: Encoded };
}

const TYPES = { b: Uint8Array, h: Uint16Array, i: Int32Array } as const;

function encode(a: Ints): Encoded {
  const letter = a instanceof Uint8Array ? 'b' : a instanceof Uint16Array ? 'h' : 'i';
  return letter + Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** A view of the decoded bytes, or a copy when they sit unaligned (a small Buffer comes from Node's shared pool). */
function decode(s: Encoded): Ints {
  const T = TYPES[s[0] as keyof typeof TYPES];
  const bytes = Buffer.from(s.slice(1), 'base64');
  if (bytes.byteOffset % T.BYTES_PER_ELEMENT === 0) return new T(bytes.buffer, bytes.byteOffset, bytes.byteLength / T.BYTES_PER_ELEMENT);
  const out = new T(bytes.byteLength / T.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Writes the index atomically (temp file + rename) so a crashed write never leaves a half file. */
export function saveIndex(index: SearchIndex, file: string): void {
  const q = index.quotes;
  const saved: SavedIndex = {
    endianness: endianness(),
    hash: index.hash,
    items: index.items.map((i) => [i.kind, i.ref]),
    miniSearch: index.miniSearch.toJSON(),
    quotes: {
      vocab: [...q.vocab.keys()],
      itemRows: encode(q.itemRows),
      start: encode(q.start),
      end: encode(q.end),
      termOffsets: encode(q.termOffsets),
      termIds: encode(q.termIds),
      firstLineVerbatim: encode(q.firstLineVerbatim),
    },
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileWhole(file, JSON.stringify(saved));
}

const rowsOf = (terms: string[]): Map<string, number> => new Map(terms.map((t, i) => [t, i]));

/** Loads a saved index when it matches `hash`; undefined when missing, unreadable or stale. */
export function loadIndex(file: string, hash: string): SearchIndex | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedIndex;
    if (saved.endianness !== endianness() || saved.hash !== hash) return undefined;
    return decodeIndex(saved, hash);
  } catch {
    return undefined;
  }
}

function decodeIndex(saved: SavedIndex, hash: string): SearchIndex {
  const q = saved.quotes;
  return {
    hash,
    items: saved.items.map(([kind, ref]) => ({ id: `${kind === 'passage' ? 'p' : 'c'}:${ref}`, kind: kind as IndexedItem['kind'], ref })),
    miniSearch: MiniSearch.loadJS(saved.miniSearch, miniSearchOptions()),
    quotes: {
      vocab: rowsOf(q.vocab),
      itemRows: decode(q.itemRows),
      start: decode(q.start),
      end: decode(q.end),
      termOffsets: decode(q.termOffsets),
      termIds: decode(q.termIds),
      firstLineVerbatim: decode(q.firstLineVerbatim) as Uint8Array,
    },
  };
}
