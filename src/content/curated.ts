/**
 * Curated bilingual answers (knowledge/answers/*.yaml). Every citation quote is
 * verified verbatim against its document while loading; an entry with a fake quote,
 * an unknown document or a missing language is rejected with every problem named
 * (file, entry, what is wrong). An entry still marked to-do (a draft whose English is
 * not written yet) is not served either, with a warning.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { BrokenQuoteError, resolveCitation } from './citations.js';
import type { ContentProblem } from './problems.js';
import type { Bilingual, Citation, CitationRef, Lang, SourceDocument } from './types.js';

export type NoteKind = 'conflict' | 'outdated';

export interface CuratedNote {
  kind: NoteKind;
  text: Bilingual;
  citations: Citation[];
}

export interface CuratedAnswer {
  id: string;
  topic: string;
  questions: Record<Lang, string[]>;
  answer: Bilingual;
  /** Resolved citations; the first is the main source. */
  citations: Citation[];
  notes: CuratedNote[];
  /** File the entry came from. */
  file: string;
}

export interface LoadedCurated {
  answers: CuratedAnswer[];
  /** One line per problem, naming the file and entry id (to-do entries included, as warnings). */
  errors: string[];
  /** The same problems, structured (file is the path as given). */
  problems: ContentProblem[];
}

