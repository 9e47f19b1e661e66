/**
 * The knowledge base the bot and the CLIs use: documents, glossary and curated
 * answers loaded and verified, the prebuilt index loaded (rebuilt when stale), and
 * `ask()` answering synchronously in the asker's language.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadCuratedAnswers, type CuratedAnswer, type CuratedNote } from '../../content/curated.js';
import { loadDocuments } from '../../content/documents.js';
import { loadGlossary, type GlossaryEntry } from '../../content/glossary.js';
import { passagesOf, type Passage } from '../../content/passages.js';
import type { Authority, Citation, SourceDocument } from '../../content/types.js';
import { Analyzer } from '../analysis/analyzer.js';
import { UserDictionary } from '../analysis/filters.js';
import { loadTokenizer } from '../analysis/kuromoji-loader.js';
import { detectLang } from '../language.js';
import { repoRoot } from '../repo-root.js';
import { AnswerCache } from './answer-cache.js';
import { bestQuote, curatedAnswer, passageAnswer } from './answers.js';
import { foldForLookup } from './exact-lookup.js';
import { GlossaryExpander } from './glossary-expansion.js';
import { buildIndex, knowledgeHash, loadIndex, saveIndex, type IndexedItem, type SearchIndex } from './index-store.js';
import { analyzeQuery } from './query.js';
import { rankCandidates, shouldAnswer, type Candidate } from './ranking.js';
import { TermCache } from './term-search.js';
import type { Answer, AskOptions, AskResult } from './types.js';

export interface OpenOptions {
  /** Folder with the documents, glossary.yaml and answers/ (default: <repo>/knowledge). */
  knowledgeDir?: string;
  /** Prebuilt index file (default: <repo>/.cache/knowledge-index.json). */
  indexFile?: string;
  /** Throw instead of collecting load errors. */
  strict?: boolean;
  /** Search results kept for later questions, in hits (see TermCache; 0 keeps none). */
  searchCacheHits?: number;
  /** Whole answers kept for repeated questions, in entries (see AnswerCache; 0 keeps none). */
  answerCacheSize?: number;
}

export function defaultKnowledgeDir(): string {
  return join(repoRoot(), 'knowledge');
}

/**
 * Where the prebuilt index of a knowledge folder lives: <repo>/.cache/knowledge-index.json
 * for the bundled folder, a file named after the folder's path for any other, so two
 * folders never overwrite each other's index.
 */
export function defaultIndexFile(knowledgeDir: string = defaultKnowledgeDir()): string {
  const dir = resolve(knowledgeDir);
  const name = dir === resolve(defaultKnowledgeDir()) ? 'knowledge-index.json' : `knowledge-index-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}.json`;
  return join(repoRoot(), '.cache', name);
}

/**
 * How many of the best candidates ranking returns (see rankCandidates): answers come from the
 * first few (a passage already cited by a curated answer above it is skipped).
 */
const RANKED_KEPT = 100;

/** How the index was obtained by `open` (for logs and the build script). */
export type IndexSource = 'prebuilt' | 'rebuilt';

export class KnowledgeBase {
  readonly documents: readonly SourceDocument[];
  readonly passages: readonly Passage[];
  readonly curated: readonly CuratedAnswer[];
  readonly glossary: readonly GlossaryEntry[];
  /** Problems found while loading (broken files, rejected entries), each naming the file. */
  readonly loadErrors: readonly string[];
  readonly indexSource: IndexSource;

  private readonly passageById: Map<string, Passage>;
  private readonly curatedById: Map<string, CuratedAnswer>;
  private readonly docById: Map<string, SourceDocument>;
  /**
   * Per item of the index: folded text for exact lookup (folded at open: the first question
   * naming a code would otherwise fold the whole corpus), source authority.
   */
  private readonly folded: string[];
  private readonly authorities: Authority[];
  /** Caveats of curated entries keyed by the passages their notes cite (see passageNotes). */
  private readonly notesByPassage: Map<string, { note: CuratedNote; entry: CuratedAnswer }[]>;

