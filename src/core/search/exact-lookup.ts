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
  let from = 0;
  for (;;) {
    const i = folded.indexOf(key, from);
    if (i < 0) return false;
    const before = folded[i - 1] ?? ' ';
    const after = folded[i + key.length] ?? ' ';
    const numeric = /^\d+$/.test(key);
    const okBefore = numeric ? !/\d/.test(before) : !/[a-z0-9]/.test(before);
    const okAfter = numeric ? !/\d/.test(after) : !/[a-z0-9]/.test(after);
    if (okBefore && okAfter) return true;
    from = i + 1;
  }
}
