/**
 * The one module that reaches into kuromoji (checked against kuromoji 0.1.2, the exact
 * version package.json pins: another version may lay out its dictionary files or its
 * builder differently). The rest of the code calls createTokenizer() and uses kuromoji's
 * public Tokenizer type.
 *
 * What it replaces, and why:
 * - kuromoji's DictionaryLoader, which gunzips every dictionary file in JavaScript at each
 *   start. `npm run build` writes the dictionary decompressed into one file
 *   (.cache/kuromoji-dict.bin, see writeDictionaryCache), so a start reads one file; without
 *   it the .gz files are gunzipped with Node's zlib. Why: the time to ready is a target.
 * - The builder's fixed-capacity buffers (tid, tid_pos, unk, unk_pos) keep their zero padding
 *   out of memory: kuromoji reads them only through its ByteBuffer, which returns 0 past the
 *   end. unk_invoke's padding is cut too: kuromoji would parse it into nameless character
 *   classes that no character maps to. Why: memory at ready.
 * - tid_map, an object of one array per trie id, becomes compressed sparse rows (two
 *   Int32Arrays). Why: the same, on the heap.
 * - The tokenizer's lattice builder (ViterbiBuilder.build), which at every position copies the
 *   rest of the sentence, re-encodes it and searches the trie for its prefixes: quadratic in
 *   the length of a sentence. Ours walks the trie one character at a time from each position
 *   (see latticeBuilder) and builds the same lattice in linear time, so a long unpunctuated
 *   message cannot stall a turn.
 *
 * The internals used: kuromoji/src/Tokenizer, dict/DynamicDictionaries, viterbi/ViterbiLattice,
 * viterbi/ViterbiNode, util/SurrogateAwareString, and the tokenizer's viterbi_builder. The test
 * beside this module (test/core/analysis/kuromoji-adapter.test.ts) holds the tokens to stock
 * kuromoji's on the whole corpus and on generated mixed-script text.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzip, gunzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { repoRoot } from '../repo-root.js';
import { writeFileWhole } from '../write-whole.js';

/* eslint-disable @typescript-eslint/no-require-imports */
interface ByteBufferLike {
  getShort(index: number): number;
}
interface CharacterClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}
interface Dictionaries {
  trie: unknown;
  token_info_dictionary: { dictionary: ByteBufferLike; target_map: unknown; loadDictionary(b: Uint8Array): void; loadPosVector(b: Uint8Array): void };
  unknown_dictionary: { dictionary: ByteBufferLike; target_map: Record<number, number[]>; lookup(ch: string): CharacterClass };
  loadTrie(base: Int32Array, check: Int32Array): void;
  loadConnectionCosts(cc: Int16Array): void;
  loadUnknownDictionaries(unk: Uint8Array, unkPos: Uint8Array, unkMap: Uint8Array, charMap: Uint8Array, compat: Uint32Array, invoke: Uint8Array): void;
}
interface Lattice {
  append(node: unknown): void;
  appendEos(): void;
}
const DynamicDictionaries = require('kuromoji/src/dict/DynamicDictionaries') as new () => Dictionaries;
const KuromojiTokenizer = require('kuromoji/src/Tokenizer') as new (dic: Dictionaries) => Tokenizer<IpadicFeatures> & {
  viterbi_builder: { build(sentence: string): Lattice };
};
const ViterbiLattice = require('kuromoji/src/viterbi/ViterbiLattice') as new () => Lattice;
const ViterbiNode = require('kuromoji/src/viterbi/ViterbiNode') as new (
  name: number, cost: number, startPos: number, length: number, type: string, leftId: number, rightId: number, surface: string,
) => unknown;
const SurrogateAwareString = require('kuromoji/src/util/SurrogateAwareString') as new (s: string) => { length: number; index_mapping: number[] };

export type JaTokenizer = Tokenizer<IpadicFeatures>;

/** The kuromoji release whose internals this module was written and tested against. */
export const CHECKED_KUROMOJI_VERSION = '0.1.2';