const LANGS: readonly Lang[] = ['ja', 'en'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** How a draft marks the fields still to write (see kb draft); such an entry is never served. */
export const TODO_MARK = 'TODO';
const TODO = new RegExp(`^\\s*${TODO_MARK}\\b`);

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

interface EntryProblem {
  message: string;
  brokenQuoteOf?: string;
}

/** Collects every problem of one entry instead of stopping at the first. */
class EntryReader {
  readonly problems: EntryProblem[] = [];
  todo = false;

  constructor(
    private readonly owner: string,
    private readonly documents: readonly SourceDocument[],
  ) {}

  problem(message: string): void {
    this.problems.push({ message });
  }

  text(v: unknown): string | undefined {
    if (typeof v !== 'string' || !v.trim()) return undefined;
    if (TODO.test(v)) this.todo = true;
    return v.trim();
  }

  bilingual(v: unknown, what: string): Bilingual {
    if (!isRecord(v)) {
      this.problem(`${what} must have "ja" and "en"`);
      return { ja: '', en: '' };
    }
    const out = { ja: '', en: '' };
    for (const lang of LANGS) {
      const t = this.text(v[lang]);
      if (t === undefined) this.problem(`${what} is missing "${lang}"`);
      else out[lang] = t;
    }
    return out;
  }

  citations(v: unknown, what: string): Citation[] {
    if (!Array.isArray(v) || v.length === 0) {
      this.problem(`${what} needs at least one citation`);
      return [];
    }
    const out: Citation[] = [];
    v.forEach((c, i) => {
      if (!isRecord(c) || typeof c.doc !== 'string' || typeof c.quote !== 'string') return this.problem(`${what} citation #${i + 1} needs "doc" and "quote"`);
      try {
        out.push(resolveCitation({ doc: c.doc, quote: c.quote } satisfies CitationRef, this.documents, this.owner));
      } catch (e) {
        const message = (e as Error).message.replace(`${this.owner}: `, '');
        this.problems.push(e instanceof BrokenQuoteError ? { message, brokenQuoteOf: e.doc } : { message });
      }
    });
    return out;
  }
}

interface ReadEntry {
  id?: string;
  answer?: CuratedAnswer;
  problems: EntryProblem[];
  todo: boolean;
}

/** Validates and resolves one entry, collecting every problem; `answer` only when there is none. */
function readCuratedEntry(raw: unknown, documents: readonly SourceDocument[], file: string): ReadEntry {
  if (!isRecord(raw)) return { problems: [{ message: 'entry is not a mapping' }], todo: false };
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  if (!ID.test(id)) return { problems: [{ message: `entry has no kebab-case id (got ${JSON.stringify(raw.id)})` }], todo: false };
  const r = new EntryReader(`answer "${id}"`, documents);
  const questions = { ja: [], en: [] } as Record<Lang, string[]>;
  const q = raw.questions;
  if (!isRecord(q)) r.problem('needs "questions" with "ja" and "en" lists');
  else {
    for (const lang of LANGS) {
      const list = q[lang];
      const texts = Array.isArray(list) ? list.map((x) => r.text(x)) : [];
      if (!texts.length || texts.some((t) => t === undefined)) r.problem(`questions are missing "${lang}" phrasings`);
      else questions[lang] = texts as string[];
    }
  }
  const answer = r.bilingual(raw.answer, 'answer');
  const citations = r.citations(raw.citations, 'answer');
  const notes: CuratedNote[] = [];
  if (raw.notes != null && !Array.isArray(raw.notes)) r.problem('"notes" must be a list');
  else {
    ((raw.notes as unknown[] | undefined) ?? []).forEach((n, i) => {
      if (!isRecord(n) || (n.kind !== 'conflict' && n.kind !== 'outdated')) return r.problem(`note #${i + 1} needs kind conflict or outdated`);
      notes.push({ kind: n.kind, text: r.bilingual(n, `note #${i + 1}`), citations: r.citations(n.citations, `note #${i + 1}`) });
    });
  }
  if (r.problems.length || r.todo) return { id, problems: r.problems, todo: r.todo };
  return { id, problems: [], todo: false, answer: { id, topic: typeof raw.topic === 'string' ? raw.topic : '', questions, answer, citations, notes, file } };
}

/** Validates and resolves one entry; throws with a message that names the entry and its first problem. */
export function parseCuratedEntry(raw: unknown, documents: readonly SourceDocument[], file: string): CuratedAnswer {
  const r = readCuratedEntry(raw, documents, file);
  if (r.answer) return r.answer;
  const owner = r.id ? `answer "${r.id}": ` : '';
  throw new Error(owner + (r.problems[0]?.message ?? TODO_NOTICE));
}

const TODO_NOTICE = `still marked ${TODO_MARK} (write the English fields, then remove the marks); not served`;

/** Parses one answers file. Broken and to-do entries are reported and skipped; the rest load. */
export function parseCuratedFile(text: string, file: string, documents: readonly SourceDocument[]): LoadedCurated {
  const name = basename(file);
  const fail = (message: string): LoadedCurated => ({ answers: [], errors: [`${name}: ${message}`], problems: [{ file, message, severity: 'error' }] });
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    return fail(`not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const list = isRecord(data) ? data.answers : undefined;
  if (!Array.isArray(list)) return fail('expected an "answers:" list');
  const out: LoadedCurated = { answers: [], errors: [], problems: [] };
  list.forEach((raw, i) => {
    const r = readCuratedEntry(raw, documents, file);
    if (r.answer) return void out.answers.push(r.answer);
    const entry = r.id ?? `entry #${i + 1}`;
    const found: ContentProblem[] = r.problems.map((p) => ({ file, entry, message: p.message, severity: 'error', ...(p.brokenQuoteOf ? { brokenQuoteOf: p.brokenQuoteOf } : {}) }));
    if (r.todo) found.push({ file, entry, message: TODO_NOTICE, severity: 'warning' });
    for (const p of found) {
      out.problems.push(p);
      out.errors.push(`${name}: ${r.id ? `answer "${r.id}"` : entry}: ${p.message}`);
    }
  });
  return out;
}

/** Lists the answer files (*.yaml, *.yml) of a folder, sorted; none when it does not exist. */
export function listAnswerFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && ['.yaml', '.yml'].includes(extname(e.name).toLowerCase()))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Loads every answers file of `dir`; duplicate ids across files are errors too. */
export function loadCuratedAnswers(dir: string, documents: readonly SourceDocument[]): LoadedCurated {
  const answers: CuratedAnswer[] = [];
  const errors: string[] = [];
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  for (const file of listAnswerFiles(dir)) {
    const r = parseCuratedFile(readFileSync(file, 'utf8'), file, documents);
    errors.push(...r.errors);
    problems.push(...r.problems);
    for (const a of r.answers) {
      const prev = seen.get(a.id);
      if (prev) {
        const message = `duplicates the id already used in ${prev}`;
        errors.push(`${basename(file)}: answer "${a.id}" ${message}`);
        problems.push({ file, entry: a.id, message, severity: 'error' });
        continue;
      }
      seen.set(a.id, basename(file));
      answers.push(a);
    }
  }
  return { answers, errors, problems };
}
