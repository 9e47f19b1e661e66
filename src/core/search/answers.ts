/**
 * Builds answers from ranked candidates: curated answers in the asker's language,
 * passages as cited quotes (with an English lead line for English askers).
 */
import type { CuratedAnswer } from '../../content/curated.js';
import type { Passage } from '../../content/passages.js';
import { isVerbatimQuote } from '../../content/quotes.js';
import type { Authority, Citation, Lang, SourceDocument } from '../../content/types.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { containsKey, foldForLookup } from './exact-lookup.js';
import type { AnalyzedQuery } from './query.js';
import type { Answer } from './types.js';

const MAX_QUOTE_CHARS = 240;

/** Candidate quotes of a passage: its lines, split further at sentence ends, list/heading marks removed. */
export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[。!?！？])\s*/))
    .map((s) => s.replace(/^\s*(#{1,6}\s+|[-*•·]\s+|\d+\.\s+|\|\s*)/, '').trim())
    .filter((s) => s.length >= 2);
}

/**
 * The sentence of the passage that best matches the question (most query weight,
 * exact keys counting most); always verbatim in the source document.
 */
export function bestQuote(passage: Passage, doc: SourceDocument, q: AnalyzedQuery, analyzer: Analyzer): string {
  let best = '';
  let bestScore = -1;
  for (const s of sentencesOf(passage.text)) {
    if (s.length > MAX_QUOTE_CHARS * 2) continue;
    const terms = new Set(analyzer.terms(s));
    let score = 0;
    for (const [t, w] of q.weights) if (terms.has(t)) score += w;
    const folded = foldForLookup(s);
    for (const k of q.exact) if (containsKey(folded, k)) score += 5;
    // Prefer full sentences over bare headings when they score the same.
    score += Math.min(s.length, 80) / 1000;
    if (score > bestScore && isVerbatimQuote(s, doc.body)) {
      best = s;
      bestScore = score;
    }
  }
  if (best) return best;
  const first = passage.text.split('\n')[0].trim();
  return isVerbatimQuote(first, doc.body) ? first : passage.text;
}

const SOURCE_LABEL: Record<Authority, string> = {
  'microsoft-docs': 'Microsoft documentation',
  'microsoft-support': 'a Microsoft support article',
  community: 'a community article (not from Microsoft)',
};

/**
 * English lead line for a Japanese passage. It stays in English (the document
 * title and section are Japanese and are in the citation) and says what matched.
 */
export function englishLeadLine(doc: SourceDocument, q: AnalyzedQuery): string {
  const topics = [...q.glossaryPhrases, ...q.exact].filter((t, i, a) => a.indexOf(t) === i).slice(0, 4);
  const about = topics.length ? ` about ${topics.map((t) => `"${t}"`).join(', ')}` : '';
  return `From ${SOURCE_LABEL[doc.authority]} (${doc.url})${about}: the Japanese source text is quoted below.`;
}

export function passageCitation(passage: Passage, doc: SourceDocument, quote: string): Citation {
  return { docId: doc.id, title: doc.title, url: doc.url, section: passage.section, quote, passage: passage.text };
}

export function passageAnswer(
  passage: Passage,
  doc: SourceDocument,
  score: number,
  lang: Lang,
  q: AnalyzedQuery,
  analyzer: Analyzer,
): Answer {
  const quote = bestQuote(passage, doc, q, analyzer);
  return {
    id: passage.id,
    kind: 'passage',
    text: lang === 'ja' ? passage.text : englishLeadLine(doc, q),
    score,
    citations: [passageCitation(passage, doc, quote)],
  };
}

export function curatedAnswer(entry: CuratedAnswer, score: number, lang: Lang): Answer {
  const answer: Answer = { id: entry.id, kind: 'curated', text: entry.answer[lang], score, citations: entry.citations };
  if (entry.notes.length) answer.notes = entry.notes.map((n) => ({ text: n.text[lang], citations: n.citations }));
  return answer;
}
