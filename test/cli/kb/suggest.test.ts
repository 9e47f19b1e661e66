import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { suggestionText } from '../../../src/cli/kb/suggest.js';
import { copyKnowledge, type KnowledgeCopy } from './knowledge-copy.js';
import { recordTrafficDay, SECRETS } from './traffic.js';


/** Each suggestion block: its header line and its YAML snippets (runs of lines between comments), parsed. */
function blocks(out: string): { head: string; yaml: unknown[] }[] {
  return out
    .split(/^# --- /m)
    .slice(1)
    .map((b) => {
      const [head, ...lines] = b.split('\n');
      const chunks: string[][] = [];
      let cur: string[] | undefined;
      for (const l of lines) {
        if (l.startsWith('#') || !l.trim()) cur = undefined;
        else (cur ??= (chunks.push([]), chunks[chunks.length - 1])).push(l);
      }
      return { head, yaml: chunks.map((c) => parseYaml(c.join('\n'))) };
    });
}

describe('kb suggest', function () {
  this.timeout(60_000);
  let dir: string;
  let copy: KnowledgeCopy;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'suggest-'));
    await recordTrafficDay(join(dir, 'events'));
    copy = copyKnowledge();
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    copy.dispose();
  });

  it('prints paste-ready YAML per group of unanswered and 👎 questions, without personal data, and changes nothing', async () => {
    const answersBefore = readFileSync(join(copy.knowledgeDir, 'answers', 'mechanism.yaml'), 'utf8');
    const r = { stdout: await suggestionText({ eventsDir: join(dir, 'events'), knowledgeDir: copy.knowledgeDir, indexFile: join(dir, 'index.json') }) };
    for (const s of SECRETS) assert.equal(r.stdout.includes(s), false, s);
    const found = blocks(r.stdout);
    assert.equal(found.length, 3, r.stdout);

    // The gateway questions: no entry answers them, so a glossary pair per shared term comes first.
    assert.match(found[0].head, /^1\. 5 unanswered ask\(s\), shared terms: .*ゲートウェイ/);
    const pairs = found[0].yaml[0] as { en: string[]; ja: string[] }[];
    assert.ok(pairs.some((p) => p.ja[0] === 'ゲートウェイ' && p.en[0] === 'TODO'));

    // The English refresh-token questions: phrasings for the entry the search already gives them, placeholders dropped.
    assert.match(r.stdout, /# mechanism\.yaml, entry "mechanism-refresh-token-renews-access": add under questions/);
    const english = found[1].yaml[0] as { questions: { en: string[] } };
    assert.deepEqual(english.questions.en, ['refresh token of the connector expired, token', 'how long does a connector refresh token last']);

    // The 👎 answer: the question it was given to, pointed elsewhere.
    assert.match(found[2].head, /2 👎 on "mechanism-connection-uses-tokens"/);
    assert.equal(readFileSync(join(copy.knowledgeDir, 'answers', 'mechanism.yaml'), 'utf8'), answersBefore);
  });
});
