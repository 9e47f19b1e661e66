/**
 * Near topics: the products and features next to the knowledge's own subject that askers bring
 * to the same bot (Intune, PIM, DLP, Teams meetings, building flows, Power Automate Desktop,
 * licences), listed with the names askers use in knowledge/near-topics.yaml. A question about
 * one of them shares words with the documents (Teams, flow, device, policy, Azure AD), and those
 * shared words alone can cover enough of it to be answered with a text about something else.
 * A question naming one that no text of the knowledge names is about what the knowledge does
 * not have, and is declined.
 *
 * A name the knowledge does contain is not used (see uncoveredNames): when a document on one of
 * these is added, questions about it are answered as any other.
 */
import type { NearTopic } from '../../content/near-topics.js';
import { foldForLookup } from './exact-lookup.js';

/** Whether a name is written in ASCII only: matched as whole words, else as characters in a row. */
const ASCII = /^[\x20-\x7e]+$/;

/** The folded text a name is looked for in: spaces kept for English words, dropped for Japanese. */
function folds(text: string): { spaced: string; unspaced: string } {
  const spaced = foldForLookup(text);
  return { spaced, unspaced: spaced.replace(/\s+/g, '') };
}

/**
 * An English name's whole-word pattern, compiled once per name: every text of the knowledge is
 * tested against every name at load, and every question against the uncovered ones.
 */
const wordPatterns = new Map<string, RegExp>();
function wordPattern(name: string): RegExp {
  let pattern = wordPatterns.get(name);
  if (!pattern) {
    const words = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?');
    pattern = new RegExp(`(?<![a-z0-9])${words}(?![a-z0-9])`);
    wordPatterns.set(name, pattern);
  }
  return pattern;
}

/** Whether a folded text names `name` (an English name as whole words, a Japanese one anywhere). */
function names(text: { spaced: string; unspaced: string }, name: string): boolean {
  if (!ASCII.test(name)) return text.unspaced.includes(name.replace(/\s+/g, ''));
  return wordPattern(name).test(text.spaced);
}

/**
 * The near topics' names that no text of the knowledge contains, folded (lower case, half-width)
 * as the texts and questions they are looked for in are, however the file writes them.
 */
export function uncoveredNames(topics: readonly NearTopic[], texts: readonly string[]): string[] {
  const folded = texts.map(folds);
  return topics
    .flatMap((t) => t.names.map(foldForLookup))
    .filter((name) => !folded.some((t) => names(t, name)));
}

/** The names among `uncovered` (see uncoveredNames) that a question uses. */
export function nearTopicsNamed(question: string, uncovered: readonly string[]): string[] {
  const text = folds(question);
  return uncovered.filter((name) => names(text, name));
}
