import { load as parseYaml } from 'js-yaml';

export interface FrontMatterSplit {
  data: Record<string, unknown>;
  body: string;
}

/**
 * Splits a `---` delimited YAML front matter block from a Markdown or text file.
 * Throws with a plain message when the block is missing or is not a YAML mapping.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const src = text.replace(/^\uFEFF/, '');
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  if (!m) throw new Error('no front matter block (--- ... ---) at the top of the file');
  let data: unknown;
  try {
    data = parseYaml(m[1]);
  } catch (e) {
    throw new Error(`front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('front matter is not a YAML mapping');
  }
  return { data: data as Record<string, unknown>, body: src.slice(m[0].length) };
}
