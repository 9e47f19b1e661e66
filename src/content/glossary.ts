/**
 * The bilingual glossary (knowledge/glossary.yaml): English terms and synonyms
 * mapped to the Japanese terms the documents use. Data only; editable without code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { load as parseYaml } from 'js-yaml';

export interface GlossaryEntry {
  en: string[];
  ja: string[];
}

export interface LoadedGlossary {
  entries: GlossaryEntry[];
  /** Problems, each naming the file (and entry). Valid entries still load. */
  errors: string[];
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : undefined;
  if (!Array.isArray(v)) return undefined;
  const list = v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim());
  return list.length === v.length && list.every(Boolean) && list.length ? list : undefined;
}

/** Parses glossary YAML text; `file` names the source in error messages. */
export function parseGlossary(text: string, file: string): LoadedGlossary {
  const name = basename(file);
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    return { entries: [], errors: [`${name}: not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  const terms = (data as { terms?: unknown } | null)?.terms;
  if (!Array.isArray(terms)) return { entries: [], errors: [`${name}: expected a "terms:" list`] };
  const entries: GlossaryEntry[] = [];
  const errors: string[] = [];
  terms.forEach((t, i) => {
    const en = stringList((t as Record<string, unknown> | null)?.en);
    const ja = stringList((t as Record<string, unknown> | null)?.ja);
    if (!en || !ja) errors.push(`${name}: term #${i + 1} needs non-empty "en" and "ja" lists`);
    else entries.push({ en, ja });
  });
  return { entries, errors };
}

/** Loads the glossary file; a missing file is an empty glossary. */
export function loadGlossary(file: string): LoadedGlossary {
  if (!existsSync(file)) return { entries: [], errors: [] };
  return parseGlossary(readFileSync(file, 'utf8'), file);
}
