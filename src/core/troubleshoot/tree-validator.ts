/**
 * Checks a tree before anyone walks it: its shape (JSON Schema), then the
 * graph: no dangling reference, no unreachable node, no loop without a way
 * out, every pattern compiles. Each problem names its node.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { treeShapeCheck } from './tree-shape.js';
import type { TreeData, TreeNode } from './types.js';

export class TreeValidationError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: invalid troubleshooting tree:\n  - ${problems.join('\n  - ')}`);
    this.name = 'TreeValidationError';
  }
}

let checkShape: ValidateFunction<TreeData> | undefined;

/** "/nodes/role/options/0/label" → 'node "role": options[0].label'. */
function describePath(path: string): string {
  const parts = path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const where = (rest: string[]) => rest.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p)).join('');
  if (parts[0] === 'nodes' && parts.length > 1) {
    const rest = where(parts.slice(2));
    return `node "${parts[1]}"${rest ? `: ${rest}` : ''}`;
  }
  return where(parts) || 'tree';
}

function describeError(e: ErrorObject): string {
  const extra = e.keyword === 'additionalProperties' ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")` : '';
  return `${describePath(e.instancePath)} ${e.message ?? 'is invalid'}${extra}`;
}

/** Node ids a node leads to: its options' targets, and for an outcome the "did not solve it" branch. */
export function successors(node: TreeNode): string[] {
  return node.kind === 'question' ? node.options.map((o) => o.next) : node.next ? [node.next] : [];
}

function checkGraph(tree: TreeData): string[] {
  const problems: string[] = [];
  const ids = Object.keys(tree.nodes);
  if (!tree.nodes[tree.start]) problems.push(`start "${tree.start}" is not a node`);

  for (const [id, node] of Object.entries(tree.nodes)) {
    if (node.kind === 'question') {
      const seen = new Set<string>();
      for (const o of node.options) {
        if (seen.has(o.id)) problems.push(`node "${id}": option "${o.id}" appears twice`);
        seen.add(o.id);
        if (!tree.nodes[o.next]) problems.push(`node "${id}": option "${o.id}" leads to missing node "${o.next}"`);
        if (o.next === id) problems.push(`node "${id}": option "${o.id}" leads back to the same question`);
        problems.push(...badPatterns(o.match?.patterns, `node "${id}": option "${o.id}"`));
        problems.push(...badPatterns(o.answerPatterns?.flat(), `node "${id}": option "${o.id}" answerPatterns`));
      }
    } else {
      if (node.next && !tree.nodes[node.next]) problems.push(`node "${id}": next leads to missing node "${node.next}"`);
      if (node.next === id) problems.push(`node "${id}": next leads to itself`);
      problems.push(...badPatterns(node.match?.patterns, `node "${id}"`));
    }
  }
  if (problems.length || !tree.nodes[tree.start]) return problems;

  const reachable = new Set<string>([tree.start]);
  const queue = [tree.start];
  while (queue.length) {
    for (const next of successors(tree.nodes[queue.shift()!])) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }
  for (const id of ids) if (!reachable.has(id)) problems.push(`node "${id}" cannot be reached from start "${tree.start}"`);

  // A node from which no outcome can be reached is part of (or leads into) a loop without an exit.
  const exits = new Set(ids.filter((id) => tree.nodes[id].kind === 'outcome'));
  for (let grew = true; grew; ) {
    grew = false;
    for (const id of ids) {
      if (!exits.has(id) && successors(tree.nodes[id]).some((n) => exits.has(n))) {
        exits.add(id);
        grew = true;
      }
    }
  }
  for (const id of ids) if (!exits.has(id)) problems.push(`node "${id}" never leads to an outcome (a loop without an exit)`);
  return problems;
}

function badPatterns(patterns: readonly string[] | undefined, owner: string): string[] {
  const problems: string[] = [];
  for (const p of patterns ?? []) {
    // A YAML double-quoted "\b" is a backspace, not a word boundary: such a pattern never matches.
    if (/[\u0000-\u001f\u007f]/u.test(p)) {
      problems.push(`${owner}: pattern ${JSON.stringify(p)} contains a control character (write patterns in single quotes in YAML)`);
      continue;
    }
    try {
      new RegExp(p, 'iu');
    } catch (e) {
      problems.push(`${owner}: pattern ${JSON.stringify(p)} is not a valid regular expression (${(e as Error).message})`);
    }
  }
  return problems;
}

/** Every problem of a parsed tree file (shape first; the graph only once the shape is right). Empty when valid. */
export function validateTree(data: unknown): string[] {
  checkShape ??= treeShapeCheck();
  if (!checkShape(data)) return (checkShape.errors ?? []).map(describeError);
  return checkGraph(data);
}
