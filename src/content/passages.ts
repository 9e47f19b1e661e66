/**
 * Structural chunker: splits a source document into quotable passages that follow
 * its sections. The documents are Markdown or web pages saved as plain text, so
 * headings are either Markdown `#` lines or short standalone lines (「概要」,
 * 「2023 年 10 月」, 「影響 1: 将来の実行での失敗」). The decision table of the
 * support blog (an HTML list inside a Markdown table) becomes one passage for the
 * whole table plus one passage per list item, so every row stays quotable.
 */
import { foldForQuote, readableText } from './quotes.js';
import type { SourceDocument } from './types.js';

/** One quotable chunk of a document. */
export interface Passage {
  /** `<docId>#<n>`, stable for the same document text. */
  id: string;
  docId: string;
  /** Headings from the outermost to the innermost. */
  sectionPath: string[];
  /** `sectionPath` joined with " > " (what citations show). */
  section: string;
  /** Character range [start, end) in the document body. */
  start: number;
  end: number;
  /** The readable text of the range (Markdown links and HTML tags folded); a table item is
   *  preceded by its column header line, so each line stays verbatim in the document. */
  text: string;
}

/** Passages grow by whole paragraphs up to this size; larger paragraphs are split by lines, then sentences. */
export const MAX_PASSAGE_CHARS = 600;
/** Standalone lines longer than this are paragraphs, not headings. */
const MAX_HEADING_CHARS = 50;

/** Web-page chrome saved along with the articles: never indexed. */
const CHROME_LINES = new Set(
  [
    '次の方法で共有', 'フィードバック', 'この情報は役に立ちましたか?', '翻訳品質にどの程度満足していますか?',
    'どのような要因がお客様の操作性に影響しましたか?', 'フィードバックをお送りいただきありがとうございます!',
    'ヘルプを表示', 'スキルを磨く', 'トレーニングの探索', '新機能を最初に入手', 'Microsoft Insider に参加する',
    'この記事の内容', '目次', 'share via', 'feedback', 'was this page helpful?', 'table of contents', '×', '---', '***',
  ].map((s) => s.normalize('NFKC').toLowerCase()),
);
/** Admonition labels (Microsoft Learn "Note", 「重要」): they belong to the paragraph after them. */
const ADMONITIONS = new Set(['note', 'tip', 'important', 'warning', 'caution', '注意', '重要', 'ヒント', '警告', 'メモ', '注']);
const DATE_HEADING = /^\d{4}\s*年\s*\d{1,2}\s*月$/;
/** "label: value" lines (発効日: …, 修復:, AADSTS70008: …) are body text, unless the label is numbered (影響 1: …). */
const FIELD_LINE = /^[^\s:：]{1,24}\s*[:：]/;
/** A change-log entry title is the line right before its effective-date field. */
const EFFECTIVE_DATE_FIELD = /^(発効日|日付|effective date|date)\s*[:：]/i;
const NUMBERED_HEADING = /^\S+\s*\d+\s*[:：]\s*\S/;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

interface Line {
  text: string;
  start: number;
  end: number;
}

interface Heading {
  level: number;
  title: string;
}

/** Splits a body into lines with their character ranges (line breaks excluded). */
function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of body.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    lines.push({ text, start, end: start + text.length });
    start += raw.length + 1;
  }
  return lines;
}

function folded(line: string): string {
  return line.normalize('NFKC').trim().toLowerCase();
}

/** True for share/feedback/navigation lines of saved web pages, HTML comments and rules. */
export function isChromeLine(line: string): boolean {
  const f = folded(line);
  return CHROME_LINES.has(f) || /^<!--.*-->$/.test(f) || /^-{3,}$/.test(f);
}

