/** Shared shapes of the bundled knowledge. Pure data: no behaviour, no dependencies. */

export type Lang = 'ja' | 'en';

/** Authority of a source, strongest first. Answers prefer Microsoft sources. */
export type Authority = 'microsoft-docs' | 'microsoft-support' | 'community';

/** One source document from knowledge/ (file name = id). */
export interface SourceDocument {
  id: string;
  title: string;
  url: string;
  publisher?: string;
  authority: Authority;
  published?: string | null;
  lang: Lang;
  /** The document body after the front matter, exactly as in the file. */
  body: string;
  /** Path of the file it came from, for error messages. */
  file: string;
}

/** A citation as every answer and every troubleshooting outcome carries it. */
export interface Citation {
  docId: string;
  title: string;
  url: string;
  /** Section path of the passage that holds the quote, e.g. "概要 > MaxInactiveTime". */
  section: string;
  /** Verbatim excerpt of the source document. */
  quote: string;
  /** Full text of the cited passage (chunk). */
  passage: string;
}

/** A citation as written in data files (answers, dialogs): the rest is resolved at load. */
export interface CitationRef {
  doc: string;
  quote: string;
}

export type Bilingual = Record<Lang, string>;
