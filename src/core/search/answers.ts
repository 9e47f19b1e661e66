/**
 * Builds answers from ranked candidates: curated answers in the asker's language,
 * passages as cited quotes (with an English lead line for English askers).
 */
import type { CuratedAnswer } from '../../content/curated.js';
import type { Passage } from '../../content/passages.js';
import type { Authority, Citation, Lang, SourceDocument } from '../../content/types.js';
import { containsKey, foldForLookup } from './exact-lookup.js';
import type { QuoteIndex } from './quote-index.js';
import type { AnalyzedQuery, QuestionForm } from './query.js';
import type { Answer } from './types.js';

/** True when ids[from..to) holds id (a sentence has a few dozen distinct terms at most). */
function holds(ids: ArrayLike<number>, from: number, to: number, id: number): boolean {
  for (let i = from; i < to; i++) if (ids[i] === id) return true;
  return false;
}

/**
 * The sentence of the passage that best matches the question (most query weight,
 * exact keys counting most); always verbatim in the source document. The candidate
 * sentences (short enough, verbatim) and their terms were computed when the index was
 * built, so nothing is tokenized here.
 */
export function bestQuote(passage: Passage, item: number, quotes: QuoteIndex, q: AnalyzedQuery): string {
  const weights = [...q.weights].map(([t, w]) => [quotes.vocab.get(t) ?? -1, w] as const);
  let best = '';
  let bestScore = -1;
  for (let r = quotes.itemRows[item]; r < quotes.itemRows[item + 1]; r++) {
    const s = passage.text.slice(quotes.start[r], quotes.end[r]);
    let score = 0;
    for (const [id, w] of weights) if (id >= 0 && holds(quotes.termIds, quotes.termOffsets[r], quotes.termOffsets[r + 1], id)) score += w;
    if (q.exact.length) {
      const folded = foldForLookup(s);
      for (const k of q.exact) if (containsKey(folded, k)) score += 5;
    }
    // Prefer full sentences over bare headings when they score the same.
    score += Math.min(s.length, 80) / 1000;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  if (best) return best;
  const first = passage.text.split('\n')[0].trim();
  return quotes.firstLineVerbatim[item] ? first : passage.text;
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

export function passageAnswer(passage: Passage, doc: SourceDocument, score: number, lang: Lang, q: AnalyzedQuery, quote: string): Answer {
  return {
    id: passage.id,
    kind: 'passage',
    text: lang === 'ja' ? passage.text : englishLeadLine(doc, q),
    score,
    citations: [passageCitation(passage, doc, quote)],
  };
}

/** A leading yes or no: the answer of a yes/no question, wrong first words for any other. */
const YES_NO_LEAD = /^(?:はい|いいえ)[。、]\s*|^(?:Yes|No)[.,]\s+/;

/**
 * The answer's text as the question's form wants it: a why / how-long / how question gets the
 * reason, the duration or the way first, not the "Yes." / 「はい。」 its answer opens with
 * for the yes/no phrasing of the same fact.
 */
export function fitToQuestion(text: string, form: QuestionForm): string {
  if (form === 'yes-no' || form === 'other') return text;
  const rest = text.replace(YES_NO_LEAD, '');
  return rest === text || !rest ? text : rest[0].toUpperCase() + rest.slice(1);
}

export function curatedAnswer(entry: CuratedAnswer, score: number, lang: Lang, form: QuestionForm = 'other'): Answer {
  const answer: Answer = { id: entry.id, kind: 'curated', text: fitToQuestion(entry.answer[lang], form), score, citations: entry.citations };
  if (entry.notes.length) answer.notes = entry.notes.map((n) => ({ text: n.text[lang], citations: n.citations }));
  return answer;
}
