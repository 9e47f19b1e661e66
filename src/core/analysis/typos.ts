/**
 * Typo tolerance for English questions: a word that is neither a word of the glossary nor an
 * everyday English word is read as the closest glossary word one edit away (two for long words),
 * when no other is as close ("authetication" → authentication, "conditonal" → conditional).
 */
import { ENGLISH_STOP_WORDS, isEverydayEnglish } from './english.js';

/** Words shorter than this are too often another word one letter away. */
const MIN_LENGTH = 5;
/**
 * A shorter word is corrected only for a letter left out ("admn" → admin, "tenat" → tenant):
 * a letter changed or added turns a four-letter word into another word too often.
 */
const MIN_DROPPED_LENGTH = 4;

/** Optimal string alignment distance (Levenshtein plus swapped neighbours), stopping above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

/** The text with its misspelt words replaced by the glossary words they stand for. */
export function correctTypos(text: string, vocabulary: ReadonlySet<string>): string {
  // A word before an apostrophe is part of a contraction (haven't, hadn't), not a word of its own.
  return text.replace(/\b[A-Za-z]{4,}\b(?!['’])/g, (word) => {
    const w = word.toLowerCase();
    if (w.length < MIN_DROPPED_LENGTH || vocabulary.has(w) || ENGLISH_STOP_WORDS.has(w) || isEverydayEnglish(w)) return word;
    const short = w.length < MIN_LENGTH;
    const max = w.length >= 8 ? 2 : 1;
    let best = max + 1;
    let found: string[] = [];
    for (const v of vocabulary) {
      if (v.length < MIN_LENGTH || v[0] !== w[0] || (short && v.length !== w.length + 1)) continue;
      const d = editDistance(w, v, Math.min(max, best));
      if (d < best) (best = d), (found = [v]);
      else if (d === best && d <= max) found.push(v);
    }
    // Two words equally close: the question does not say which.
    return found.length === 1 ? found[0] : word;
  });
}