function isBodyShaped(t: string): boolean {
  return (
    /^([-*+•·]|\d+[.)]\s|\||<|!\[|https?:|ps [a-z]:|```)/i.test(t) || FIELD_LINE.test(t)
  );
}

/**
 * Heading level of a standalone line, or 0 when it is body text.
 * Dates open top-level sections (change logs), change titles sit below them,
 * every other short line is a sub-section heading.
 */
function plainHeadingLevel(line: string, nextParagraphFirstLine: string | undefined): number {
  const t = line.normalize('NFKC').trim();
  if (!t) return 0;
  if (DATE_HEADING.test(t)) return 2;
  const isChangeTitle =
    nextParagraphFirstLine !== undefined && EFFECTIVE_DATE_FIELD.test(nextParagraphFirstLine.normalize('NFKC').trim());
  if (isChangeTitle && t.length <= 120 && !EFFECTIVE_DATE_FIELD.test(t)) return 3;
  if (isBodyShaped(t)) return 0;
  if (t.length > MAX_HEADING_CHARS) return 0;
  if (/[。．.、,;；]$/.test(t)) return 0;
  // Numbered headings (影響 1: …, Step 2: …) hold the captions and sub-headings after them.
  if (NUMBERED_HEADING.test(t)) return 3;
  return 4;
}

interface Paragraph {
  lines: Line[];
}

/** Groups non-blank, non-chrome lines into paragraphs (blank-line separated). */
function paragraphs(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Line[] = [];
  const flush = (): void => {
    if (cur.length) out.push({ lines: cur });
    cur = [];
  };
  for (const line of lines) {
    if (!line.text.trim() || isChromeLine(line.text)) flush();
    else cur.push(line);
  }
  flush();
  return out;
}

/** Splits text ranges longer than the limit at sentence ends (。 or ". "). */
function splitLongLine(line: Line): Line[] {
  if (line.text.length <= MAX_PASSAGE_CHARS) return [line];
  const out: Line[] = [];
  let from = 0;
  const re = /[。!?！？](?=\s*)|\.\s/g;
  let cut = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line.text))) {
    const end = m.index + m[0].length;
    if (end - from > MAX_PASSAGE_CHARS && cut > from) {
      out.push({ text: line.text.slice(from, cut), start: line.start + from, end: line.start + cut });
      from = cut;
    }
    cut = end;
  }
  if (from < line.text.length) out.push({ text: line.text.slice(from), start: line.start + from, end: line.end });
  return out.filter((l) => l.text.trim());
}

interface Block {
  start: number;
  end: number;
  sectionPath: string[];
  /** Column header shown above a table cell item (a table row reads "header / item"). */
  label?: string;
}

function isMarkdownTableParagraph(p: Paragraph): boolean {
  return p.lines.length >= 2 && p.lines.every((l) => l.text.trim().startsWith('|'));
}

function tableCells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|\s*$/, '').split('|');
}

/**
 * A Markdown table: the whole table is one passage, and every `<li>` item of a
 * cell is a passage of its own whose section ends with the column header.
 */
function tableBlocks(p: Paragraph, path: string[], headingStart: number | null): Block[] {
  const first = p.lines[0];
  const last = p.lines[p.lines.length - 1];
  const blocks: Block[] = [{ start: headingStart ?? first.start, end: last.end, sectionPath: path }];
  const headers = tableCells(first.text).map((h) => readableText(h).trim());
  for (const row of p.lines.slice(1)) {
    if (/^\|?\s*:?-+/.test(row.text.trim())) continue;
    let col = -1;
    let offset = row.start;
    for (const cell of row.text.split('|')) {
      const cellStart = offset;
      offset += cell.length + 1;
      if (cellStart === row.start && cell.trim() === '') continue; // leading pipe
      col++;
      const re = /<li>([\s\S]*?)<\/li>/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(cell))) {
        const s = cellStart + m.index + 4;
        const header = headers[col] ?? '';
        blocks.push({ start: s, end: s + m[1].length, sectionPath: [...path, header].filter(Boolean), label: header || undefined });
      }
    }
  }
  return blocks;
}

/** Cuts a document body into passages following its headings. */
export function chunkDocument(doc: SourceDocument): Passage[] {
  const body = doc.body;
  const paras = paragraphs(splitLines(body));
  const stack: Heading[] = [];
  const blocks: Block[] = [];
  /** Start of the headings not yet followed by body text: the next passage begins there. */
  let pendingStart: number | null = null;
  let pendingSameLevel: string[] = [];
  let current: Block | null = null;
  let admonitionStart: number | null = null;

  const path = (): string[] => stack.map((h) => h.title);
  const closeCurrent = (): void => {
    if (current) blocks.push(current);
    current = null;
  };
  const pushHeading = (level: number, title: string, start: number): void => {
    closeCurrent();
    while (stack.length && stack[stack.length - 1].level > level) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.level === level) {
      stack.pop();
      // Bodiless sibling headings (flattened table cells) are named together.
      pendingSameLevel = pendingStart !== null ? [...pendingSameLevel, title].slice(-2) : [title];
    } else {
      pendingSameLevel = [title];
    }
    stack.push({ level, title: pendingSameLevel.join(' / ') });
    if (pendingStart === null) pendingStart = start;
  };
  const addText = (start: number, end: number): void => {
    const from = admonitionStart ?? pendingStart ?? start;
    if (current && end - current.start <= MAX_PASSAGE_CHARS && pendingStart === null) {
      current.end = end;
    } else {
      closeCurrent();
      current = { start: from, end, sectionPath: path() };
    }
    pendingStart = null;
    admonitionStart = null;
  };

  paras.forEach((p, i) => {
    const firstText = p.lines[0].text.trim();
    if (p.lines.length === 1) {
      const md = MARKDOWN_HEADING.exec(firstText);
      if (md) return pushHeading(md[1].length, readableText(md[2]).trim(), p.lines[0].start);
      if (ADMONITIONS.has(folded(firstText))) {
        admonitionStart ??= p.lines[0].start;
        return;
      }
      const level = plainHeadingLevel(firstText, paras[i + 1]?.lines[0].text);
      if (level) return pushHeading(level, firstText.normalize('NFKC').replace(/\s+/g, ' '), p.lines[0].start);
    }
    if (isMarkdownTableParagraph(p)) {
      closeCurrent();
      blocks.push(...tableBlocks(p, path(), pendingStart));
      pendingStart = null;
      return;
    }
    const start = p.lines[0].start;
    const end = p.lines[p.lines.length - 1].end;
    if (end - start <= MAX_PASSAGE_CHARS) return addText(start, end);
    for (const line of p.lines.flatMap(splitLongLine)) addText(line.start, line.end);
  });
  closeCurrent();
  if (pendingStart !== null) blocks.push({ start: pendingStart, end: body.trimEnd().length, sectionPath: path() });

  return blocks
    .map((b) => ({ ...b, text: cleanPassageText(body.slice(b.start, b.end)) }))
    .filter((b) => b.text)
    // A table item alone loses its meaning (無効になる or にならない?): its column header leads it.
    .map((b) => (b.label ? { ...b, text: `${b.label}\n${b.text}` } : b))
    .map((b, n) => ({
      id: `${doc.id}#${n}`,
      docId: doc.id,
      sectionPath: b.sectionPath,
      section: b.sectionPath.join(' > '),
      start: b.start,
      end: b.end,
      text: b.text,
    }));
}

