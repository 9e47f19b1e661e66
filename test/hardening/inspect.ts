/**
 * Checks on bot replies for the hardening tests: where user text could turn
 * into something live (a link, an action, HTML, Markdown, a card function).
 */
import type { Reply } from '../server/helpers.js';

/** Every string value in a JSON tree, with the key it sits under. */
export function strings(node: unknown, key = '', out: { key: string; value: string }[] = []): { key: string; value: string }[] {
  if (typeof node === 'string') out.push({ key, value: node });
  else if (Array.isArray(node)) for (const x of node) strings(x, key, out);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) strings(v, k, out);
  return out;
}

/** Every object in a JSON tree. */
function objects(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const x of node) objects(x, out);
  else if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    for (const v of Object.values(node)) objects(v, out);
  }
  return out;
}

/** The link targets in replies: url-like fields, Markdown links and HTML href/src. */
export function linkTargets(replies: readonly Reply[]): string[] {
  const out: string[] = [];
  for (const { key, value } of strings(replies)) {
    if (/^(url|iconUrl|href|src|contentUrl|thumbnailUrl|image|uri)$/i.test(key)) out.push(value);
    for (const m of value.matchAll(/(?<!\\)\]\((?!\\)([^)\s]*)/g)) out.push(m[1]);
    for (const m of value.matchAll(/<(?:a|img|iframe)\b[^>]*?(?:href|src)\s*=\s*["']?([^"'\s>]*)/gi)) out.push(m[1]);
  }
  return out;
}

/**
 * Problems that would let user input become live in a reply; empty when the
 * replies are inert. `allowedUrls` are the knowledge base's own source URLs.
 */
export function liveInjection(replies: readonly Reply[], allowedUrls: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const target of linkTargets(replies)) {
    const base = target.replace(/#.*$/, '');
    if (!allowedUrls.has(target) && !allowedUrls.has(base)) problems.push(`link to ${JSON.stringify(target.slice(0, 80))}`);
  }
  for (const { key, value } of strings(replies)) {
    if (/<\s*(script|iframe|img|svg|a)\b/i.test(value)) problems.push(`raw HTML in ${key}: ${JSON.stringify(value.slice(0, 80))}`);
    if (/javascript:/i.test(value) && /\]\(|href|url/i.test(key + value.slice(0, 0))) problems.push(`javascript: in ${key}`);
    // Teams expands {{DATE(...)}} / {{TIME(...)}} in card and message text.
    if (/\{\{\s*(DATE|TIME)\s*\(/i.test(value)) problems.push(`card function in ${key}`);
  }
  for (const obj of objects(replies)) {
    // Adaptive Card templating keys must never come from input.
    for (const k of Object.keys(obj)) if (k === '$data' || k === '$when') problems.push(`template key ${k}`);
    const type = obj.type;
    if (typeof type === 'string' && type.startsWith('Action.') && !['Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.Execute', 'Action.ToggleVisibility'].includes(type)) {
      problems.push(`unexpected action ${type}`);
    }
  }
  return problems;
}
