import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocuments } from '../../src/content/documents.js';
import { loadCuratedAnswers } from '../../src/content/curated.js';

const ROOT = join(__dirname, '..', '..', '..');

/** Dice coefficient over character bigrams, after NFKC, lowercasing and dropping spaces and punctuation. */
function similarity(a: string, b: string): number {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s?？。、,.!！]/g, '');
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const x = grams(fold(a));
  const y = grams(fold(b));
  let shared = 0;
  for (const [k, n] of x) shared += Math.min(n, y.get(k) ?? 0);
  const total = [...x.values(), ...y.values()].reduce((s, n) => s + n, 0);
  return total ? (2 * shared) / total : 0;
}

// The evaluation only measures the engine if the curated phrasings were written from
// the documents, not copied from the questions it is scored on.
describe('curated answers stay independent of the evaluation sets', () => {
  it('no curated phrasing is a near-copy of an evaluation question', () => {
    const { documents } = loadDocuments(join(ROOT, 'knowledge'));
    const { answers } = loadCuratedAnswers(join(ROOT, 'knowledge', 'answers'), documents);
    assert.ok(answers.length > 0);
    const evalQuestions = ['dev.jsonl', 'realistic.jsonl', 'holdout.jsonl'].flatMap((f) =>
      readFileSync(join(ROOT, 'test', 'fixtures', f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { q: string }).q),
    );
    const echoes: string[] = [];
    for (const a of answers) {
      for (const q of [...a.questions.ja, ...a.questions.en]) {
        for (const e of evalQuestions) {
          if (similarity(q, e) >= 0.9) echoes.push(`${a.id}: "${q}" ~ "${e}"`);
        }
      }
    }
    assert.deepEqual(echoes, []);
  });
});
