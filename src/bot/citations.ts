import type { Citation } from '../content/types.js';
import { cleanText, clip } from './text-safety.js';

/** Teams' limits for a client citation (bot messages with AI-generated content). */
const NAME_MAX = 80;
const ABSTRACT_MAX = 160;

/** A citation with its position: the number shown as [n] in the message text. */
export interface NumberedCitation extends Citation {
  position: number;
}

/**
 * Numbers citations in order of first use, merging repeats of the same quote
 * from the same document so [n] always means one source passage.
 */
export class CitationList {
  readonly items: NumberedCitation[] = [];

  /** Adds citations and returns their markers, e.g. "[1][2]" ("" when none). */
  add(citations: readonly Citation[]): string {
    const positions: number[] = [];
    for (const c of citations) {
      let found = this.items.find((i) => i.docId === c.docId && i.quote === c.quote);
      if (!found) {
        found = { ...c, position: this.items.length + 1 };
        this.items.push(found);
      }
      if (!positions.includes(found.position)) positions.push(found.position);
    }
    return positions.map((p) => `[${p}]`).join('');
  }
}

/**
 * The schema.org Message entity Teams reads to show the AI label and the
 * citation pop-ups for the [n] markers in the message text.
 */
export function citationEntity(citations: readonly NumberedCitation[]): Record<string, unknown> {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
    citation: citations.map((c) => ({
      '@type': 'Claim',
      position: c.position,
      appearance: {
        '@type': 'DigitalDocument',
        name: clip(cleanText(c.title), NAME_MAX),
        ...(/^https:\/\//i.test(c.url) ? { url: c.url } : {}),
        abstract: clip(cleanText(c.quote), ABSTRACT_MAX),
      },
    })),
  };
}

/**
 * The visible sources list for clients that do not render the entity (channels,
 * Emulator, terminal). Titles and quotes are the sources' own words, so they
 * are always inside quotation marks: an English reply shows Japanese only there.
 */
export function sourcesText(citations: readonly NumberedCitation[], heading: string): string {
  if (!citations.length) return '';
  const lines = citations.map(
    (c) => `[${c.position}] “${clip(cleanText(c.title), NAME_MAX)}” ${c.url}\n    “${clip(cleanText(c.quote), 300)}”`,
  );
  return `${heading}:\n${lines.join('\n')}`;
}