/** The decompressed dictionary, as the arrays kuromoji reads. */
export interface DictionaryArrays {
  base: Int32Array;
  check: Int32Array;
  cc: Int16Array;
  tid: Uint8Array;
  tidPos: Uint8Array;
  /** tid_map as compressed sparse rows: the token ids of trie id k are values[offsets[k]..offsets[k + 1]). */
  mapOffsets: Int32Array;
  mapValues: Int32Array;
  unk: Uint8Array;
  unkPos: Uint8Array;
  unkMap: Uint8Array;
  unkChar: Uint8Array;
  unkCompat: Uint32Array;
  unkInvoke: Uint8Array;
}

type Part = keyof DictionaryArrays;
const TYPED = {
  base: Int32Array, check: Int32Array, cc: Int16Array, tid: Uint8Array, tidPos: Uint8Array, mapOffsets: Int32Array, mapValues: Int32Array,
  unk: Uint8Array, unkPos: Uint8Array, unkMap: Uint8Array, unkChar: Uint8Array, unkCompat: Uint32Array, unkInvoke: Uint8Array,
} as const;
const PARTS = Object.keys(TYPED) as Part[];
/** The .gz file each part comes from (the tid_map parts both come from tid_map.dat.gz). */
const SOURCE: Record<Part, string> = {
  base: 'base.dat.gz', check: 'check.dat.gz', cc: 'cc.dat.gz', tid: 'tid.dat.gz', tidPos: 'tid_pos.dat.gz', mapOffsets: 'tid_map.dat.gz',
  mapValues: 'tid_map.dat.gz', unk: 'unk.dat.gz', unkPos: 'unk_pos.dat.gz', unkMap: 'unk_map.dat.gz', unkChar: 'unk_char.dat.gz',
  unkCompat: 'unk_compat.dat.gz', unkInvoke: 'unk_invoke.dat.gz',
};
/** Files whose trailing zeros are builder padding: kuromoji reads them only through ByteBuffer, which returns 0 past the end. */
const PADDED = new Set<Part>(['tid', 'tidPos', 'unk', 'unkPos']);
/** Bump when the cache file layout changes. */
const CACHE_FORMAT = 2;