  private constructor(
    init: {
      documents: SourceDocument[];
      passages: Passage[];
      curated: CuratedAnswer[];
      glossary: GlossaryEntry[];
      loadErrors: string[];
      indexSource: IndexSource;
    },
    readonly analyzer: Analyzer,
    private readonly index: SearchIndex,
    private readonly expander: GlossaryExpander,
    private readonly searchCache: TermCache,
    private readonly answerCache: AnswerCache,
  ) {
    this.documents = init.documents;
    this.passages = init.passages;
    this.curated = init.curated;
    this.glossary = init.glossary;
    this.loadErrors = init.loadErrors;
    this.indexSource = init.indexSource;
    this.passageById = new Map(init.passages.map((p) => [p.id, p]));
    this.curatedById = new Map(init.curated.map((c) => [c.id, c]));
    this.docById = new Map(init.documents.map((d) => [d.id, d]));
    this.authorities = index.items.map((item) => this.authorityOf(item));
    this.folded = index.items.map((item) => this.foldItem(item));
    this.notesByPassage = new Map();
    for (const entry of init.curated) {
      for (const note of entry.notes) {
        for (const c of note.citations) {
          const key = citationKey(c);
          const list = this.notesByPassage.get(key) ?? [];
          if (!list.some((x) => x.note === note)) list.push({ note, entry });
          this.notesByPassage.set(key, list);
        }
      }
    }
  }

  /**
   * Caveats for a passage answer: when a curated note says this passage conflicts with
   * or is outdated by another source, the passage answer carries that note, citing the
   * note's sources and the curated entry's main (preferred) source.
   */
  private passageNotes(answer: Answer, lang: 'ja' | 'en'): Answer['notes'] {
    const found = this.notesByPassage.get(citationKey(answer.citations[0]));
    if (!found?.length) return undefined;
    return found.map(({ note, entry }) => {
      const citations = [...note.citations];
      const main = entry.citations[0];
      if (main && !citations.some((c) => citationKey(c) === citationKey(main))) citations.push(main);
      return { text: note.text[lang], citations };
    });
  }

  /** Loads documents, glossary, curated answers; loads the prebuilt index (rebuilding it when stale). */
  static async open(options: OpenOptions = {}): Promise<KnowledgeBase> {
    const knowledgeDir = options.knowledgeDir ?? defaultKnowledgeDir();
    const indexFile = options.indexFile ?? defaultIndexFile(knowledgeDir);
    const loadErrors: string[] = [];
    // Start the dictionary load first: its file reads and gunzip run while the YAML is parsed.
    const tokenizer = loadTokenizer();

    const docs = loadDocuments(knowledgeDir);
    loadErrors.push(...docs.errors.map((e) => e.message));
    const glossary = loadGlossary(join(knowledgeDir, 'glossary.yaml'));
    loadErrors.push(...glossary.errors);
    const curated = loadCuratedAnswers(join(knowledgeDir, 'answers'), docs.documents);
    loadErrors.push(...curated.errors);
    if (options.strict && loadErrors.length) throw new Error(`knowledge failed to load:\n${loadErrors.join('\n')}`);

    const analyzer = new Analyzer(await tokenizer, userDictionaryOf(glossary.entries));
    const passages = docs.documents.flatMap((d) => passagesOf(d));
    const hash = knowledgeHash(knowledgeDir);
    let index = loadIndex(indexFile, hash);
    let indexSource: IndexSource = 'prebuilt';
    if (!index) {
      index = buildIndex(hash, passages, docs.documents, curated.answers, analyzer);
      indexSource = 'rebuilt';
      try {
        saveIndex(index, indexFile);
      } catch (e) {
        loadErrors.push(`${indexFile}: could not save the index: ${(e as Error).message}`);
      }
    }
    const expander = new GlossaryExpander(glossary.entries, analyzer);
    return new KnowledgeBase(
      { documents: docs.documents, passages, curated: curated.answers, glossary: glossary.entries, loadErrors, indexSource },
      analyzer,
      index,
      expander,
      new TermCache(options.searchCacheHits),
      new AnswerCache(options.answerCacheSize),
    );
  }

