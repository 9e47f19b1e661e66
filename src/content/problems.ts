import { basename } from 'node:path';
import { load as parseYaml } from 'js-yaml';

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

/** A content file's problems as they are found: as lines naming the file by its base name, and structured. */
export interface ProblemLog {
  errors: string[];
  problems: ContentProblem[];
  /** Records an error, of the whole file or of one entry. */
  error(message: string, entry?: string): void;
}

/** An empty log for `file` (the path as given; its lines name the base name). */
export function problemLog(file: string): ProblemLog {
  const name = basename(file);
  const log: ProblemLog = {
    errors: [],
    problems: [],
    error(message, entry) {
      log.errors.push([name, entry, message].filter(Boolean).join(': '));
      log.problems.push({ file, ...(entry ? { entry } : {}), message, severity: 'error' });
    },
  };
  return log;
}

/** The YAML text parsed, or undefined once the log says why it is not valid YAML. */
export function parseYamlInto(text: string, log: ProblemLog): { data: unknown } | undefined {
  try {
    return { data: parseYaml(text) };
  } catch (e) {
    log.error(`not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** How {@link stringList} reads a value. */
export interface StringListOptions {
  /** A lone string is read as a list of one. */
  single?: boolean;
  /** Numbers (YAML reads unquoted 365 as one) are read as their digits; otherwise they make the list invalid. */
  numbers?: boolean;
}

/** A non-empty list of non-empty strings, trimmed; undefined for anything else, so the loader can say why. */
export function stringList(v: unknown, options: StringListOptions = {}): string[] | undefined {
  if (typeof v === 'string' && options.single) return v.trim() ? [v.trim()] : undefined;
  if (!Array.isArray(v) || !v.length) return undefined;
  const list = v
    .filter((x): x is string | number => typeof x === 'string' || (options.numbers === true && typeof x === 'number'))
    .map((x) => String(x).trim());
  return list.length === v.length && list.every(Boolean) ? list : undefined;
}
