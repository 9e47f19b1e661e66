import type { Citation, Lang } from '../content/types.js';
import type { QuoteEnglish } from '../core/search/answers.js';
import { t } from './language/strings.js';
import { cleanText, clip } from './text-safety.js';

/** Teams' limits for a client citation's title and abstract. */
const NAME_MAX = 80;
const ABSTRACT_MAX = 160;

/** A citation with its position: the number shown as [n] in the message text. */
export interface NumberedCitation extends Citation {
  position: number;
  /** In an English step, the English there is for a Japanese quote (see KnowledgeService.englishOf). */
  english?: QuoteEnglish;
}

/**
 * The line shown under a Japanese quote in an English step: the gist of what it says, what it is
 * about, or plainly that the source is Japanese. Undefined for a quote shown without English.
 */
export function quoteEnglishLine(c: Pick<NumberedCitation, 'english'>, lang: Lang): string | undefined {
  const e = c.english;
  if (!e) return undefined;
  if (e.gist) return t(lang, 'quoteGist', { gist: cleanText(e.gist) });
  if (e.topics?.length) return t(lang, 'quoteTopics', { topics: e.topics.map((x) => cleanText(x)).join(', ') });
  return t(lang, 'quoteJapaneseOnly');
}

/**
 * Numbers citations in order of first use, merging repeats of the same quote
 * from the same document so [n] always means one source passage.
 */
export class CitationList {
  readonly items: NumberedCitation[] = [];

  /** Adds citations and returns their markers, e.g. "[1][2]" ("" when none). */
  add(citations: readonly (Citation & Pick<NumberedCitation, 'english'>)[]): string {
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

/** The cited sources grouped by URL: one entry per page, with the positions quoted from it. */
export function sourcesByUrl(citations: readonly NumberedCitation[]): { url: string; title: string; items: NumberedCitation[] }[] {
  const groups = new Map<string, { url: string; title: string; items: NumberedCitation[] }>();
  for (const c of citations) {
    const key = c.url || `${c.docId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { url: c.url, title: c.title, items: [] }));
    g.items.push(c);
  }
  return [...groups.values()];
}

/**
 * The schema.org Message entity Teams reads to render each [n] in the message
 * text as a citation with a pop-up. It carries no AI label: the answers are
 * curated text and verbatim quotes, not generated.
 */
export function citationEntity(citations: readonly NumberedCitation[]): Record<string, unknown> {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
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
 * The visible sources list for clients that do not render citations (the
 * terminal chat, the Emulator, Web Chat): one line per page, its [n] and the
 * quotes taken from it. Titles and quotes are the sources' own words, so they
 * are always inside quotation marks: an English reply shows Japanese only there, each
 * quote of an English step followed by its English (see quoteEnglishLine).
 */
export function sourcesText(citations: readonly NumberedCitation[], heading: string, lang: Lang): string {
  if (!citations.length) return '';
  const lines: string[] = [];
  for (const g of sourcesByUrl(citations)) {
    lines.push(`- “${clip(cleanText(g.title), NAME_MAX)}” ${g.url}`.trimEnd());
    for (const c of g.items) {
      lines.push(`  - [${c.position}] “${clip(cleanText(c.quote), 300)}”`);
      const english = quoteEnglishLine(c, lang);
      if (english) lines.push(`    ${english}`);
    }
  }
  return `${heading}:\n${lines.join('\n')}`;
}
