/**
 * The glossary as the analyzer reads it (see AnalyzedGlossary), saved beside the index: it
 * depends on the glossary and the analyzer only, which the index's hash covers, so a start
 * with a current index reads it instead of tokenizing every glossary term again.
 */
import { readFileSync } from 'node:fs';
import type { GlossaryEntry } from '../../content/glossary.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { analyzeGlossary, GlossaryExpander, type AnalyzedGlossary } from './glossary-expansion.js';
import { writeFileWhole } from '../write-whole.js';

interface SavedGlossary {
  hash: string;
  analyzed: AnalyzedGlossary;
}

/** The saved reading when it was made for `hash`; undefined when missing, unreadable or stale. */
function load(file: string, hash: string): AnalyzedGlossary | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedGlossary;
    return saved.hash === hash ? saved.analyzed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The expander of a glossary: from its saved reading when that was made for the index's hash,
 * else read with the analyzer and saved whole (see write-whole). A failed save is
 * returned as a problem, never thrown: the next start reads the glossary again.
 */
export function openGlossaryExpander(file: string, hash: string, entries: readonly GlossaryEntry[], analyzer: Analyzer): { expander: GlossaryExpander; errors: string[] } {
  const saved = load(file, hash);
  const analyzed = saved ?? analyzeGlossary(entries, analyzer);
  const expander = new GlossaryExpander(entries, analyzed);
  if (saved) return { expander, errors: [] };
  try {
    writeFileWhole(file, JSON.stringify({ hash, analyzed } satisfies SavedGlossary));
  } catch (e) {
    return { expander, errors: [`${file}: could not save the analyzed glossary: ${(e as Error).message}`] };
  }
  return { expander, errors: [] };
}
