import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import { openGlossaryExpander } from '../../../src/core/search/saved-glossary.js';
import { sharedKnowledgeBase } from './shared.js';

/** What an expander gives for made-up English questions and for the glossary's own terms. */
function behaviour(e: GlossaryExpander, entries: readonly { ja: string[] }[]) {
  const questions = ['why did my refresh token expire after the admin reset the password', 'sign-in loop with conditional access policy', 'the flows connection owner left'];
  return {
    expanded: questions.map((q) => e.expand(q)),
    jaTerms: e.jaTerms(),
    spelled: e.spelledTerms().map((t) => [t, e.respelled(t)]),
    synonyms: entries.flatMap((x) => x.ja).map((t) => e.jaSynonyms(t)),
    english: [...e.englishVocabulary],
  };
}

describe('the glossary read once and saved beside the index', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'saved-glossary-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an expander opened from the saved reading expands as one that tokenized every term', async () => {
    const kb = await sharedKnowledgeBase();
    const file = join(dir, 'glossary.json');
    const built = new GlossaryExpander(kb.glossary, kb.analyzer);
    const first = openGlossaryExpander(file, 'h1', kb.glossary, kb.analyzer);
    assert.deepEqual(first.errors, []);
    assert.ok(existsSync(file));
    // Read back without an analyzer that could tokenize: the saved reading is all it uses.
    const noAnalyzer = new Proxy(kb.analyzer, { get: () => assert.fail('the analyzer was used') });
    const second = openGlossaryExpander(file, 'h1', kb.glossary, noAnalyzer);
    assert.deepEqual(behaviour(second.expander, kb.glossary), behaviour(built, kb.glossary));
    assert.deepEqual(behaviour(first.expander, kb.glossary), behaviour(built, kb.glossary));
  });

  it('a reading saved for another index is read again, and a file that is not one too', async () => {
    const kb = await sharedKnowledgeBase();
    const file = join(dir, 'glossary.json');
    openGlossaryExpander(file, 'old', kb.glossary, kb.analyzer);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.analyzed.heads[0] = ['stale'];
    writeFileSync(file, JSON.stringify(saved));
    const fresh = openGlossaryExpander(file, 'new', kb.glossary, kb.analyzer);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).hash, 'new');
    assert.deepEqual(behaviour(fresh.expander, kb.glossary), behaviour(new GlossaryExpander(kb.glossary, kb.analyzer), kb.glossary));
    writeFileSync(file, '{broken');
    assert.deepEqual(openGlossaryExpander(file, 'new', kb.glossary, kb.analyzer).errors, []);
  });

  it('a reading that cannot be saved is used and its problem returned', async () => {
    const kb = await sharedKnowledgeBase();
    const { expander, errors } = openGlossaryExpander(join(dir, 'missing', 'glossary.json'), 'h', kb.glossary, kb.analyzer);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /could not save the analyzed glossary/);
    assert.deepEqual(expander.jaTerms(), new GlossaryExpander(kb.glossary, kb.analyzer).jaTerms());
  });
});
