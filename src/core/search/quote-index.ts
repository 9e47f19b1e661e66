/**
 * The quotable sentences of every passage, analyzed when the index is built so that
 * answering never tokenizes passages: answers pick their quote from these rows
 * (see bestQuote). Saved with the index (see index-store).
 */
import type { Passage } from '../../content/passages.js';
import { isVerbatimQuote } from '../../content/quotes.js';
import type { SourceDocument } from '../../content/types.js';
import type { Analyzer } from '../analysis/analyzer.js';

/** Quotes are sentences of at most twice this many characters. */
export const MAX_QUOTE_CHARS = 240;

/**
 * Candidate quotes of a passage: its lines, split further at sentence ends, list/heading marks removed.
 * Used when the index is built, so the saved index holds its result.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[。!?！？])\s*/))
    .map((s) => s.replace(/^\s*(#{1,6}\s+|[-*•·]\s+|\d+\.\s+|\|\s*)/, '').trim())
    .filter((s) => s.length >= 2);
}

/** Non-negative integers in the narrowest array type that holds them (most quote rows fit a byte or two). */
export type Ints = Uint8Array | Uint16Array | Int32Array;

function narrow(a: ArrayLike<number>): Ints {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  return max < 2 ** 8 ? Uint8Array.from(a) : max < 2 ** 16 ? Uint16Array.from(a) : Int32Array.from(a);
}

/**
 * The quotable sentences of every passage (see sentencesOf), analyzed at build time so
 * answering never tokenizes passages. Candidate rows of item i: itemRows[i]..itemRows[i + 1];
 * row r is the sentence passage.text.slice(start[r], end[r]), with the quote-term ids
 * termIds[termOffsets[r]..termOffsets[r + 1]) (distinct, ids into vocab).
 */
export interface QuoteIndex {
  vocab: Map<string, number>;
  itemRows: Ints;
  start: Ints;
  end: Ints;
  termOffsets: Ints;
  termIds: Ints;
  /** Per item: 1 when the passage's first line is verbatim in its document (the fallback quote). */
  firstLineVerbatim: Uint8Array;
}

/**
 * The candidate quotes of every passage: sentences short enough to quote and verbatim in
 * the document, with their analyzed terms, per item of the index (curated items have no
 * passage and no rows). Repeated sentences are analyzed once.
 */
export function quoteIndex(passageOfItem: readonly (Passage | undefined)[], docs: ReadonlyMap<string, SourceDocument>, analyzer: Analyzer): QuoteIndex {
  const vocab = new Map<string, number>();
  const termsOf = new Map<string, number[]>();
  const itemRows = new Int32Array(passageOfItem.length + 1);
  const firstLineVerbatim = new Uint8Array(passageOfItem.length);
  const start: number[] = [];
  const end: number[] = [];
  const termOffsets: number[] = [0];
  const termIds: number[] = [];
  passageOfItem.forEach((p, i) => {
    itemRows[i] = start.length;
    const doc = p && docs.get(p.docId);
    if (!p || !doc) return;
    for (const s of sentencesOf(p.text)) {
      if (s.length > MAX_QUOTE_CHARS * 2 || !isVerbatimQuote(s, doc.body)) continue;
      let ids = termsOf.get(s);
      if (!ids) {
        ids = [...new Set(analyzer.terms(s))].map((t) => vocab.get(t) ?? (vocab.set(t, vocab.size), vocab.size - 1));
        termsOf.set(s, ids);
      }
      // A sentence is a substring of the passage text (a line piece without its list mark, trimmed).
      const at = p.text.indexOf(s);
      if (at < 0) throw new Error(`quote sentence not found in passage ${p.id}`);
      start.push(at);
      end.push(at + s.length);
      termIds.push(...ids);
      termOffsets.push(termIds.length);
    }
    firstLineVerbatim[i] = isVerbatimQuote(p.text.split('\n')[0].trim(), doc.body) ? 1 : 0;
  });
  itemRows[passageOfItem.length] = start.length;
  return {
    vocab,
    itemRows: narrow(itemRows),
    start: narrow(start),
    end: narrow(end),
    termOffsets: narrow(termOffsets),
    termIds: narrow(termIds),
    firstLineVerbatim,
  };
}
