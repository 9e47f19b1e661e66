/**
 * Where the kuromoji dictionary's memory and load time go, loader by loader.
 * `node dist/test/bench/dictionary-memory.js` runs each variant in a fresh child
 * process and prints RSS / heap / ArrayBuffer memory after the tokenizer is loaded
 * and a forced GC, the load time, the time to tokenize a sample (after warm-up), and a digest of its
 * tokens (the same in every variant).
 *
 * Variants:
 *   stock     kuromoji.builder(): kuromoji's own loader (pure-JS gunzip)
 *   gunzip    the project's adapter without the cache file: native gunzip without a copy,
 *             trailing zero padding cut (tid, tid_pos, unk, unk_pos, unk_invoke),
 *             tid_map as two Int32Arrays, the incremental lattice builder
 *   cache     the project's adapter as `npm start` runs it: the same arrays read from
 *             .cache/kuromoji-dict.bin (written by `npm run build`)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import kuromoji from 'kuromoji';
import { dictionaryCacheFile, gunzipDictionary, kuromojiDictPath, readDictionaryCache, tokenizerFrom, writeDictionaryCache } from '../../src/core/analysis/kuromoji-adapter.js';
import { fmt, rssMB, table } from './table.js';

type Tokenizer = { tokenize(s: string): { surface_form: string; pos: string; basic_form: string }[] };

const SAMPLE = '条件付きアクセスで更新トークンが失効し、Power Automate の接続が無効になった。パスワードの変更やリセットでは接続は無効になりませんが、多要素認証の要求が変わると再サインインが必要です。';

async function child(variant: string): Promise<void> {
  const t0 = performance.now();
  let tokenizer: Tokenizer;
  if (variant === 'stock') tokenizer = await new Promise((resolve, reject) => kuromoji.builder({ dicPath: kuromojiDictPath() }).build((e, t) => (e ? reject(e) : resolve(t))));
  else if (variant === 'gunzip') tokenizer = tokenizerFrom(await gunzipDictionary(kuromojiDictPath()));
  else {
    const cached = await readDictionaryCache();
    if (!cached) throw new Error(`no current ${dictionaryCacheFile()}`);
    tokenizer = tokenizerFrom(cached);
  }
  const ms = performance.now() - t0;
  const tokenized = tokenizer.tokenize(SAMPLE);
  const tokens = `${tokenized.length}:${createHash('sha1').update(JSON.stringify(tokenized)).digest('hex').slice(0, 8)}`;
  for (let i = 0; i < 200; i++) tokenizer.tokenize(SAMPLE); // JIT warm-up
  const t1 = performance.now();
  for (let i = 0; i < 500; i++) tokenizer.tokenize(SAMPLE);
  const tokenizeUs = ((performance.now() - t1) / 500) * 1000;
  // Twice: buffers freed by the first full GC are released only after its sweep.
  for (let i = 0; i < 2; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 100));
  }
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ ms, rss: rssMB(), heap: m.heapUsed / 2 ** 20, arrayBuffers: m.arrayBuffers / 2 ** 20, tokens, tokenizeUs }));
}

function main(): void {
  writeDictionaryCache(); // as `npm run build` does; nothing when current
  const rows = ['stock', 'gunzip', 'cache'].map((variant) => {
    const r = JSON.parse(execFileSync(process.execPath, ['--expose-gc', __filename, variant], { encoding: 'utf8' }));
    return [variant, fmt(r.ms, 0), fmt(r.rss, 0), fmt(r.heap, 0), fmt(r.arrayBuffers, 0), fmt(r.tokenizeUs, 0), String(r.tokens)];
  });
  process.stdout.write(`${table(['dictionary loader', 'load ms', 'RSS MB (after GC)', 'heap MB', 'ArrayBuffers MB', 'tokenize µs (sample)', 'tokens:digest'], rows)}\n`);
}

if (process.argv[2]) child(process.argv[2]).catch((e) => (process.stderr.write(String(e)), process.exit(1)));
else main();
