/**
 * The glossary as the analyzer reads it (see AnalyzedGlossary), saved beside the index: it
 * depends on the glossary and the analyzer only, which the index's hash covers, so a start
 * with a current index reads it instead of tokenizing every glossary term again.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { GlossaryEntry } from '../../content/glossary.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { analyzeGlossary, GlossaryExpander, type AnalyzedGlossary } from './glossary-expansion.js';

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
 * else read with the analyzer and saved (temp file and rename, as the index). A failed save is
 * returned as a problem, never thrown: the next start reads the glossary again.
 */
export function openGlossaryExpander(file: string, hash: string, entries: readonly GlossaryEntry[], analyzer: Analyzer): { expander: GlossaryExpander; errors: string[] } {
  const saved = load(file, hash);
  if (saved) return { expander: new GlossaryExpander(entries, saved), errors: [] };
  const analyzed = analyzeGlossary(entries, analyzer);
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ hash, analyzed } satisfies SavedGlossary));
    renameSync(tmp, file);
  } catch (e) {
    return { expander: new GlossaryExpander(entries, analyzed), errors: [`${file}: could not save the analyzed glossary: ${(e as Error).message}`] };
  }
  return { expander: new GlossaryExpander(entries, analyzed), errors: [] };
}
