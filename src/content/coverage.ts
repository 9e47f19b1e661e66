/**
 * How much of each document the curated answers cover: an English asker gets a
 * written English answer only through a curated entry; any other passage reaches
 * them as a Japanese quote with an English lead line.
 */
import type { CuratedAnswer } from './curated.js';
import { findPassageForQuote, passagesOf, type Passage } from './passages.js';
import type { SourceDocument } from './types.js';

export interface SectionCoverage {
  section: string;
  passages: Passage[];
  /** Curated entries citing a passage of this section. */
  entries: string[];
}

export interface DocumentCoverage {
  doc: SourceDocument;
  sections: SectionCoverage[];
  passages: number;
  /** Passages cited by at least one curated entry (answer or note). */
  citedPassages: number;
  /** Sections no curated entry cites: for a Japanese document, English askers get only a Japanese quote there. */
  uncovered: SectionCoverage[];
}

/** The passages of `doc` each curated entry cites, by passage id. */
function citingEntries(doc: SourceDocument, curated: readonly CuratedAnswer[]): Map<string, Set<string>> {
  const byPassage = new Map<string, Set<string>>();
  for (const entry of curated) {
    for (const c of [...entry.citations, ...entry.notes.flatMap((n) => n.citations)]) {
      if (c.docId !== doc.id) continue;
      const p = findPassageForQuote(doc, c.quote);
      if (!p) continue;
      const set = byPassage.get(p.id) ?? new Set<string>();
      set.add(entry.id);
      byPassage.set(p.id, set);
    }
  }
  return byPassage;
}

export function documentCoverage(doc: SourceDocument, curated: readonly CuratedAnswer[]): DocumentCoverage {
  const passages = passagesOf(doc);
  const cited = citingEntries(doc, curated);
  const sections = new Map<string, SectionCoverage>();
  for (const p of passages) {
    const s = sections.get(p.section) ?? { section: p.section, passages: [], entries: [] };
    s.passages.push(p);
    for (const e of cited.get(p.id) ?? []) if (!s.entries.includes(e)) s.entries.push(e);
    sections.set(p.section, s);
  }
  const list = [...sections.values()];
  return {
    doc,
    sections: list,
    passages: passages.length,
    citedPassages: passages.filter((p) => cited.has(p.id)).length,
    uncovered: list.filter((s) => !s.entries.length),
  };
}
