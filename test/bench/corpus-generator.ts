/**
 * A grown corpus for the scale curve, written into a temporary folder (never
 * committed): the real knowledge folder (so curated answers still verify their
 * quotes) plus generated documents that recombine the real documents' sentences
 * under varied headings, with invented katakana/English terms, numbers and
 * error codes mixed in, so the vocabulary keeps growing with the corpus the way
 * a real one would rather than repeating the same terms.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rng } from './rng.js';

const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const HEADING_FORMS = [
  (w: string, n: number) => `${w} の概要`,
  (w: string, n: number) => `${2000 + (n % 30)} 年 ${1 + (n % 12)} 月`,
  (w: string, n: number) => `影響 ${n % 9}: ${w} での失敗`,
  (w: string, n: number) => `## ${w} を構成する`,
  (w: string, n: number) => `### ${w} のトラブルシューティング`,
  (w: string, n: number) => `手順 ${n % 20}`,
];

/** Splits a document into its front matter and body. */
function splitFrontMatter(text: string): { body: string } {
  const m = /^---\n[\s\S]*?\n---\n/.exec(text);
  return { body: m ? text.slice(m[0].length) : text };
}

export interface GeneratedCorpus {
  dir: string;
  documents: number;
  bytes: number;
}

/**
 * Makes a knowledge folder about `scale` times the size of `sourceDir`:
 * the original files plus (scale − 1) × (number of documents) generated ones.
 */
export function generateCorpus(sourceDir: string, scale: number, seed = 7): GeneratedCorpus {
  const dir = mkdtempSync(join(tmpdir(), `bench-corpus-${scale}x-`));
  cpSync(sourceDir, dir, { recursive: true });
  const rand = rng(seed + scale);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const int = (n: number) => Math.floor(rand() * n);

  const originals = readdirSync(sourceDir).filter((f) => /\.(md|txt)$/.test(f));
  const bodies = originals.map((f) => splitFrontMatter(readFileSync(join(sourceDir, f), 'utf8')).body);
  const sentences = bodies
    .flatMap((b) => b.split(/\n+/))
    .flatMap((line) => line.split(/(?<=[。!?])/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8 && !/^[-#|]/.test(s));
  const avgBytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0) / bodies.length;

  // Invented terms: a pool that grows with the scale, so 100× has ~100× the new words.
  const newWord = () =>
    rand() < 0.6
      ? Array.from({ length: 3 + int(4) }, () => pick([...KATAKANA])).join('')
      : Array.from({ length: 4 + int(6) }, () => pick([...LATIN])).join('').replace(/^./, (c) => c.toUpperCase());
  const vocabulary = Array.from({ length: 200 * scale }, newWord);
  const code = () => pick([`AADSTS${10000 + int(90000)}`, `0x${int(0xffffff).toString(16).padStart(6, '0')}`, `${400 + int(110)}`, `KB${1000000 + int(8999999)}`, `Set-${pick(vocabulary)}Policy`]);

  /** A real sentence with a term or a code swapped in, so recombined text is not a verbatim copy. */
  const varied = (s: string) => {
    const r = rand();
    if (r < 0.35) return s.replace(/(Power Automate|接続|トークン|ポリシー|サインイン|フロー)/, pick(vocabulary));
    if (r < 0.6) return `${s.replace(/。$/, '')} (${code()})。`;
    if (r < 0.75) return `${pick(vocabulary)} では ${int(1000)} 日後に ${s}`;
    return s;
  };

  const generated = (scale - 1) * originals.length;
  let bytes = 0;
  for (let i = 0; i < generated; i++) {
    const lines: string[] = [];
    let size = 0;
    const target = avgBytes * (0.5 + rand());
    while (size < target) {
      const heading = pick(HEADING_FORMS)(pick(vocabulary), int(1000));
      const paragraphs = Array.from({ length: 1 + int(3) }, () => Array.from({ length: 2 + int(4) }, () => varied(pick(sentences))).join(''));
      const block = [heading, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
      lines.push(block);
      size += Buffer.byteLength(block);
    }
    const id = `gen-${scale}x-${String(i).padStart(5, '0')}`;
    const microsoft = rand() < 0.5;
    const text = [
      '---',
      `id: ${id}`,
      `title: ${pick(vocabulary)} と ${pick(vocabulary)} の接続ガイド ${i}`,
      `url: https://www.example.com/docs/${id}`,
      `publisher: ${microsoft ? 'Microsoft Learn' : 'third-party blog'}`,
      `authority: ${microsoft ? 'microsoft-docs' : 'community'}`,
      'published: null',
      'lang: ja',
      '---',
      ...lines,
    ].join('\n');
    writeFileSync(join(dir, `${id}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  mkdirSync(dir, { recursive: true });
  const originalBytes = originals.reduce((n, f) => n + Buffer.byteLength(readFileSync(join(sourceDir, f))), 0);
  return { dir, documents: originals.length + generated, bytes: originalBytes + bytes };
}
