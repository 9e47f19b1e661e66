import assert from 'node:assert/strict';
import { CitationList, citationEntity } from '../../src/bot/citations.js';

describe('bot: citations', () => {
  it('citation entity respects Teams limits (name ≤ 80, abstract ≤ 160) and numbers repeats once', () => {
    const long = { docId: 'd', title: 'T'.repeat(300), url: 'https://x.example/a', section: '', quote: 'q'.repeat(1000), passage: '' };
    const list = new CitationList();
    assert.equal(list.add([long, long, { ...long, quote: 'other' }]), '[1][2]');
    const e = citationEntity(list.items) as { citation: { appearance: { name: string; abstract: string } }[] };
    assert.ok(e.citation.every((c) => c.appearance.name.length <= 80 && c.appearance.abstract.length <= 160));
  });
});
