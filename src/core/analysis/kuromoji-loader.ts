/**
 * Loads the kuromoji tokenizer once per process. The dictionary files are
 * gunzipped with Node's native zlib: kuromoji's browser loader uses a pure-JS
 * gunzip that takes over a second and far more memory.
 */
import { readFile } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzip } from 'node:zlib';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

/* eslint-disable @typescript-eslint/no-require-imports */
type LoadCallback = (err: Error | null, buffer?: ArrayBuffer) => void;
interface DictionaryLoaderInstance {
  load(cb: (err: Error | null, dic: unknown) => void): void;
  loadArrayBuffer: (file: string, cb: LoadCallback) => void;
}
const DictionaryLoader = require('kuromoji/src/loader/DictionaryLoader') as {
  new (dicPath: string): DictionaryLoaderInstance;
  prototype: DictionaryLoaderInstance;
};
const KuromojiTokenizer = require('kuromoji/src/Tokenizer') as new (dic: unknown) => Tokenizer<IpadicFeatures>;

export type JaTokenizer = Tokenizer<IpadicFeatures>;

/** Reads and gunzips one dictionary file with native zlib. Called unbound by kuromoji: uses no `this`. */
function loadArrayBufferNative(file: string, callback: LoadCallback): void {
  readFile(file, (err, compressed) => {
    if (err) return callback(err);
    gunzip(compressed, (err2, raw) => {
      if (err2) return callback(err2);
      // Copy into a standalone ArrayBuffer: kuromoji views it as Int32Array/Uint8Array from offset 0.
      callback(null, raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer);
    });
  });
}

/** The IPADIC dictionary folder shipped inside the kuromoji package. */
export function kuromojiDictPath(): string {
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict');
}

function buildTokenizer(dicPath: string): Promise<JaTokenizer> {
  const loader = new DictionaryLoader(dicPath);
  loader.loadArrayBuffer = loadArrayBufferNative;
  return new Promise((resolve, reject) => {
    loader.load((err, dic) => (err ? reject(err) : resolve(new KuromojiTokenizer(dic))));
  });
}

let shared: Promise<JaTokenizer> | undefined;
let loaded: JaTokenizer | undefined;

/** The process-wide tokenizer (loaded on first call, then shared). */
export function loadTokenizer(): Promise<JaTokenizer> {
  shared ??= buildTokenizer(kuromojiDictPath()).then((t) => (loaded = t));
  return shared;
}

/** The tokenizer if `loadTokenizer()` has completed, for synchronous callers. */
export function loadedTokenizer(): JaTokenizer {
  if (!loaded) throw new Error('kuromoji is not loaded yet: await loadTokenizer() first');
  return loaded;
}
