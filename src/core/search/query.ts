/**
 * Turns a question into weighted search terms grouped into concepts. A concept is
 * one thing the asker mentioned (a word, a compound with its parts, a glossary
 * phrase with its Japanese equivalents); coverage of concepts decides whether the
 * knowledge base can answer at all.
 */
import { japaneseBigrams, type Analyzer } from '../analysis/analyzer.js';
import { exactKeys } from './exact-lookup.js';
import { unique, type GlossaryExpander } from './glossary-expansion.js';

export interface Concept {
  /** What the asker wrote for it. */
  label: string;
  /** Index terms that stand for it, most specific first. */
  terms: string[];
  /** True when the concept came through the glossary from English. */
  translated?: boolean;
}

export interface AnalyzedQuery {
  /** Script of the question: Japanese text is analyzed directly, English through the glossary. */
  script: 'ja' | 'en';
  concepts: Concept[];
  /** Term → query weight (boost). */
  weights: Map<string, number>;
  /** Character bigrams for the secondary field. */
  bigrams: string[];
  /** Error codes and setting/cmdlet names for exact lookup. */
  exact: string[];
  /** English phrases the glossary recognised (for the English lead line). */
  glossaryPhrases: string[];
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;

/** Japanese question: one concept per group of overlapping tokens (a compound and its parts). */
function japaneseConcepts(question: string, analyzer: Analyzer, expander: GlossaryExpander): Concept[] {
  const tokens = analyzer.tokens(question);
  const groups: { start: number; end: number; terms: string[]; compound: boolean }[] = [];
  for (const t of tokens) {
    const g = groups.find((x) => t.start < x.end && x.start < t.end);
    if (g) {
      g.start = Math.min(g.start, t.start);
      g.end = Math.max(g.end, t.end);
      g.terms.push(t.term);
    } else groups.push({ start: t.start, end: t.end, terms: [t.term], compound: !!t.merged });
  }
  // Glossary synonyms are alternatives after the asker's own words.
  return groups.map((g) => ({ label: g.terms[0], terms: unique([...g.terms, ...g.terms.flatMap((t) => expander.jaSynonyms(t))]) }));
}

function englishConcepts(question: string, analyzer: Analyzer, expander: GlossaryExpander): { concepts: Concept[]; phrases: string[] } {
  const { matches, rest } = expander.expand(question);
  const concepts: Concept[] = matches.map((m) => ({ label: m.phrase, terms: m.terms, translated: true }));
  for (const w of rest) {
    const terms = analyzer.terms(w.raw);
    if (terms.length) concepts.push({ label: w.raw, terms: unique(terms) });
  }
  return { concepts, phrases: matches.map((m) => m.phrase) };
}

/** Analyzes a question for search. */
export function analyzeQuery(question: string, analyzer: Analyzer, expander: GlossaryExpander): AnalyzedQuery {
  const script = JAPANESE.test(question) ? 'ja' : 'en';
  let concepts: Concept[];
  let phrases: string[] = [];
  if (script === 'ja') concepts = japaneseConcepts(question, analyzer, expander);
  else ({ concepts, phrases } = englishConcepts(question, analyzer, expander));

  const weights = new Map<string, number>();
  for (const c of concepts) {
    // The most specific term (compound, first glossary form) counts fully; alternatives a little less,
    // and a concept with many alternatives does not outweigh the others.
    const share = 1 / Math.sqrt(c.terms.length);
    c.terms.forEach((t, i) => weights.set(t, Math.max(weights.get(t) ?? 0, i === 0 ? 1 : Math.max(0.5, share))));
  }
  const bigramSource = script === 'ja' ? question : concepts.filter((c) => c.translated).flatMap((c) => c.terms).filter((t) => JAPANESE.test(t)).join(' ');
  return {
    script,
    concepts,
    weights,
    bigrams: unique(japaneseBigrams(bigramSource)),
    exact: exactKeys(question),
    glossaryPhrases: phrases,
  };
}
