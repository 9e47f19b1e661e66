/** One token flowing through the analyzer chain. */
export interface Token {
  /** Text as it appears (after the character filter). */
  surface: string;
  /** The indexed form; filters rewrite it. */
  term: string;
  /** IPADIC part of speech ("名詞", "助詞", …) and its first detail. Synthetic tokens use "名詞". */
  pos: string;
  posDetail: string;
  /** Dictionary base form, or undefined for unknown words. */
  base?: string;
  /** Character range in the filtered text. */
  start: number;
  end: number;
  /** Produced by merging several tokens (compound, identifier, katakana run). */
  merged?: boolean;
}
