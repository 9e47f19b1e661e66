/**
 * Reads troubleshooting trees from dialogs/ (one YAML or JSON file per tree),
 * validates them and resolves every citation against the source documents with
 * the same verbatim rule as the knowledge engine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { resolveCitation } from '../../content/citations.js';
import type { Citation, CitationRef, SourceDocument } from '../../content/types.js';
import { OptionMatcher, type NounReadings } from './answer-matcher.js';
import { TreeValidationError, validateTree } from './tree-validator.js';
import type { TreeData, TroubleshootingTree } from './types.js';

const TREE_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface LoadedTrees {
  trees: TroubleshootingTree[];
  /** One message per broken file, naming the file and the nodes at fault. */
  errors: string[];
  /** Every problem on its own, with its file (the path as given). */
  problems: { file: string; message: string }[];
}

/** Citation owner keys, as used in TroubleshootingTree.citations. */
export const citationKey = {
  outcome: (nodeId: string) => nodeId,
  outcomeNote: (nodeId: string, i: number) => `${nodeId}#note${i}`,
  optionNote: (nodeId: string, optionId: string) => `${nodeId}/${optionId}#note`,
};

function resolveAll(tree: TreeData, documents: readonly SourceDocument[]): { citations: Record<string, Citation[]>; problems: string[] } {
  const citations: Record<string, Citation[]> = {};
  const problems: string[] = [];
  const resolve = (key: string, refs: readonly CitationRef[], owner: string) => {
    const list: Citation[] = [];
    for (const ref of refs) {
      try {
        list.push(resolveCitation(ref, documents, owner));
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    citations[key] = list;
  };
  for (const [id, node] of Object.entries(tree.nodes)) {
    if (node.kind === 'outcome') {
      resolve(citationKey.outcome(id), node.citations, `node "${id}"`);
      (node.notes ?? []).forEach((n, i) => resolve(citationKey.outcomeNote(id, i), n.citations, `node "${id}" note #${i + 1}`));
    } else {
      for (const o of node.options) {
        if (o.note) resolve(citationKey.optionNote(id, o.id), o.note.citations, `node "${id}" option "${o.id}" note`);
      }
    }
  }
  return { citations, problems };
}

/**
 * Validates parsed tree data and resolves its citations. Throws a
 * TreeValidationError listing every problem, each naming its node.
 */
export function parseTree(data: unknown, file: string, documents: readonly SourceDocument[], readings?: NounReadings): TroubleshootingTree {
  const name = basename(file);
  const problems = validateTree(data);
  if (problems.length) throw new TreeValidationError(name, problems);
  const tree = data as TreeData;
  const { citations, problems: citationProblems } = resolveAll(tree, documents);
  if (citationProblems.length) throw new TreeValidationError(name, citationProblems);
  return { id: tree.id, title: tree.title, start: tree.start, nodes: tree.nodes, file, citations, matcher: new OptionMatcher(matchedTexts(tree), readings) };
}

/** The texts a tree's answers and facts are matched with: option labels, synonyms and patterns, outcome patterns. */
function matchedTexts(tree: TreeData): string[] {
  return Object.values(tree.nodes).flatMap((node) =>
    node.kind === 'question'
      ? node.options.flatMap((o) => [o.label.ja, ...(o.synonyms?.ja ?? []), ...(o.match?.patterns ?? []), ...(o.match?.phrases ?? []), ...(o.answerPatterns ?? []).flat()])
      : (node.match?.patterns ?? []),
  );
}

/** Reads and parses one tree file (YAML or JSON). */
export function loadTreeFile(file: string, documents: readonly SourceDocument[], readings?: NounReadings): TroubleshootingTree {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TreeValidationError(basename(file), [`not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`]);
  }
  return parseTree(data, file, documents, readings);
}

/** Loads every tree file of `dir`. A broken file is reported and skipped; the others load. */
export function loadTrees(dir: string, documents: readonly SourceDocument[], readings?: NounReadings): LoadedTrees {
  const trees: TroubleshootingTree[] = [];
  const errors: string[] = [];
  const problems: LoadedTrees['problems'] = [];
  if (!existsSync(dir)) return { trees, errors: [`${dir}: no such folder`], problems: [{ file: dir, message: 'no such folder' }] };
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && TREE_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => join(dir, e.name))
    .sort();
  for (const file of files) {
    try {
      const tree = loadTreeFile(file, documents, readings);
      const twin = trees.find((t) => t.id === tree.id);
      if (twin) throw new TreeValidationError(basename(file), [`tree id "${tree.id}" is already used by ${basename(twin.file)}`]);
      trees.push(tree);
    } catch (e) {
      errors.push((e as Error).message);
      if (e instanceof TreeValidationError) problems.push(...e.problems.map((message) => ({ file, message })));
      else problems.push({ file, message: (e as Error).message });
    }
  }
  return { trees, errors, problems };
}
