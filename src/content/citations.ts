import { isVerbatimQuote } from './quotes.js';
import type { Citation, CitationRef, SourceDocument } from './types.js';

/**
 * Resolves a data-file citation ({doc, quote}) to a full citation, or throws
 * naming what is wrong. `owner` names the entry or node for the error message.
 *
 * PLACEHOLDER section/passage lookup (paragraph + nearest heading-like line);
 * the passage chunker replaces it so section and passage match the search index.
 */
export function resolveCitation(ref: CitationRef, documents: readonly SourceDocument[], owner: string): Citation {
  const doc = documents.find((d) => d.id === ref.doc);
  if (!doc) throw new Error(`${owner}: cites unknown document "${ref.doc}"`);
  if (!isVerbatimQuote(ref.quote, doc.body)) {
    throw new Error(`${owner}: quote is not verbatim in "${ref.doc}": ${ref.quote}`);
  }
  const paragraphs = doc.body.split(/\n\s*\n/);
  const key = ref.quote.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, 12);
  const passage =
    paragraphs.find((p) => p.normalize('NFKC').replace(/\s+/g, ' ').includes(key))?.trim() ?? ref.quote;
  return { docId: doc.id, title: doc.title, url: doc.url, section: '', quote: ref.quote.trim(), passage };
}
