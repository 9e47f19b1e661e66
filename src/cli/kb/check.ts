/**
 * `kb check`: every content problem under knowledge/ and dialogs/ in one run (one
 * line each: file, entry, what is wrong), the documents whose curated quotes no
 * longer match with the entries to fix, and a coverage table per document. The
 * loaders the bot uses do the validating; this only gathers and prints.
 */
import { basename, dirname, join, relative } from 'node:path';
import { documentCoverage, type DocumentCoverage } from '../../content/coverage.js';
import { loadCuratedAnswers, type CuratedAnswer } from '../../content/curated.js';
import { loadDocuments } from '../../content/documents.js';
import { loadGlossary } from '../../content/glossary.js';
import { loadNearTopics } from '../../content/near-topics.js';
import { problemLine, type ContentProblem } from '../../content/problems.js';
import type { SourceDocument } from '../../content/types.js';
import { loadTrees } from '../../core/troubleshoot/index.js';

export interface CheckOptions {
  knowledgeDir: string;
  dialogsDir: string;
}

export interface CheckResult {
  problems: ContentProblem[];
  documents: SourceDocument[];
  curated: CuratedAnswer[];
  coverage: DocumentCoverage[];
  /** Per document id: the curated entries whose quotes no longer match it. */
  brokenQuotes: Map<string, { file: string; entry: string }[]>;
}

export function checkContent(options: CheckOptions): CheckResult {
  const problems: ContentProblem[] = [];
  const docs = loadDocuments(options.knowledgeDir);
  for (const e of docs.errors) problems.push({ file: e.file, message: e.message.replace(`${basename(e.file)}: `, ''), severity: 'error' });
  problems.push(...loadGlossary(join(options.knowledgeDir, 'glossary.yaml')).problems);
  problems.push(...loadNearTopics(join(options.knowledgeDir, 'near-topics.yaml')).problems);
  const curated = loadCuratedAnswers(join(options.knowledgeDir, 'answers'), docs.documents);
  problems.push(...curated.problems);
  for (const p of loadTrees(options.dialogsDir, docs.documents).problems) problems.push({ ...p, severity: 'error' });

  const brokenQuotes = new Map<string, { file: string; entry: string }[]>();
  for (const p of curated.problems) {
    if (!p.brokenQuoteOf || !p.entry) continue;
    const list = brokenQuotes.get(p.brokenQuoteOf) ?? [];
    if (!list.some((x) => x.entry === p.entry)) list.push({ file: p.file, entry: p.entry });
    brokenQuotes.set(p.brokenQuoteOf, list);
  }
  const coverage = docs.documents.map((d) => documentCoverage(d, curated.answers));
  return { problems, documents: docs.documents, curated: curated.answers, coverage, brokenQuotes };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd()).join('\n');
}

/** Terminal columns: CJK characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** The check as printed: problems, documents with broken quotes, coverage. */
export function renderCheck(r: CheckResult, options: CheckOptions): string {
  const root = dirname(options.knowledgeDir);
  const rel = (f: string) => relative(root, f) || f;
  const out: string[] = [];
  for (const p of r.problems) out.push(`${p.severity === 'warning' ? 'warning' : 'error'}  ${problemLine({ ...p, file: rel(p.file) })}`);
  if (r.brokenQuotes.size) {
    out.push('', 'Documents whose curated quotes no longer match (fix these entries):');
    for (const [docId, entries] of r.brokenQuotes) {
      const doc = r.documents.find((d) => d.id === docId);
      const byFile = new Map<string, string[]>();
      for (const e of entries) byFile.set(rel(e.file), [...(byFile.get(rel(e.file)) ?? []), e.entry]);
      out.push(`  ${doc ? rel(doc.file) : docId}: ${[...byFile].map(([f, ids]) => `${f}: ${ids.join(', ')}`).join('; ')}`);
    }
  }
  out.push('', 'Coverage (an English asker gets a written answer only where a curated entry cites the document):');
  const rows = [['document', 'lang', 'sections', 'passages', 'cited by curated', 'sections only as a Japanese quote']];
  for (const c of r.coverage) {
    const jaOnly = c.doc.lang === 'ja' ? String(c.uncovered.length) : '-';
    rows.push([c.doc.id, c.doc.lang, String(c.sections.length), String(c.passages), String(c.citedPassages), jaOnly]);
  }
  out.push(table(rows));
  for (const c of r.coverage) {
    if (c.doc.lang !== 'ja' || !c.uncovered.length) continue;
    out.push('', `${c.doc.id}: sections English askers get only as a Japanese quote:`);
    for (const s of c.uncovered) out.push(`  - ${s.section || '(top of the document)'}`);
  }
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  const warnings = r.problems.length - errors;
  out.push('', `${errors} error(s), ${warnings} warning(s); ${r.documents.length} documents, ${r.curated.length} curated entries served.`);
  return out.join('\n');
}

/** Exit code of a check: 1 when there is any error (warnings alone pass). */
export function checkExitCode(r: CheckResult): number {
  return r.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
