/**
 * The near topics (knowledge/near-topics.yaml): by product or feature next to the knowledge's
 * subject, the names askers use for it. Data only; the search decides what to do with them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYamlInto, problemLog, stringList, type ContentProblem } from './problems.js';

export interface NearTopic {
  /** The group's key in the file (intune, dlp): for messages and readers only. */
  topic: string;
  names: string[];
}

export interface LoadedNearTopics {
  topics: NearTopic[];
  /** Problems, each naming the file (and topic). Valid topics still load. */
  errors: string[];
  /** The same problems, structured (file is the path as given). */
  problems: ContentProblem[];
}

/** Parses near-topics YAML text; `file` names the source in error messages. */
export function parseNearTopics(text: string, file: string): LoadedNearTopics {
  const log = problemLog(file);
  const problem = log.error;
  const { errors, problems } = log;
  const topics: NearTopic[] = [];
  const parsed = parseYamlInto(text, log);
  if (!parsed) return { topics, errors, problems };
  const groups = (parsed.data as { topics?: unknown } | null)?.topics;
  if (!groups || typeof groups !== 'object' || Array.isArray(groups)) {
    problem('expected a "topics:" mapping of each topic to its names');
    return { topics, errors, problems };
  }
  for (const [topic, value] of Object.entries(groups as Record<string, unknown>)) {
    const names = stringList(value);
    // A name that is not a string (a number such as 365 unquoted) would be matched as something else.
    if (!names) problem('needs a non-empty list of non-empty strings (quote names YAML reads as numbers)', topic);
    else topics.push({ topic, names });
  }
  return { topics, errors, problems };
}

/** Loads the near-topics file; a missing file is no near topics. */
export function loadNearTopics(file: string): LoadedNearTopics {
  if (!existsSync(file)) return { topics: [], errors: [], problems: [] };
  return parseNearTopics(readFileSync(file, 'utf8'), file);
}
