import type { Citation, Lang } from '../../content/types.js';

/** One answer to a question: curated (written for both languages) or a matching passage. */
export interface Answer {
  /** Stable id: the curated entry id, or the passage id. Used for feedback. */
  id: string;
  kind: 'curated' | 'passage';
  /** Answer text in the asker's language. For a passage answered to an English asker:
   *  an English lead line; the Japanese text stays in the citation quote. */
  text: string;
  score: number;
  citations: Citation[];
  /** Caveats in the asker's language: a cited source conflicts with or is outdated by another. */
  notes?: { text: string; citations: Citation[] }[];
}

/** The result of asking the knowledge base one question. */
export interface AskResult {
  question: string;
  lang: Lang;
  answered: boolean;
  /** Best first, at most `limit` (default 5). Empty when not answered. */
  answers: Answer[];
  /** "Did you mean" suggestions (question phrasings) when not answered. */
  suggestions?: string[];
}

export interface AskOptions {
  /** Answer language; detected from the question when omitted. */
  lang?: Lang;
  /** Maximum number of answers (default 5). */
  limit?: number;
}