  /**
   * Answers a question: best answers first (at most `limit`), or answered=false when out of
   * scope. A repeated question gets the same (frozen) result object from the answer cache.
   */
  ask(question: string, options: AskOptions = {}): AskResult {
    const lang = options.lang ?? detectLang(question);
    const limit = options.limit ?? 5;
    return this.answerCache.get(question, lang, limit, () => this.search(question, lang, limit));
  }

  private search(question: string, lang: 'ja' | 'en', limit: number): AskResult {
    const q = analyzeQuery(question, this.analyzer, this.expander);
    const ranked = rankCandidates(
      q,
      this.index,
      { foldedText: (i) => this.folded[i], authority: (i) => this.authorities[i], cache: this.searchCache },
      RANKED_KEPT,
    );
    if (!shouldAnswer(q, ranked)) {
      const suggestions = this.suggestions(ranked, lang);
      return { question, lang, answered: false, answers: [], ...(suggestions.length ? { suggestions } : {}) };
    }
    const answers: Answer[] = [];
    const cited = new Set<string>();
    for (const c of ranked) {
      if (answers.length >= limit) break;
      const answer = this.toAnswer(c, lang, q);
      if (!answer) continue;
      // A passage already cited by a curated answer above adds nothing.
      if (answer.kind === 'passage' && cited.has(citationKey(answer.citations[0]))) continue;
      for (const cit of answer.citations) cited.add(citationKey(cit));
      answers.push(answer);
    }
    return { question, lang, answered: answers.length > 0, answers };
  }

  private toAnswer(c: Candidate, lang: 'ja' | 'en', q: ReturnType<typeof analyzeQuery>): Answer | undefined {
    const score = Math.round(c.score * 1000) / 1000;
    if (c.item.kind === 'curated') {
      const entry = this.curatedById.get(c.item.ref);
      return entry && curatedAnswer(entry, score, lang);
    }
    const passage = this.passageById.get(c.item.ref);
    const doc = passage && this.docById.get(passage.docId);
    if (!passage || !doc) return undefined;
    const answer = passageAnswer(passage, doc, score, lang, q, bestQuote(passage, c.itemIndex, this.index.quotes, q));
    const notes = this.passageNotes(answer, lang);
    return notes ? { ...answer, notes } : answer;
  }

  /** "Did you mean" phrasings of curated answers that matched part of the question. */
  private suggestions(ranked: readonly Candidate[], lang: 'ja' | 'en'): string[] {
    return ranked
      .filter((c) => c.item.kind === 'curated' && c.coverage > 0)
      .slice(0, 3)
      .map((c) => this.curatedById.get(c.item.ref)?.questions[lang][0])
      .filter((s): s is string => !!s);
  }

  private authorityOf(item: IndexedItem): Authority {
    if (item.kind === 'passage') {
      const p = this.passageById.get(item.ref);
      return (p && this.docById.get(p.docId)?.authority) ?? 'community';
    }
    const entry = this.curatedById.get(item.ref);
    const main = entry?.citations[0];
    return (main && this.docById.get(main.docId)?.authority) ?? 'community';
  }

  private foldItem(item: IndexedItem): string {
    if (item.kind === 'passage') return foldForLookup(this.passageById.get(item.ref)?.text ?? '');
    const e = this.curatedById.get(item.ref);
    return e ? foldForLookup([...e.questions.ja, ...e.questions.en, e.answer.ja, e.answer.en, ...e.citations.map((c) => c.quote)].join('\n')) : '';
  }
}

/** Identifies the passage a citation points into. */
function citationKey(c: Pick<Citation, 'docId' | 'passage'>): string {
  return `${c.docId}\n${c.passage}`;
}

/** Compound terms kept whole by the analyzer: every glossary term (both languages). */
export function userDictionaryOf(entries: readonly GlossaryEntry[]): UserDictionary {
  return new UserDictionary(entries.flatMap((e) => [...e.ja, ...e.en]));
}
