/**
 * Draft curated entries for the sections of a document no curated entry covers:
 * Japanese questions from the heading and the key sentence, the Japanese answer
 * from the passage, citations whose quotes are verified verbatim, and the English
 * fields present but marked to-do (the loader serves no entry while a mark is left).
 * An English document gets the mirror image: English from it, Japanese to write.
 */
import type { SectionCoverage } from './coverage.js';
import { TODO_MARK } from './curated.js';
import { isVerbatimQuote } from './quotes.js';
import type { SourceDocument } from './types.js';

export interface DraftEntry {
  id: string;
  topic: string;
  questions: { ja: string[]; en: string[] };
  answer: { ja: string; en: string };
  citations: { doc: string; quote: string }[];
}

const MAX_ANSWER_CHARS = 300;
const MIN_SENTENCE_CHARS = 12;

/** Sentences of a passage, without its heading lines and table pipes (". " ends an English one). */
export function sentencesOf(text: string, headings: readonly string[]): string[] {
  // Sibling headings are named together ("A / B"): each one is a heading line of its own.
  const titles = new Set(headings.flatMap((h) => [h, ...h.split(' / ')]));
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const l = line.replace(/^[\s\-*+•|#>]+|\|\s*$/g, '').trim();
    if (!l || titles.has(l.normalize('NFKC').replace(/\s+/g, ' '))) continue;
    // A sentence ends at 。！？ and keeps the closing brackets after it (「…ですか？」 stays whole).
    for (const s of l.match(/(?:[^。！？!?.]|\.(?!\s))+(?:[。！？!?.]+[」』）)"]*)?/g) ?? []) if (s.trim()) out.push(s.trim());
  }
  return out;
}

/** A yes/no question from a declarative Japanese sentence ending in です / ます / ません; undefined otherwise. */
export function questionFromSentence(sentence: string): string | undefined {
  const s = sentence.replace(/[。.]$/, '').trim();
  if (s.length > 80) return undefined;
  if (/ません$/.test(s)) return `${s}か`;
  if (/(です|ます)$/.test(s)) return `${s}か`;
  if (/(でした|ました)$/.test(s)) return `${s}か`;
  return undefined;
}

/** Questions from a heading: itself when it already asks, else "tell me about" (and "what is" for a short name). */
export function headingQuestions(heading: string): string[] {
  const parts = heading.split(' / ');
  const asked = parts.filter((p) => /[?？]$/.test(p.trim()));
  if (asked.length) return asked.map((p) => p.trim());
  const h = parts[parts.length - 1].trim();
  return [`${h}について教えてください`, ...([...h].length <= 20 ? [`${h}とは何ですか`] : [])];
}

/** The entry id for a section: the document id and the section's number in the document. */
function entryId(doc: SourceDocument, n: number): string {
  return `${doc.id}-${String(n + 1).padStart(2, '0')}`;
}

/** One draft entry per uncovered section that has something to quote. */
export function draftEntries(doc: SourceDocument, uncovered: readonly SectionCoverage[], allSections: readonly SectionCoverage[]): DraftEntry[] {
  const entries: DraftEntry[] = [];
  for (const section of uncovered) {
    const headings = section.passages[0]?.sectionPath ?? [];
    const heading = headings[headings.length - 1] ?? doc.title;
    const sentences = section.passages
      .flatMap((p) => sentencesOf(p.text, headings))
      .filter((s) => s.length >= MIN_SENTENCE_CHARS && isVerbatimQuote(s, doc.body));
    if (!sentences.length) continue;
    const answerSentences: string[] = [];
    for (const s of sentences) {
      if (answerSentences.length && answerSentences.join('').length + s.length > MAX_ANSWER_CHARS) break;
      answerSentences.push(s);
    }
    const base = { id: entryId(doc, allSections.indexOf(section)), topic: doc.id, citations: answerSentences.slice(0, 2).map((quote) => ({ doc: doc.id, quote })) };
    if (doc.lang === 'en') {
      // An English document: the English side comes from it, the Japanese side is the one to write.
      const en = /[?]$/.test(heading) ? [heading] : [`Tell me about ${heading}`, `What is ${heading}?`];
      entries.push({
        ...base,
        questions: { ja: [`${TODO_MARK}: the Japanese question for "${heading}"`], en },
        answer: { ja: `${TODO_MARK}: the Japanese answer (from the English below)`, en: answerSentences.join(' ') },
      });
      continue;
    }
    const fromSentence = sentences.map(questionFromSentence).find((q): q is string => !!q);
    entries.push({
      ...base,
      questions: { ja: [...headingQuestions(heading), ...(fromSentence ? [fromSentence] : [])], en: [`${TODO_MARK}: the English question for 「${heading}」`] },
      answer: { ja: answerSentences.join(''), en: `${TODO_MARK}: the English answer (from the Japanese above)` },
    });
  }
  return entries;
}