/** The IPADIC dictionary folder shipped inside the kuromoji package. */
export function kuromojiDictPath(): string {
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** <repo>/.cache/kuromoji-dict.bin, beside the prebuilt search index. */
export function dictionaryCacheFile(): string {
  return join(repoRoot(), '.cache', 'kuromoji-dict.bin');
}

/** What the cache was made from: a different kuromoji install or platform makes it stale. */
function cacheKey(dicPath: string): string {
  const version = (require('kuromoji/package.json') as { version: string }).version;
  const sources = [...new Set(Object.values(SOURCE))].map((f) => {
    const s = statSync(join(dicPath, f));
    return `${f}:${s.size}:${Math.trunc(s.mtimeMs)}`;
  });
  return JSON.stringify([CACHE_FORMAT, endianness(), version, dicPath, ...sources]);
}

/** The part as bytes, zero padding cut (a few bytes of margin, 8-byte aligned). */
function trimmed(part: Part, raw: Uint8Array): Uint8Array {
  let end = raw.byteLength;
  if (PADDED.has(part) || part === 'unkInvoke') while (end > 0 && raw[end - 1] === 0) end--;
  if (PADDED.has(part)) end = Math.min(raw.byteLength, (end + 64 + 7) & ~7);
  // unk_invoke.dat is read record by record (flags, max length, NUL-terminated class name) up to its
  // end, so its padding would become nameless classes no character maps to. It ends after the last
  // name's NUL.
  else if (part === 'unkInvoke') end = Math.min(raw.byteLength, end + 1);
  // A copy, so the padded buffer itself can be freed.
  return end < raw.byteLength ? raw.slice(0, end) : raw;
}

/** A typed view of bytes; copies only when the bytes are not aligned for the type. */
function view<P extends Part>(part: P, bytes: Uint8Array): DictionaryArrays[P] {
  const T = TYPED[part];
  const aligned = bytes.byteOffset % T.BYTES_PER_ELEMENT === 0 ? bytes : bytes.slice();
  return new T(aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.byteLength / T.BYTES_PER_ELEMENT) as DictionaryArrays[P];
}

/**
 * tid_map.dat (int32 key count, then per key: key, n, n token ids) as compressed sparse rows.
 * A repeated key appends to its list, as kuromoji's addMapping does.
 */
export function targetMapRows(bytes: Uint8Array): { offsets: Int32Array; values: Int32Array } {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let maxKey = -1;
  for (let pos = 4; pos + 8 <= bytes.byteLength; pos += 8 + 4 * data.getInt32(pos + 4, true)) maxKey = Math.max(maxKey, data.getInt32(pos, true));
  const offsets = new Int32Array(maxKey + 2);
  for (let pos = 4; pos + 8 <= bytes.byteLength; pos += 8 + 4 * data.getInt32(pos + 4, true)) offsets[data.getInt32(pos, true) + 1] += data.getInt32(pos + 4, true);
  for (let k = 0; k <= maxKey; k++) offsets[k + 1] += offsets[k];
  const values = new Int32Array(offsets[maxKey + 1]);
  const fill = offsets.slice(0, maxKey + 1);
  for (let pos = 4; pos + 8 <= bytes.byteLength; ) {
    const key = data.getInt32(pos, true);
    const n = data.getInt32(pos + 4, true);
    for (let i = 0; i < n; i++) values[fill[key]++] = data.getInt32(pos + 8 + 4 * i, true);
    pos += 8 + 4 * n;
  }
  return { offsets, values };
}

/** Builds the arrays from the decompressed .gz files. */
function arraysFrom(raw: (file: string) => Uint8Array): DictionaryArrays {
  const rows = targetMapRows(raw(SOURCE.mapOffsets));
  const out = { mapOffsets: rows.offsets, mapValues: rows.values } as Partial<DictionaryArrays>;
  for (const part of PARTS) if (!out[part]) (out as Record<Part, unknown>)[part] = view(part, trimmed(part, raw(SOURCE[part])));
  return out as DictionaryArrays;
}

/** A Buffer as a plain Uint8Array over the same memory (new Uint8Array(buffer) would copy it). */
function bytesOf(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** The arrays gunzipped from kuromoji's .gz files (the path without the cache file). */
export async function gunzipDictionary(dicPath: string): Promise<DictionaryArrays> {
  const files = [...new Set(Object.values(SOURCE))];
  const unzip = promisify(gunzip);
  // Each gunzip runs on the thread pool; zlib's output Buffer is used as is, without a copy.
  const raws = await Promise.all(files.map(async (f) => bytesOf(await unzip(await readFile(join(dicPath, f))))));
  return arraysFrom((f) => raws[files.indexOf(f)]);
}

interface CacheHeader {
  key: string;
  parts: [Part, number, number][]; // name, byte offset, byte length
}

/**
 * Writes the decompressed dictionary into one file: a 4-byte header length, a JSON
 * header (cache key, parts), then every part 8-byte aligned. Does nothing when the
 * file is current. Written to a temporary file and renamed, so readers never see half a file.
 */
export function writeDictionaryCache(file = dictionaryCacheFile(), dicPath = kuromojiDictPath()): boolean {
  const key = cacheKey(dicPath);
  if (readCacheHeader(file)?.key === key) return false;
  const arrays = arraysFrom((f) => bytesOf(gunzipSync(readFileSyncBytes(join(dicPath, f)))));
  const headerSize = 4096; // room for the JSON; parts start after it
  const parts: [Part, number, number][] = [];
  let offset = headerSize;
  for (const part of PARTS) {
    parts.push([part, offset, arrays[part].byteLength]);
    offset = (offset + arrays[part].byteLength + 7) & ~7;
  }
  const out = new Uint8Array(offset);
  const json = Buffer.from(JSON.stringify({ key, parts } satisfies CacheHeader));
  if (json.byteLength + 4 > headerSize) throw new Error('dictionary cache header too large');
  new DataView(out.buffer).setUint32(0, json.byteLength, true);
  out.set(json, 4);
  for (const [part, at] of parts) out.set(new Uint8Array(arrays[part].buffer, arrays[part].byteOffset, arrays[part].byteLength), at);
  mkdirSync(dirname(file), { recursive: true });
  writeFileWhole(file, out);
  return true;
}

function readFileSyncBytes(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const bytes = new Uint8Array(fstatSync(fd).size);
    for (let n = 0; n < bytes.byteLength; ) {
      const got = readSync(fd, bytes, n, bytes.byteLength - n, n);
      if (got === 0) throw new Error(`${file}: short read`);
      n += got;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

function readCacheHeader(file: string): CacheHeader | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const len = Buffer.alloc(4);
    readSync(fd, len, 0, 4, 0);
    const json = Buffer.alloc(len.readUInt32LE(0));
    readSync(fd, json, 0, json.byteLength, 4);
    return JSON.parse(json.toString('utf8')) as CacheHeader;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The cached dictionary when the cache file is current, else undefined. One read; every part is a view into it. */
export async function readDictionaryCache(file = dictionaryCacheFile(), dicPath = kuromojiDictPath()): Promise<DictionaryArrays | undefined> {
  const header = readCacheHeader(file);
  try {
    if (header?.key !== cacheKey(dicPath)) return undefined;
  } catch {
    return undefined; // the dictionary files are not there
  }
  // Read on the thread pool, so the knowledge files are parsed meanwhile.
  const bytes = bytesOf(await readFile(file));
  const out = {} as Record<Part, unknown>;
  for (const [part, at, length] of header.parts) {
    if (at + length > bytes.byteLength) return undefined; // a cut-off file
    out[part] = view(part, bytes.subarray(at, at + length));
  }
  return PARTS.every((p) => out[p]) ? (out as unknown as DictionaryArrays) : undefined;
}

/** Where kuromoji's commonPrefixSearch would throw (an unpaired high surrogate): left to kuromoji's own builder. */
const LONE_HIGH_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])/;

/**
 * kuromoji's ViterbiBuilder.build, rewritten to give the same lattice in linear time. The
 * original, at every position, copies the rest of the sentence, re-encodes it to UTF-8
 * and searches the trie for its prefixes (O(n²) per sentence); here the trie is walked
 * one character at a time from each position and stops where the trie does. Unknown-word
 * grouping uses one pass over the character classes instead of rescanning per position.
 * Node lengths keep kuromoji's quirk: an ungrouped unknown word has length 1 even when it
 * is a surrogate pair.
 */
function latticeBuilder(dic: Dictionaries, a: DictionaryArrays, original: (s: string) => Lattice): (s: string) => Lattice {
  const { base, check, mapOffsets, mapValues } = a;
  const known = dic.token_info_dictionary.dictionary;
  const unknown = dic.unknown_dictionary;
  const bytes = new Uint8Array(4);
  /** Trie child of `parent` by byte `code`, or -1 (doublearray's traverse). */
  const child = (parent: number, code: number): number => {
    const c = base[parent] + code;
    return check[c] === parent ? c : -1;
  };
  return (sentence: string): Lattice => {
    if (LONE_HIGH_SURROGATE.test(sentence)) return original(sentence);
    const lattice = new ViterbiLattice();
    const sas = new SurrogateAwareString(sentence);
    const n = sas.length;
    const at = (p: number): number => (p < n ? sas.index_mapping[p] : sentence.length);
    const classes: CharacterClass[] = [];
    for (let p = 0; p < n; p++) classes.push(unknown.lookup(sentence.slice(at(p), at(p + 1))));
    // groupEnd[p]: end of the run of characters with the class name of p (unknown-word grouping).
    const groupEnd = new Int32Array(n + 1);
    for (let p = n - 1; p >= 0; p--) groupEnd[p] = p + 1 < n && classes[p + 1].class_name === classes[p].class_name ? groupEnd[p + 1] : p + 1;

    for (let pos = 0; pos < n; pos++) {
      let found = 0;
      let parent = 0;
      // Dictionary words starting here: walk the trie over the UTF-8 bytes of the following characters.
      walk: for (let i = at(pos); i < sentence.length; ) {
        let cp = sentence.charCodeAt(i);
        let units = 1;
        if (cp >= 0xd800 && cp <= 0xdbff) {
          cp = (cp - 0xd800) * 0x400 + 0x10000 + (sentence.charCodeAt(i + 1) - 0xdc00);
          units = 2;
        }
        let len: number;
        if (cp < 0x80) (bytes[0] = cp), (len = 1);
        else if (cp < 0x800) (bytes[0] = (cp >>> 6) | 0xc0), (bytes[1] = (cp & 0x3f) | 0x80), (len = 2);
        else if (cp < 0x10000) (bytes[0] = (cp >>> 12) | 0xe0), (bytes[1] = ((cp >> 6) & 0x3f) | 0x80), (bytes[2] = (cp & 0x3f) | 0x80), (len = 3);
        else (bytes[0] = (cp >>> 18) | 0xf0), (bytes[1] = ((cp >> 12) & 0x3f) | 0x80), (bytes[2] = ((cp >> 6) & 0x3f) | 0x80), (bytes[3] = (cp & 0x3f) | 0x80), (len = 4);
        for (let b = 0; b < len; b++) {
          parent = child(parent, bytes[b]);
          if (parent < 0) break walk;
        }
        i += units;
        const leaf = child(parent, 0);
        if (leaf < 0) continue;
        const trieId = -base[leaf] - 1;
        const surface = sentence.slice(at(pos), i);
        found++;
        for (let v = mapOffsets[trieId]; v < mapOffsets[trieId + 1]; v++) {
          const id = mapValues[v];
          lattice.append(new ViterbiNode(id, known.getShort(id + 4), pos + 1, surface.length, 'KNOWN', known.getShort(id), known.getShort(id + 2), surface));
        }
      }
      // Unknown word here: when no dictionary word starts here, or the character class always invokes it.
      const cls = classes[pos];
      if (found === 0 || cls.is_always_invoke === 1) {
        const end = cls.is_grouping === 1 ? groupEnd[pos] : pos + 1;
        const surface = sentence.slice(at(pos), at(end));
        const length = end === pos + 1 ? 1 : surface.length;
        for (const id of unknown.target_map[cls.class_id]) {
          lattice.append(new ViterbiNode(id, unknown.dictionary.getShort(id + 4), pos + 1, length, 'UNKNOWN', unknown.dictionary.getShort(id), unknown.dictionary.getShort(id + 2), surface));
        }
      }
    }
    lattice.appendEos();
    return lattice;
  };
}

/** A kuromoji tokenizer over the arrays (the same tokens as kuromoji's own loader and builder). */
export function tokenizerFrom(a: DictionaryArrays): JaTokenizer {
  const dic = new DynamicDictionaries();
  dic.loadTrie(a.base, a.check);
  dic.token_info_dictionary.loadDictionary(a.tid);
  dic.token_info_dictionary.loadPosVector(a.tidPos);
  // kuromoji reads target_map only in its lattice builder, which is kept for the sentences it would reject.
  dic.token_info_dictionary.target_map = new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? targetIds(a, Number(k)) : undefined) });
  dic.loadConnectionCosts(a.cc);
  dic.loadUnknownDictionaries(a.unk, a.unkPos, a.unkMap, a.unkChar, a.unkCompat, a.unkInvoke);
  const tokenizer = new KuromojiTokenizer(dic);
  const builder = tokenizer.viterbi_builder;
  const original = builder.build.bind(builder);
  builder.build = latticeBuilder(dic, a, original);
  return tokenizer;
}

/** The token ids of trie id k (kuromoji's target_map[k]). */
function targetIds(a: DictionaryArrays, k: number): Int32Array | undefined {
  return k >= 0 && k + 1 < a.mapOffsets.length && a.mapOffsets[k] < a.mapOffsets[k + 1] ? a.mapValues.subarray(a.mapOffsets[k], a.mapOffsets[k + 1]) : undefined;
}

/** The dictionary: from the cache file when current, else gunzipped from the kuromoji package. */
export async function loadDictionary(): Promise<DictionaryArrays> {
  const dicPath = kuromojiDictPath();
  return (await readDictionaryCache(dictionaryCacheFile(), dicPath)) ?? gunzipDictionary(dicPath);
}

/**
 * A Japanese tokenizer over the IPADIC dictionary: the tokens of kuromoji's own, loaded and
 * built as described above. Each call loads its own; callers that need one share it.
 */
export async function createTokenizer(): Promise<JaTokenizer> {
  return tokenizerFrom(await loadDictionary());
}
