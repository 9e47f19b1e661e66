/**
 * Questions about the options of the step shown, by their numbers: "what does option 4 mean?",
 * 「4ってなに？」, "what's the difference between 3 and 4?". The numbers are written out as the
 * options' labels, so the question reaches the knowledge base as what it asks about
 * ("what does 403 Forbidden mean?").
 */

/** An option named by its number in English: "option 4", "choice #2", "number 3", "no. 1", "#5". */
const NAMED_EN = /\b(?:option|choice|number|answer|no\.?)\s*#?\s*(\d{1,2})(?![\d.,:/-]?\d)|#\s*(\d{1,2})\b/giu;

/** An option named by its number in Japanese: 「4番」「4つ目」「選択肢4」「4の選択肢」. */
const NAMED_JA = /(?<![\d.])(?:選択肢\s*)?(\d{1,2})\s*(?:番目?|つ目)?(?:の選択肢)?(?=\s*(?:って|とは|は|と|の意味|の違い|とどう|の方|、|,|[?？]|$))/gu;

/** A bare number among words that ask about it: "what is 4", "3 vs 4", "between 3 and 4". */
const BARE_EN = /(?<![\w.#-])(\d{1,2})(?![\w.%:/-])/gu;

/** Words that make a bare number an option's: a question about what it means or how two differ. */
const ASKS_ABOUT_EN = /\b(?:what(?:'s| is| does| do)?|mean(?:s|ing)?|differen(?:ce|t)|between|vs\.?|versus|explain|which)\b/iu;

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

/** A number with a unit is a quantity, not an option: "90 days", "2 times". */
const UNITS_EN = /\b\d{1,2}\s*(?:days?|hours?|minutes?|weeks?|months?|years?|times?|%)/iu;

/**
 * The text with each option it names by number (1 … labels.length) replaced by that option's
 * label; undefined when it names none. Numbers out of range, error codes (401) and durations
 * ("90 days") are left as they are.
 */
export function withOptionLabels(text: string, labels: readonly string[]): string | undefined {
  const folded = text.normalize('NFKC');
  let named = false;
  const label = (digits: string, whole: string): string => {
    const n = Number(digits);
    if (n < 1 || n > labels.length) return whole;
    named = true;
    return labels[n - 1];
  };
  // Numbers are read before any label is put in, so a label's own digits are never taken for an option.
  const english = !JAPANESE.test(folded);
  const bare = english && ASKS_ABOUT_EN.test(folded) && !UNITS_EN.test(folded);
  const out = english
    ? folded.replace(new RegExp(`${NAMED_EN.source}|${bare ? BARE_EN.source : '(?!)'}`, 'giu'), (whole, a?: string, b?: string, c?: string) => label(a ?? b ?? c ?? '', whole))
    : folded.replace(NAMED_JA, (whole, digits: string) => label(digits, whole));
  return named ? out : undefined;
}