/** Readable passage text: links and tags folded, chrome lines and runs of blank lines dropped. */
function cleanPassageText(slice: string): string {
  return readableText(slice)
    .split('\n')
    .filter((l) => !isChromeLine(l))
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const chunkCache = new WeakMap<SourceDocument, Passage[]>();

/** Passages of a document, computed once per loaded document. */
export function passagesOf(doc: SourceDocument): Passage[] {
  let p = chunkCache.get(doc);
  if (!p) {
    p = chunkDocument(doc);
    chunkCache.set(doc, p);
  }
  return p;
}

/**
 * The passage of `doc` that holds `quote`: the smallest passage containing it,
 * else the passage where the quote starts. Undefined when the quote is not there.
 */
export function findPassageForQuote(doc: SourceDocument, quote: string): Passage | undefined {
  const q = foldForQuote(readableText(quote));
  if (!q) return undefined;
  const passages = passagesOf(doc);
  const containing = passages.filter((p) => foldedText(p).includes(q));
  if (containing.length) return containing.reduce((a, b) => (b.text.length < a.text.length ? b : a));
  const head = q.slice(0, Math.min(12, q.length));
  return passages.find((p) => foldedText(p).includes(head));
}

const foldedCache = new WeakMap<Passage, string>();

/** foldForQuote(passage.text), once per passage: every citation at load searches all passages of its document. */
function foldedText(p: Passage): string {
  let f = foldedCache.get(p);
  if (f === undefined) {
    f = foldForQuote(p.text);
    foldedCache.set(p, f);
  }
  return f;
}
