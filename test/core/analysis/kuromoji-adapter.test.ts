import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kuromoji from 'kuromoji';
import {
  CHECKED_KUROMOJI_VERSION,
  kuromojiDictPath,
  loadDictionary,
  readDictionaryCache,
  targetMapRows,
  tokenizerFrom,
  writeDictionaryCache,
  type JaTokenizer,
} from '../../../src/core/analysis/kuromoji-adapter.js';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Every line of the knowledge files and every evaluation question. */
function corpusTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(...readFileSync(p, 'utf8').split('\n'));
    }
  };
  walk(join(ROOT, 'knowledge'));
  for (const f of ['dev.jsonl', 'holdout.jsonl']) {
    for (const line of readFileSync(join(ROOT, 'test', 'fixtures', f), 'utf8').split('\n')) if (line.trim()) out.push((JSON.parse(line) as { q: string }).q);
  }
  return out;
}

/** Deterministic mixed-script strings: kana, kanji, Latin, digits, spaces, punctuation, surrogate pairs, half-width kana, a lone surrogate. */
function generatedTexts(count: number): string[] {
  const pools = ['あいうえおかきくけこをん', 'アイウエオカキクケコトークン', '漢字接続無効更新失効認証', 'abcXYZ019-_.', ' 　\t', '、。!?！？', '😀👍🏻𠮷', 'ｱｲｳｴｵﾞｰ', 'АБВéü', '〜・…「」', '\udc00'];
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = ['a'.repeat(300), 'ア'.repeat(300), '😀'.repeat(40), '接続😀', '\ud800x', ''];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let n = 1 + Math.floor(rand() * 40); n > 0; n--) {
      const chars = [...pools[Math.floor(rand() * pools.length)]];
      s += chars[Math.floor(rand() * chars.length)];
    }
    out.push(s);
  }
  return out;
}

function tokensOrError(t: JaTokenizer | kuromoji.Tokenizer<kuromoji.IpadicFeatures>, text: string): string {
  try {
    return JSON.stringify(t.tokenize(text));
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

describe('kuromoji adapter', function () {
  this.timeout(120000);

  it('runs on the kuromoji version it was checked against, pinned exactly', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = (JSON.parse(readFileSync(join(kuromojiDictPath(), '..', 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(pkg.dependencies.kuromoji, CHECKED_KUROMOJI_VERSION);
    assert.equal(installed, CHECKED_KUROMOJI_VERSION);
  });

  it('gives exactly the tokens of kuromoji’s own loader and lattice builder', async () => {
    const stock = await new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve, reject) =>
      kuromoji.builder({ dicPath: kuromojiDictPath() }).build((err, t) => (err ? reject(err) : resolve(t))),
    );
    const ours = tokenizerFrom(await loadDictionary());
    const texts = [...corpusTexts(), ...generatedTexts(2000)];
    const differ = texts.filter((s) => tokensOrError(stock, s) !== tokensOrError(ours, s));
    assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${texts.length} texts tokenize differently`);
  });

  it('reads back from the cache file exactly what it gunzips, and ignores a stale cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dict-cache-'));
    try {
      const file = join(dir, 'dict.bin');
      assert.equal(await readDictionaryCache(file), undefined, 'no file yet');
      assert.equal(writeDictionaryCache(file), true);
      assert.equal(writeDictionaryCache(file), false, 'current: not rewritten');
      const cached = await readDictionaryCache(file);
      assert.ok(cached);
      const gz = tokenizerFrom(await loadDictionary());
      const fromCache = tokenizerFrom(cached);
      for (const s of corpusTexts().slice(0, 300)) assert.equal(tokensOrError(fromCache, s), tokensOrError(gz, s));
      assert.equal(await readDictionaryCache(file, join(dir, 'elsewhere')), undefined, 'made from another dictionary: stale');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps tid_map as rows, appending a repeated key like kuromoji does', () => {
    const ints = (xs: number[]) => new Uint8Array(Int32Array.from(xs).buffer);
    // key count, then key 2: [7, 8]; key 0: [5]; key 2 again: [9]; zero padding.
    const rows = targetMapRows(ints([3, 2, 2, 7, 8, 0, 1, 5, 2, 1, 9, 0, 0, 0, 0]));
    const of = (k: number) => [...rows.values.subarray(rows.offsets[k], rows.offsets[k + 1])];
    assert.deepEqual([of(0), of(1), of(2)], [[5], [], [7, 8, 9]]);
  });
});
