import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNearTopics, parseNearTopics } from '../../src/content/near-topics.js';
import { defaultKnowledgeDir } from '../../src/core/search/knowledge-loader.js';

describe('near topics file', () => {
  it('loads the bundled file whole', () => {
    const loaded = loadNearTopics(join(defaultKnowledgeDir(), 'near-topics.yaml'));
    assert.deepEqual(loaded.errors, []);
    assert.ok(loaded.topics.length >= 5);
    assert.ok(loaded.topics.every((t) => t.names.length > 0));
  });

  it('reports a broken topic by file and topic, and still loads the others', () => {
    const g = parseNearTopics('topics:\n  kiosk: [kiosk mode, キオスク]\n  printers: []\n  fax: [fax, 365]\n  scanner: scanner\n', 'near-topics.yaml');
    assert.deepEqual(g.topics, [{ topic: 'kiosk', names: ['kiosk mode', 'キオスク'] }]);
    assert.deepEqual(g.errors.map((e) => e.split(':').slice(0, 2).join(':')), ['near-topics.yaml: printers', 'near-topics.yaml: fax', 'near-topics.yaml: scanner']);
    assert.ok(g.problems.every((p) => p.severity === 'error' && p.file === 'near-topics.yaml'));
  });

  it('reports a file that is not YAML or not a mapping of topics', () => {
    assert.match(parseNearTopics('topics: [a, b', 'near-topics.yaml').errors[0], /^near-topics\.yaml: not valid YAML/);
    assert.match(parseNearTopics('topics:\n  - kiosk\n', 'near-topics.yaml').errors[0], /^near-topics\.yaml: expected a "topics:" mapping/);
    assert.match(parseNearTopics('names: {}\n', 'near-topics.yaml').errors[0], /^near-topics\.yaml: expected a "topics:" mapping/);
  });

  it('reads a malformed file from disk with its path in the problem, and a missing one as none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'near-'));
    try {
      const file = join(dir, 'near-topics.yaml');
      writeFileSync(file, 'topics:\n  kiosk: [kiosk mode, {mode: kiosk}]\n');
      const loaded = loadNearTopics(file);
      assert.deepEqual(loaded.topics, []);
      assert.equal(loaded.problems[0].file, file);
      assert.equal(loaded.problems[0].entry, 'kiosk');
      assert.deepEqual(loadNearTopics(join(dir, 'absent.yaml')), { topics: [], errors: [], problems: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
