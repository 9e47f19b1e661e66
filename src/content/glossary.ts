/**
 * The bilingual glossary (knowledge/glossary.yaml): English terms and synonyms
 * mapped to the Japanese terms the documents use. Data only; editable without code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYamlInto, problemLog, stringList, type ContentProblem } from './problems.js';

export interface GlossaryEntry {
  en: string[];
  ja: string[];
  /**
   * How askers write the Japanese terms where the documents never do (パワーオートメイト, 情シス):
   * each is read as the entry's Japanese terms, and is not itself searched for.
   */
  spellings?: string[];
}

export interface LoadedGlossary {
  entries: GlossaryEntry[];
  /** Problems, each naming the file (and entry). Valid entries still load. */
  errors: string[];
  /** The same problems, structured (file is the path as given). */
  problems: ContentProblem[];
}

/** A glossary term's words may be one string, and numbers such as 365 are words. */
const GLOSSARY_LIST = { single: true, numbers: true };

/** Parses glossary YAML text; `file` names the source in error messages. */
export function parseGlossary(text: string, file: string): LoadedGlossary {
  const log = problemLog(file);
  const problem = log.error;
  const { errors, problems } = log;
  const entries: GlossaryEntry[] = [];
  const parsed = parseYamlInto(text, log);
  if (!parsed) return { entries, errors, problems };
  const terms = (parsed.data as { terms?: unknown } | null)?.terms;
  if (!Array.isArray(terms)) {
    problem('expected a "terms:" list');
    return { entries, errors, problems };
  }
  terms.forEach((t, i) => {
    const en = stringList((t as Record<string, unknown> | null)?.en, GLOSSARY_LIST);
    const ja = stringList((t as Record<string, unknown> | null)?.ja, GLOSSARY_LIST);
    const raw = (t as Record<string, unknown> | null)?.spellings;
    const spellings = raw === undefined ? undefined : stringList(raw, GLOSSARY_LIST);
    if (!en || !ja) problem('needs non-empty "en" and "ja" lists', `term #${i + 1}`);
    else if (raw !== undefined && !spellings) problem('"spellings" must be a non-empty string or list of non-empty strings', `term #${i + 1}`);
    else entries.push({ en, ja, ...(spellings ? { spellings } : {}) });
  });
  return { entries, errors, problems };
}

/** Loads the glossary file; a missing file is an empty glossary. */
export function loadGlossary(file: string): LoadedGlossary {
  if (!existsSync(file)) return { entries: [], errors: [], problems: [] };
  return parseGlossary(readFileSync(file, 'utf8'), file);
}
