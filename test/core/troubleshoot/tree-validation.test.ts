import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump as stringify } from 'js-yaml';
import { isVerbatimQuote } from '../../../src/content/quotes.js';
import { loadTrees, parseTree, TreeValidationError } from '../../../src/core/troubleshoot/index.js';
import { documents, loaded, rawTree, trees } from './trees.js';

/** The problems parseTree reports for a tree changed by `breakIt`. */
function problemsAfter(breakIt: (t: any) => void): string[] {
  const t = rawTree();
  breakIt(t);
  try {
    parseTree(t, 'broken.yaml', documents);
  } catch (e) {
    assert.ok(e instanceof TreeValidationError, String(e));
    assert.match(e.message, /^broken\.yaml: /);
    return [...e.problems];
  }
  assert.fail('the broken tree was accepted');
}

describe('troubleshooting trees: loading and validation', () => {
  it('loads every bundled tree with no problem, every citation verbatim in its document', () => {
    assert.deepEqual(loaded.errors, []);
    assert.ok(trees.length >= 1);
    for (const tree of trees) {
      const cited = Object.values(tree.citations).flat();
      assert.ok(cited.length > 0);
      for (const c of cited) {
        const doc = documents.find((d) => d.id === c.docId)!;
        assert.ok(isVerbatimQuote(c.quote, doc.body), `${c.docId}: ${c.quote}`);
        assert.ok(c.title && c.url && c.passage, `${c.docId}: resolved title, url and passage`);
      }
      for (const [id, node] of Object.entries(tree.nodes)) {
        if (node.kind === 'outcome') assert.ok(tree.citations[id].length >= 1, `${id} has a citation`);
      }
    }
  });

  const cases: [string, (t: any) => void, RegExp][] = [
    ['a dangling option target', (t) => (t.nodes.symptom.options[0].next = 'nowhere'), /node "symptom": option "aadsts70008" leads to missing node "nowhere"/],
    ['a dangling "not solved" branch', (t) => (t.nodes['out-inactive'].next = 'nowhere'), /node "out-inactive": next leads to missing node "nowhere"/],
    ['an unreachable node', (t) => (t.nodes.orphan = { ...t.nodes['out-new-connection'] }), /node "orphan" cannot be reached/],
    [
      'a loop without an exit',
      (t) => {
        t.nodes.loop = { kind: 'question', text: { ja: 'ループ?', en: 'Loop?' }, options: [{ id: 'again', label: { ja: 'もう一度', en: 'Again' }, next: 'pattern' }] };
        t.nodes.pattern.options = [{ id: 'round', label: { ja: '回る', en: 'Round' }, next: 'loop' }];
      },
      /node "(loop|pattern)" never leads to an outcome/,
    ],
    ['a missing English text', (t) => delete t.nodes.event.options[2].label.en, /node "event": options\[2\]\.label must have required property 'en'/],
    ['a missing Japanese verdict', (t) => delete t.nodes['out-403'].verdict.ja, /node "out-403": verdict must have required property 'ja'/],
    ['an outcome without citations', (t) => (t.nodes['out-403'].citations = []), /node "out-403": citations must NOT have fewer than 1 items/],
    ['a question without options', (t) => (t.nodes.mfa.options = []), /node "mfa": options must NOT have fewer than 1 items/],
    ['an unknown node kind', (t) => (t.nodes.mfa.kind = 'menu'), /node "mfa"/],
    ['a misspelt field', (t) => (t.nodes.mfa.optoins = t.nodes.mfa.options), /node "mfa" must NOT have additional properties \("optoins"\)/],
    ['a fake quote', (t) => (t.nodes['out-403'].citations[0].quote = '403 は存在しない引用文です'), /node "out-403": quote is not verbatim in "error-401"/],
    ['an unknown document', (t) => (t.nodes['out-403'].citations[0].doc = 'no-such-doc'), /node "out-403": cites unknown document "no-such-doc"/],
    ['a fake quote in an option note', (t) => (t.nodes.event.options[7].note.citations[0].quote = '捏造'), /node "event" option "password-expired" note: quote is not verbatim/],
    ['a duplicate option id', (t) => (t.nodes.mfa.options[1].id = t.nodes.mfa.options[0].id), /node "mfa": option "every-14-days" appears twice/],
    ['a broken pattern', (t) => (t.nodes.symptom.options[0].match.patterns = ['AADSTS(']), /node "symptom": option "aadsts70008": pattern "AADSTS\(" is not a valid regular expression/],
    ['a missing start', (t) => (t.start = 'nope'), /start "nope" is not a node/],
    // What YAML makes of "\bno code" in double quotes: a backspace, so the pattern never matches.
    ['a pattern holding a control character', (t) => (t.nodes.symptom.options[0].match.patterns = ['\bno code']), /node "symptom": option "aadsts70008": pattern "\\bno code" contains a control character/],
    ['a broken answer pattern inside a shared list', (t) => (t.nodes.pattern.options[3].answerPatterns = [['わからない', '(']]), /node "pattern": option "unknown" answerPatterns: pattern "\(" is not a valid regular expression/],
    ['answer patterns that are not text', (t) => (t.nodes.pattern.options[3].answerPatterns = [3]), /node "pattern": options\[3\]\.answerPatterns\[0\]/],
  ];
  for (const [what, breakIt, expected] of cases) {
    it(`rejects ${what}, naming the node`, () => {
      const problems = problemsAfter(breakIt);
      assert.ok(problems.some((p) => expected.test(p)), problems.join('\n'));
    });
  }

  it('a broken file is reported by name and the other trees still load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialogs-'));
    const good = rawTree();
    writeFileSync(join(dir, 'a-good.yaml'), stringify(good));
    const bad = rawTree();
    bad.id = 'other-tree';
    bad.nodes.symptom.options[0].next = 'nowhere';
    writeFileSync(join(dir, 'b-bad.yaml'), stringify(bad));
    writeFileSync(join(dir, 'c-not-yaml.yml'), 'id: [unclosed');
    writeFileSync(join(dir, 'd-twin.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'notes.txt'), 'not a tree');
    const r = loadTrees(dir, documents);
    assert.deepEqual(r.trees.map((t) => t.id), ['invalid-connection']);
    assert.equal(r.errors.length, 3, r.errors.join('\n'));
    assert.match(r.errors[0], /^b-bad\.yaml: [\s\S]*node "symptom"/);
    assert.match(r.errors[1], /^c-not-yaml\.yml: [\s\S]*not valid YAML/);
    assert.match(r.errors[2], /^d-twin\.json: [\s\S]*already used by a-good\.yaml/);
  });
});
