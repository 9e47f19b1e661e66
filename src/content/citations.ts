import { findPassageForQuote } from './passages.js';
import { isVerbatimQuote } from './quotes.js';
import type { Citation, CitationRef, SourceDocument } from './types.js';

/**
 * Resolves a data-file citation ({doc, quote}) to a full citation, or throws
 * naming what is wrong. `owner` names the entry or node for the error message.
 * Section and passage come from the structural chunker, so they are the same
 * passages the search index returns.
 */
export function resolveCitation(ref: CitationRef, documents: readonly SourceDocument[], owner: string): Citation {
  if (!ref || typeof ref.doc !== 'string' || typeof ref.quote !== 'string') {
    throw new Error(`${owner}: a citation needs "doc" and "quote" strings`);
  }
  const doc = documents.find((d) => d.id === ref.doc);
  if (!doc) throw new Error(`${owner}: cites unknown document "${ref.doc}"`);
  if (!isVerbatimQuote(ref.quote, doc.body)) {
    throw new Error(`${owner}: quote is not verbatim in "${ref.doc}": ${ref.quote}`);
  }
  const passage = findPassageForQuote(doc, ref.quote);
  return {
    docId: doc.id,
    title: doc.title,
    url: doc.url,
    section: passage?.section ?? '',
    quote: ref.quote.trim(),
    passage: passage?.text ?? ref.quote.trim(),
  };
}
