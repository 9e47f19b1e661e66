/** A problem found in a content file, as `kb check` and the loaders report it. */
export interface ContentProblem {
  /** File name, relative to its folder (e.g. "answers/mechanism.yaml", "glossary.yaml"). */
  file: string;
  /** The entry, term, node or section at fault, when there is one. */
  entry?: string;
  message: string;
  /** Warnings are served around (e.g. a to-do entry is not served) and do not fail a check. */
  severity: 'error' | 'warning';
  /** For a citation whose quote is not (or no longer) in its document: that document's id. */
  brokenQuoteOf?: string;
}

/** One line per problem: "file: entry: what is wrong". */
export function problemLine(p: ContentProblem): string {
  return [p.file, p.entry, p.message].filter(Boolean).join(': ');
}
