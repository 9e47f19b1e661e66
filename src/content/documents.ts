import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { splitFrontMatter } from './front-matter.js';
import type { Authority, Lang, SourceDocument } from './types.js';

const AUTHORITIES: readonly Authority[] = ['microsoft-docs', 'microsoft-support', 'community'];
const SOURCE_EXTENSIONS = new Set(['.md', '.txt']);

export interface DocumentLoadError {
  file: string;
  message: string;
}

export interface LoadedDocuments {
  documents: SourceDocument[];
  errors: DocumentLoadError[];
}

/** Lists the source files (Markdown or text) directly inside the knowledge folder. */
export function listSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE_EXTENSIONS.has(extname(e.name).toLowerCase()) && !/^readme\./i.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Parses one source document; throws an Error naming what is wrong (not the file: the caller adds that). */
export function parseDocument(file: string, text: string): SourceDocument {
  const { data, body } = splitFrontMatter(text);
  const str = (key: string): string | undefined => {
    const v = data[key];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const id = str('id');
  if (!id) throw new Error('front matter has no id');
  const fileId = basename(file, extname(file));
  if (id !== fileId) throw new Error(`front matter id "${id}" does not match the file name "${fileId}"`);
  const title = str('title');
  if (!title) throw new Error('front matter has no title');
  const url = str('url');
  if (!url) throw new Error('front matter has no url');
  const authority = (str('authority') ?? 'community') as Authority;
  if (!AUTHORITIES.includes(authority)) {
    throw new Error(`front matter authority "${authority}" is not one of ${AUTHORITIES.join(', ')}`);
  }
  const lang = (str('lang') ?? 'ja') as Lang;
  if (lang !== 'ja' && lang !== 'en') throw new Error(`front matter lang "${lang}" is not ja or en`);
  const published = data.published == null ? null : String(data.published);
  return { id, title, url, publisher: str('publisher'), authority, published, lang, body, file };
}

/**
 * Loads every source document in `dir`. A broken file is reported in `errors`
 * (naming the file) and the others still load.
 */
export function loadDocuments(dir: string): LoadedDocuments {
  const documents: SourceDocument[] = [];
  const errors: DocumentLoadError[] = [];
  for (const file of listSourceFiles(dir)) {
    try {
      documents.push(parseDocument(file, readFileSync(file, 'utf8')));
    } catch (e) {
      errors.push({ file, message: `${basename(file)}: ${(e as Error).message}` });
    }
  }
  return { documents, errors };
}
