/**
 * The search index: one minisearch index over passages and curated answers, with
 * fields analyzed by the Japanese chain, the hits of its frequent terms (see
 * term-search), and the analyzed quote sentences of every passage. It is built
 * ahead (npm run build) and saved; a hash of the knowledge files and the analyzer
 * version tells when the saved index is stale.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname, join, relative } from 'node:path';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { ANALYZER_VERSION, identifierWords, japaneseBigrams, type Analyzer } from '../analysis/analyzer.js';
import type { CuratedAnswer } from '../../content/curated.js';
import { CHUNKER_VERSION, type Passage } from '../../content/passages.js';
import type { SourceDocument } from '../../content/types.js';
import { quoteIndex, type Ints, type QuoteIndex } from './quote-index.js';
import { frequentHits, type FrequentHits, type TermHits } from './term-search.js';

/** Bump when the index layout or field contents change. */
export const INDEX_FORMAT = 10;

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

export const INDEX_FIELDS = ['terms', 'section', 'title', 'questions', 'bigrams', 'parts'] as const;

const splitTerms = (s: string): string[] => s.split(' ').filter(Boolean);

export interface SearchIndex {
  hash: string;
  items: IndexedItem[];
  miniSearch: MiniSearch<IndexRecord>;
  frequent: FrequentHits;
  quotes: QuoteIndex;
}

/**
 * Terms are analyzed before they reach minisearch: field values are analyzed terms joined
 * by spaces, and every search is for one analyzed term, which minisearch neither splits
 * nor changes. No stored fields: a result's id is the item's position.
 */
export function miniSearchOptions(): Options<IndexRecord> {
  return {
    fields: [...INDEX_FIELDS],
    tokenize: splitTerms,
    processTerm: (t) => t,
    searchOptions: { tokenize: (t) => [t], processTerm: (t) => t },
  };
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
  return { hash, items, miniSearch, frequent: frequentHits(miniSearch, records), quotes };
}

/** Type letter (b: Uint8, h: Uint16, i: Int32, d: Float64) + base64 of the array in the saved endianness. */
type Encoded = string;
interface SavedIndex {
  format: number;
  analyzerVersion: string;
  endianness: string;
  hash: string;
  items: [string, string][]; // kind letter + ref is the id
  miniSearch: AsPlainObject;
  /** All hits in one run per array; term k's are offsets[k]..offsets[k + 1]. */
  frequent: { keys: string[]; offsets: Encoded; items: Encoded; scores: Encoded; covering: Encoded };
  quotes: { vocab: string[]; itemRows: Encoded; start: Encoded; end: Encoded; termOffsets: Encoded; termIds: Encoded; firstLineVerbatim: Encoded };
}

const TYPES = { b: Uint8Array, h: Uint16Array, i: Int32Array, d: Float64Array } as const;
type Decoded = Ints | Float64Array;

function encode(a: Decoded): Encoded {
  const letter = a instanceof Uint8Array ? 'b' : a instanceof Uint16Array ? 'h' : a instanceof Int32Array ? 'i' : 'd';
  return letter + Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** A view of the decoded bytes, or a copy when they sit unaligned (a small Buffer comes from Node's shared pool). */
function decode(s: Encoded): Decoded {
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
    format: INDEX_FORMAT,
    analyzerVersion: ANALYZER_VERSION,
    endianness: endianness(),
    hash: index.hash,
    items: index.items.map((i) => [i.kind, i.ref]),
    miniSearch: index.miniSearch.toJSON(),
    frequent: encodeFrequent(index.frequent),
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
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(saved));
  renameSync(tmp, file);
}

const rowsOf = (terms: string[]): Map<string, number> => new Map(terms.map((t, i) => [t, i]));

/** Loads a saved index when it matches `hash`; undefined when missing, unreadable or stale. */
export function loadIndex(file: string, hash: string): SearchIndex | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedIndex;
    if (saved.format !== INDEX_FORMAT || saved.analyzerVersion !== ANALYZER_VERSION || saved.endianness !== endianness() || saved.hash !== hash) return undefined;
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
    frequent: decodeFrequent(saved.frequent),
    quotes: {
      vocab: rowsOf(q.vocab),
      itemRows: decode(q.itemRows) as Ints,
      start: decode(q.start) as Ints,
      end: decode(q.end) as Ints,
      termOffsets: decode(q.termOffsets) as Ints,
      termIds: decode(q.termIds) as Ints,
      firstLineVerbatim: decode(q.firstLineVerbatim) as Uint8Array,
    },
  };
}

function encodeFrequent(frequent: FrequentHits): SavedIndex['frequent'] {
  const all = [...frequent.values()];
  const offsets = new Int32Array(all.length + 1);
  all.forEach((h, k) => (offsets[k + 1] = offsets[k] + h.items.length));
  const total = offsets[all.length];
  const items = new Int32Array(total);
  const scores = new Float64Array(total);
  const covering = new Uint8Array(total);
  all.forEach((h, k) => {
    items.set(h.items, offsets[k]);
    scores.set(h.scores, offsets[k]);
    covering.set(h.covering, offsets[k]);
  });
  return { keys: [...frequent.keys()], offsets: encode(offsets), items: encode(items), scores: encode(scores), covering: encode(covering) };
}

/** Each term's hits are views into the decoded arrays. */
function decodeFrequent(f: SavedIndex['frequent']): FrequentHits {
  const offsets = decode(f.offsets) as Int32Array;
  const items = decode(f.items) as Int32Array;
  const scores = decode(f.scores) as Float64Array;
  const covering = decode(f.covering) as Uint8Array;
  const out = new Map<string, TermHits>();
  f.keys.forEach((key, k) => {
    const [from, to] = [offsets[k], offsets[k + 1]];
    const c = covering.subarray(from, to);
    out.set(key, { items: items.subarray(from, to), scores: scores.subarray(from, to), covering: c, df: c.reduce((n, x) => n + x, 0) });
  });
  return out;
}
