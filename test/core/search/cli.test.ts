import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST_CLI = join(__dirname, '..', '..', '..', 'src', 'cli');
const run = (script: string, args: string[]): string =>
  execFileSync(process.execPath, [join(DIST_CLI, script), ...args], { encoding: 'utf8', timeout: 60000 });

describe('ask and eval command lines', function () {
  this.timeout(120000);

  it('ask --json --jsonl prints one result object per line, in order (plain and JSON lines)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ask-')), 'q.jsonl');
    writeFileSync(file, 'AADSTS70008 とは\n{"q": "What does MaxAgeSessionMultiFactor control?"}\n{"q": "美味しいカレーの作り方"}\n');
    const lines = run('ask.js', ['--json', '--jsonl', file]).trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.lang, l.answered]), [['ja', true], ['en', true], ['ja', false]]);
    const first = lines[0];
    assert.ok(first.answers.length >= 1 && first.answers.length <= 5);
    for (const key of ['text', 'score', 'citations']) assert.ok(key in first.answers[0], key);
    for (const key of ['docId', 'title', 'url', 'section', 'quote', 'passage']) assert.ok(key in first.answers[0].citations[0], key);
    assert.deepEqual(lines[2].answers, []);
  });

  it('ask without --json prints a readable answer', () => {
    const out = run('ask.js', ['Can a locked account cause a 401 error?']);
    assert.match(out, /^1\. /);
    assert.match(out, /「.+」/);
  });

  it('eval prints hit rates per language, declined and English-in-English shares', () => {
    const out = run('eval.js', [join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'dev.jsonl')]);
    assert.match(out, /top-1 {2}ja [\d.]+% \(\d+\/21\) {2}en [\d.]+% \(\d+\/14\)/);
    assert.match(out, /top-3 /);
    assert.match(out, /out-of-scope declined +[\d.]+% \(\d\/4\)/);
    assert.match(out, /English answered in English [\d.]+%/);
  });
});
