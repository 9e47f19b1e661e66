/**
 * Making text inert before it goes into a card or a message. User text must
 * never become a link, HTML, an Adaptive Card date function or an action; and
 * no text may break the card's JSON size or layout.
 */

// C0/C1 controls except tab and newline, bidi overrides, zero-width joiners misuse.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Removes control characters, replaces lone surrogates and cuts to `max` code points (with an ellipsis). */
export function cleanText(text: string, max = 2000): string {
  const cleaned = toWellFormed(String(text ?? '')).replace(CONTROL, '');
  return cutChars(cleaned, max);
}

/** Cuts to `max` code points with an ellipsis; text with no more UTF-16 units than that is returned as is. */
function cutChars(text: string, max: number, trimEnd = false): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, Math.max(0, max - 1)).join('');
  return (trimEnd ? head.trimEnd() : head) + '…';
}

// Node 20 has String.prototype.toWellFormed (ES2024); the ES2022 lib does not declare it.
const toWellFormed = (s: string): string => (s as string & { toWellFormed(): string }).toWellFormed();

/**
 * Text for an Adaptive Card TextRun (which renders no Markdown). Teams still
 * expands {{DATE(...)}} / {{TIME(...)}} in card text, so braces are split.
 */
export function cardPlainText(text: string, max = 2000): string {
  return cleanText(text, max).replace(/\{\{/g, '{\u200b{').replace(/\}\}/g, '}\u200b}');
}

/**
 * Text safe inside Markdown (Teams message text or a card TextBlock): Markdown
 * punctuation backslash-escaped, HTML made entities, card functions split.
 */
export function escapeMarkdown(text: string, max = 2000): string {
  return cardPlainText(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]()#+\-!|~])/g, '\\$1');
}

/** Shortens to at most `max` characters on a word/character boundary, adding an ellipsis. */
export function clip(text: string, max: number): string {
  return cutChars(text.replace(/\s+/g, ' ').trim(), max, true);
}
