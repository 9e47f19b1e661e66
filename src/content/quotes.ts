/**
 * Quote verification: a quote is real when it is a verbatim excerpt of its source,
 * compared after NFKC and whitespace folding. Markdown link syntax and inline HTML
 * are also folded so that a quote may span a link's text.
 */

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

/** True when `quote` occurs in `source` (raw or readable form) after folding. */
export function isVerbatimQuote(quote: string, source: string): boolean {
  const q = foldForQuote(quote);
  if (!q) return false;
  return foldForQuote(source).includes(q) || foldForQuote(readableText(source)).includes(q);
}
