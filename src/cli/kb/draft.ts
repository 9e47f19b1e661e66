/** `kb draft FILE`: writes a draft answers file for the sections of a document no curated entry covers. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { dump } from 'js-yaml';
import { documentCoverage } from '../../content/coverage.js';
import { loadCuratedAnswers } from '../../content/curated.js';
import { loadDocuments } from '../../content/documents.js';
import { draftEntries, type DraftEntry } from '../../content/draft.js';

export interface DraftResult {
  out?: string;
  entries: DraftEntry[];
  /** What went wrong, when nothing was written. */
  problem?: string;
}

export function draftFor(file: string, options: { out?: string; force?: boolean } = {}): DraftResult {
  const knowledgeDir = dirname(resolve(file));
  const docId = basename(file, extname(file));
  const docs = loadDocuments(knowledgeDir);
  const broken = docs.errors.find((e) => resolve(e.file) === resolve(file));
  if (broken) return { entries: [], problem: broken.message };
  const doc = docs.documents.find((d) => d.id === docId);
  if (!doc) return { entries: [], problem: `${file}: not a document of ${knowledgeDir} (Markdown or text with front matter)` };
  const curated = loadCuratedAnswers(join(knowledgeDir, 'answers'), docs.documents);
  const coverage = documentCoverage(doc, curated.answers);
  const entries = draftEntries(doc, coverage.uncovered, coverage.sections);
  if (!entries.length) return { entries, problem: `${basename(file)}: every section with text is already cited by a curated entry; nothing to draft` };
  const out = options.out ?? join(knowledgeDir, 'answers', `${doc.id}-draft.yaml`);
  if (existsSync(out) && !options.force) return { entries, problem: `${out} exists: edit it, remove it, or pass --out / --force` };
  mkdirSync(dirname(out), { recursive: true });
  const header =
    `# Draft answers for ${basename(file)}: ${entries.length} section(s) no curated entry covered.\n` +
    '# Check the Japanese questions and answers, write the English fields (replace every TODO),\n' +
    '# then run `npm run kb -- check`. Entries still marked TODO are not served.\n';
  writeFileSync(out, header + dump({ answers: entries }, { lineWidth: -1 }), { mode: 0o644 });
  return { out, entries };
}
