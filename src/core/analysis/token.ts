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
  /** Katakana reading from the dictionary (known words; merged tokens when all parts have one). */
  reading?: string;
  /**
   * A word of everyday language (a verb, an adverb, 全部, ダメ, 普通 …) rather than a
   * name or term of a subject: when the corpus lacks it, that says little about whether
   * the question is in scope.
   */
  general?: boolean;
}
