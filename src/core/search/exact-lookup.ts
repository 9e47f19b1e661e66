/**
 * Exact lookup of error codes (AADSTS70008, 50105, 401) and setting or cmdlet
 * names (MaxInactiveTime, Get-MgPolicyTokenLifetimePolicy) named in a question:
 * passages that contain them verbatim are ranked first.
 */
import { normalizeChars } from '../analysis/char-filter.js';

const CANDIDATE = /[A-Za-z0-9](?:[A-Za-z0-9_\-.=]*[A-Za-z0-9])?/g;

/** True for tokens that name one specific thing: codes, numbers of 3+ digits, setting names, cmdlets. */
export function isExactKey(token: string): boolean {
  if (/^\d{3,}$/.test(token)) return true;
  if (/^[A-Za-z]+\d{3,}$/.test(token)) return true;
  // Setting names have several humps (MaxInactiveTime, NotOnOrAfter); product names one (PowerShell, SharePoint).
  if ((token.match(/[a-z][A-Z]/g) ?? []).length >= 2) return true;
  // Cmdlets (Get-MgPolicy…, New-AzureADPolicy) and protocol values (interaction_required, prompt=login).
  return /^[A-Za-z][A-Za-z0-9]*(?:[-_=][A-Za-z0-9]+)+$/.test(token) && /[A-Z]\w*-[A-Z]|_|=/.test(token);
}

/**
 * Product names with a number (Microsoft 365, Office 365, M365, Windows Server 2019, and 365 alone,
 * as askers shorten them): the number is part of a name the corpus mentions in passing, not a code
 * only the texts about it contain. So is a year (2019, 2019年ごろ): many texts state dates.
 */
const PRODUCT_NUMBER = /^(?:[mo]?365|(?:19|20)\d{2})$/i;
const PRODUCT_BEFORE = /\b(?:microsoft|office|windows(?:\s+server)?|server|dynamics|exchange)\s*$/i;

/** The exact keys named in a question, lowercased and deduplicated. */
export function exactKeys(question: string): string[] {
  const keys = new Set<string>();
  const text = normalizeChars(question);
  for (const m of text.matchAll(CANDIDATE)) {
    if (!isExactKey(m[0]) || PRODUCT_NUMBER.test(m[0]) || (/^\d+$/.test(m[0]) && PRODUCT_BEFORE.test(text.slice(0, m.index)))) continue;
    keys.add(m[0].toLowerCase());
  }
  return [...keys];
}

/** Text folded for containment tests: NFKC, lowercase, spaces collapsed. */
export function foldForLookup(text: string): string {
  return normalizeChars(text).toLowerCase().replace(/\s+/g, ' ');
}

/** True when `folded` contains `key` not glued to further letters/digits of the same kind (50105 in AADSTS50105 counts). */
export function containsKey(folded: string, key: string): boolean {
  for (let i = folded.indexOf(key); i >= 0; i = folded.indexOf(key, i + 1)) if (keyStandsAt(folded, i, key)) return true;
  return false;
}

/** Whether the occurrence of `key` at `i` in `text` stands alone (see containsKey). */
function keyStandsAt(text: string, i: number, key: string): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + key.length] ?? ' ';
  const numeric = /^\d+$/.test(key);
  const okBefore = numeric ? !/\d/.test(before) : !/[a-z0-9]/.test(before);
  const okAfter = numeric ? !/\d/.test(after) : !/[a-z0-9]/.test(after);
  return okBefore && okAfter;
}

/**
 * The items of a corpus that contain a key (see containsKey), found with one pass of indexOf
 * over all their folded texts joined instead of one search per item: a question naming a code
 * is looked up in every item, and on a large corpus one call per item was a large part of its
 * ask. Texts are joined with a line break, which a folded text never has (see foldForLookup) and
 * which stands apart like the text's own start or end, so a key is found where and only where
 * containsKey finds it.
 */
export class KeyFinder {
  private readonly joined: string;
  /** Where each item's texts start in `joined`, and after the last item where it ends. */
  private readonly starts: Int32Array;

  /** `texts[i]` are the folded texts of item i (its text, its document's title …): any may contain the key. */
  constructor(texts: readonly (readonly string[])[]) {
    this.starts = new Int32Array(texts.length + 1);
    let at = 0;
    const parts: string[] = [];
    texts.forEach((own, i) => {
      this.starts[i] = at;
      for (const t of own) parts.push(t), (at += t.length + 1);
    });
    this.starts[texts.length] = at;
    this.joined = parts.join('\n') + '\n';
  }

  /** Positions of the items containing `key`, ascending. */
  itemsWith(key: string): number[] {
    const found: number[] = [];
    if (!key || key.includes('\n')) return found;
    for (let i = this.joined.indexOf(key); i >= 0; ) {
      if (keyStandsAt(this.joined, i, key)) {
        const item = this.itemAt(i);
        found.push(item);
        i = this.joined.indexOf(key, this.starts[item + 1]);
      } else i = this.joined.indexOf(key, i + 1);
    }
    return found;
  }

  /** The item whose texts hold the position `at` of `joined`. */
  private itemAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
