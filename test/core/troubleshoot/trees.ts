/** The bundled trees and documents, loaded once for the troubleshooting tests, and path generation over a tree. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { loadDocuments } from '../../../src/content/documents.js';
import { loadTrees, type TroubleshootingTree } from '../../../src/core/troubleshoot/index.js';

const ROOT = join(__dirname, '..', '..', '..', '..');
export const DIALOGS = join(ROOT, 'dialogs');
export const { documents } = loadDocuments(join(ROOT, 'knowledge'));
export const loaded = loadTrees(DIALOGS, documents);
export const trees = loaded.trees;

/** A fresh, mutable copy of a bundled tree file's data (for breaking it in tests). */
export function rawTree(file = 'invalid-connection.yaml'): any {
  return JSON.parse(JSON.stringify(parseYaml(readFileSync(join(DIALOGS, file), 'utf8'))));
}

export interface PathStep {
  nodeId: string;
  optionId: string;
  /** 1-based position of the option. */
  number: number;
}

/**
 * Every path from the start to a first outcome, choosing each option in turn
 * (generated from the tree, so new nodes are covered without editing tests).
 */
export function allPaths(tree: TroubleshootingTree): { steps: PathStep[]; outcome: string }[] {
  const paths: { steps: PathStep[]; outcome: string }[] = [];
  const walk = (nodeId: string, steps: PathStep[], seen: Set<string>) => {
    const node = tree.nodes[nodeId];
    if (node.kind === 'outcome') {
      paths.push({ steps, outcome: nodeId });
      return;
    }
    node.options.forEach((o, i) => {
      if (seen.has(o.next)) return;
      walk(o.next, [...steps, { nodeId, optionId: o.id, number: i + 1 }], new Set([...seen, o.next]));
    });
  };
  walk(tree.start, [], new Set([tree.start]));
  return paths;
}
