/**
 * Quote verification: a quote is real when it is a verbatim excerpt of its source,
 * compared after NFKC and whitespace folding. Markdown link syntax and inline HTML
 * are also folded so that a quote may span a link's text.
 */
import { LRUCache } from 'lru-cache';

/** NFKC, then every run of whitespace becomes one space. */
export function foldForQuote(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** The source text as a reader sees it: link targets and HTML tags dropped. */
export function readableText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ');
}

/**
 * The folded raw and readable forms of the last few sources. Quotes are checked many at a
 * time against the same document body (citations at load, quote candidates at index
 * build), and folding a whole body again for each quote would be most of that work.
 */
const foldedSources = new LRUCache<string, [string, string]>({ max: 16 });

function foldedSource(source: string): [string, string] {
  let f = foldedSources.get(source);
  if (!f) foldedSources.set(source, (f = [foldForQuote(source), foldForQuote(readableText(source))]));
  return f;
}

/** True when `quote` occurs in `source` (raw or readable form) after folding. */
export function isVerbatimQuote(quote: string, source: string): boolean {
  const q = foldForQuote(quote);
  if (!q) return false;
  const [raw, readable] = foldedSource(source);
  return raw.includes(q) || readable.includes(q);
}
