/**
 * Curated bilingual answers (knowledge/answers/*.yaml). Every citation quote is
 * verified verbatim against its document while loading; an entry with a fake quote,
 * an unknown document or a missing language is rejected with an error naming it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { resolveCitation } from './citations.js';
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
  /** One message per rejected entry or broken file, naming the file and entry id. */
  errors: string[];
}

const LANGS: readonly Lang[] = ['ja', 'en'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function bilingual(v: unknown, what: string): Bilingual {
  if (!isRecord(v)) throw new Error(`${what} must have "ja" and "en"`);
  for (const lang of LANGS) {
    if (typeof v[lang] !== 'string' || !(v[lang] as string).trim()) throw new Error(`${what} is missing "${lang}"`);
  }
  return { ja: (v.ja as string).trim(), en: (v.en as string).trim() };
}

function citationRefs(v: unknown, what: string): CitationRef[] {
  if (!Array.isArray(v) || v.length === 0) throw new Error(`${what} needs at least one citation`);
  return v.map((c, i) => {
    if (!isRecord(c) || typeof c.doc !== 'string' || typeof c.quote !== 'string') {
      throw new Error(`${what} citation #${i + 1} needs "doc" and "quote"`);
    }
    return { doc: c.doc, quote: c.quote };
  });
}

/** Validates and resolves one entry; throws with a message that names the entry. */
export function parseCuratedEntry(raw: unknown, documents: readonly SourceDocument[], file: string): CuratedAnswer {
  if (!isRecord(raw)) throw new Error('entry is not a mapping');
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  if (!ID.test(id)) throw new Error(`entry has no kebab-case id (got ${JSON.stringify(raw.id)})`);
  const owner = `answer "${id}"`;
  try {
    const q = raw.questions;
    if (!isRecord(q)) throw new Error('needs "questions" with "ja" and "en" lists');
    const questions = {} as Record<Lang, string[]>;
    for (const lang of LANGS) {
      const list = q[lang];
      if (!Array.isArray(list) || !list.length || !list.every((s) => typeof s === 'string' && s.trim())) {
        throw new Error(`questions are missing "${lang}" phrasings`);
      }
      questions[lang] = (list as string[]).map((s) => s.trim());
    }
    const answer = bilingual(raw.answer, 'answer');
    const citations = citationRefs(raw.citations, 'answer').map((c) => resolveCitation(c, documents, owner));
    const notes: CuratedNote[] = [];
    if (raw.notes != null) {
      if (!Array.isArray(raw.notes)) throw new Error('"notes" must be a list');
      raw.notes.forEach((n, i) => {
        if (!isRecord(n) || (n.kind !== 'conflict' && n.kind !== 'outdated')) {
          throw new Error(`note #${i + 1} needs kind conflict or outdated`);
        }
        notes.push({
          kind: n.kind,
          text: bilingual(n, `note #${i + 1}`),
          citations: citationRefs(n.citations, `note #${i + 1}`).map((c) => resolveCitation(c, documents, owner)),
        });
      });
    }
    return { id, topic: typeof raw.topic === 'string' ? raw.topic : '', questions, answer, citations, notes, file };
  } catch (e) {
    const msg = (e as Error).message;
    throw new Error(msg.startsWith(owner) ? msg : `${owner}: ${msg}`);
  }
}

/** Parses one answers file. Broken entries are reported and skipped; the rest load. */
export function parseCuratedFile(text: string, file: string, documents: readonly SourceDocument[]): LoadedCurated {
  const name = basename(file);
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    return { answers: [], errors: [`${name}: not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  const list = isRecord(data) ? data.answers : undefined;
  if (!Array.isArray(list)) return { answers: [], errors: [`${name}: expected an "answers:" list`] };
  const answers: CuratedAnswer[] = [];
  const errors: string[] = [];
  for (const raw of list) {
    try {
      answers.push(parseCuratedEntry(raw, documents, file));
    } catch (e) {
      errors.push(`${name}: ${(e as Error).message}`);
    }
  }
  return { answers, errors };
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
  const seen = new Map<string, string>();
  for (const file of listAnswerFiles(dir)) {
    const r = parseCuratedFile(readFileSync(file, 'utf8'), file, documents);
    errors.push(...r.errors);
    for (const a of r.answers) {
      const prev = seen.get(a.id);
      if (prev) {
        errors.push(`${basename(file)}: answer "${a.id}" duplicates the id already used in ${prev}`);
        continue;
      }
      seen.set(a.id, basename(file));
      answers.push(a);
    }
  }
  return { answers, errors };
}
