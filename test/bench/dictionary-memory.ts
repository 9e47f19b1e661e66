/**
 * Where the kuromoji dictionary's memory goes, and what each remedy buys.
 * `node dist/test/bench/dictionary-memory.js` runs each variant in a fresh
 * child process (optionally with Node flags) and prints RSS / heap / external
 * memory after the tokenizer is loaded and a forced GC, plus the load time.
 *
 * Variants:
 *   project   the project's loader (native zlib gunzip, then a copy into a standalone ArrayBuffer)
 *   nocopy    the same without the copy (zlib's output Buffer owns its whole ArrayBuffer)
 *   trimmed   nocopy + trailing zero padding cut from the files that carry it
 *             (kuromoji's builder writes fixed-capacity buffers: tid_pos.dat is 40 MiB raw,
 *             unk.dat and unk_pos.dat 10 MiB each, mostly zeros)
 *   compact   trimmed + tid_map parsed into two Int32Arrays (offsets by trie id, values)
 *             instead of kuromoji's plain object of 325,871 arrays (~62 MB of heap)
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzip } from 'node:zlib';
import { loadTokenizer } from '../../src/core/analysis/kuromoji-loader.js';
import { fmt, rssMB, table } from './table.js';

/* eslint-disable @typescript-eslint/no-require-imports */
type LoadCallback = (err: Error | null, buffer?: ArrayBuffer) => void;
const DictionaryLoader = require('kuromoji/src/loader/DictionaryLoader') as new (p: string) => {
  load(cb: (err: Error | null, dic: unknown) => void): void;
  loadArrayBuffer: (file: string, cb: LoadCallback) => void;
};
const KuromojiTokenizer = require('kuromoji/src/Tokenizer') as new (dic: unknown) => { tokenize(s: string): unknown[] };

/** Files whose trailing zeros are padding, not data (checked: readers stop at recorded offsets). */
const PADDED = new Set(['tid_pos.dat.gz', 'unk.dat.gz', 'unk_pos.dat.gz', 'tid.dat.gz']);

function loader(trim: boolean) {
  return (file: string, callback: LoadCallback) => {
    readFile(file, (err, compressed) => {
      if (err) return callback(err);
      gunzip(compressed, (err2, raw) => {
        if (err2) return callback(err2);
        let end = raw.byteLength;
        if (trim && PADDED.has(file.split('/').pop()!)) {
          while (end > 0 && raw[end - 1] === 0) end--;
          end = Math.min(raw.byteLength, (end + 64 + 7) & ~7); // a margin for trailing zero fields; 8-byte aligned for typed views
        }
        const whole = raw.byteOffset === 0 && raw.buffer.byteLength === end;
        callback(null, whole ? (raw.buffer as ArrayBuffer) : (raw.buffer.slice(raw.byteOffset, raw.byteOffset + end) as ArrayBuffer));
      });
    });
  };
}

/**
 * tid_map as compressed sparse rows: offsets[trieId]..offsets[trieId + 1] index into values.
 * kuromoji reads it only as `target_map[trie_id]` followed by `.length` and `[i]`, which a
 * Proxy returning an Int32Array view satisfies.
 */
function compactTargetMap(this: { target_map: unknown }, bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: [number, number, number][] = []; // key, start byte, count
  let maxKey = 0;
  let total = 0;
  for (let pos = 4; pos + 8 <= bytes.byteLength; ) {
    const key = view.getInt32(pos, true);
    const n = view.getInt32(pos + 4, true);
    entries.push([key, pos + 8, n]);
    if (key > maxKey) maxKey = key;
    total += n;
    pos += 8 + 4 * n;
  }
  const offsets = new Int32Array(maxKey + 2);
  const counts = new Int32Array(maxKey + 1);
  for (const [key, , n] of entries) counts[key] = n; // a later duplicate key wins, as in kuromoji
  for (let k = 0; k <= maxKey; k++) offsets[k + 1] = offsets[k] + counts[k];
  const values = new Int32Array(total);
  for (const [key, start, n] of entries) if (counts[key] === n) for (let i = 0; i < n; i++) values[offsets[key] + i] = view.getInt32(start + 4 * i, true);
  this.target_map = new Proxy(
    {},
    {
      get(_t, prop) {
        const k = typeof prop === 'string' ? Number(prop) : NaN;
        if (!(k >= 0 && k <= maxKey) || offsets[k] === offsets[k + 1]) return undefined;
        return values.subarray(offsets[k], offsets[k + 1]);
      },
    },
  );
}

const SAMPLE = '条件付きアクセスで更新トークンが失効し、Power Automate の接続が無効になった。パスワードの変更やリセットでは接続は無効になりませんが、多要素認証の要求が変わると再サインインが必要です。';

async function child(variant: string): Promise<void> {
  if (variant === 'compact') {
    const TID = require('kuromoji/src/dict/TokenInfoDictionary') as { prototype: { loadTargetMap: unknown } };
    TID.prototype.loadTargetMap = compactTargetMap;
  }
  const t0 = performance.now();
  let tokenizer: { tokenize(s: string): unknown[] };
  if (variant === 'project') tokenizer = (await loadTokenizer()) as never;
  else {
    const l = new DictionaryLoader(join(dirname(require.resolve('kuromoji/package.json')), 'dict'));
    l.loadArrayBuffer = loader(variant !== 'nocopy');
    tokenizer = await new Promise((resolve, reject) => l.load((err, dic) => (err ? reject(err) : resolve(new KuromojiTokenizer(dic)))));
  }
  const ms = performance.now() - t0;
  // Same tokens in every variant (a digest of the surface forms), and the cost of tokenizing.
  const tokenized = tokenizer.tokenize(SAMPLE) as { surface_form: string; pos: string; basic_form: string }[];
  const tokens = `${tokenized.length}:${require('node:crypto').createHash('sha1').update(JSON.stringify(tokenized.map((t) => [t.surface_form, t.pos, t.basic_form]))).digest('hex').slice(0, 8)}`;
  const t1 = performance.now();
  for (let i = 0; i < 200; i++) tokenizer.tokenize(SAMPLE);
  const tokenizeUs = ((performance.now() - t1) / 200) * 1000;
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ ms, rss: rssMB(), heap: m.heapUsed / 2 ** 20, external: m.external / 2 ** 20, arrayBuffers: m.arrayBuffers / 2 ** 20, tokens, tokenizeUs }));
}

function main(): void {
  const runs: [string, string[]][] = [
    ['project', []],
    ['nocopy', []],
    ['trimmed', []],
    ['trimmed', ['--max-semi-space-size=2']],
    ['compact', []],
    ['compact', ['--max-semi-space-size=2']],
  ];
  const rows = runs.map(([variant, flags]) => {
    const r = JSON.parse(execFileSync(process.execPath, ['--expose-gc', ...flags, __filename, variant], { encoding: 'utf8' }));
    return [`${variant} ${flags.join(' ')}`.trim(), fmt(r.ms, 0), fmt(r.rss, 0), fmt(r.heap, 0), fmt(r.arrayBuffers, 0), fmt(r.tokenizeUs, 0), String(r.tokens)];
  });
  process.stdout.write(`${table(['dictionary loader', 'load ms', 'RSS MB (after GC)', 'heap MB', 'ArrayBuffers MB', 'tokenize µs (sample)', 'tokens:digest'], rows)}\n`);
}

if (process.argv[2]) child(process.argv[2]).catch((e) => (process.stderr.write(String(e)), process.exit(1)));
else main();
