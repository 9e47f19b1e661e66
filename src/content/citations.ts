import { findPassageForQuote } from './passages.js';
import { isVerbatimQuote } from './quotes.js';
import type { Citation, CitationRef, SourceDocument } from './types.js';

/** A quote that is not verbatim in the document it cites (typically: the document changed). */
export class BrokenQuoteError extends Error {
  constructor(
    message: string,
    readonly doc: string,
  ) {
    super(message);
    this.name = 'BrokenQuoteError';
  }
}

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
    throw new BrokenQuoteError(`${owner}: quote is not verbatim in "${ref.doc}": ${ref.quote}`, ref.doc);
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
