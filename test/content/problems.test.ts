import assert from 'node:assert/strict';
import { stringList } from '../../src/content/problems.js';

describe('content: string lists in data files', () => {
  it('trims a list of strings and refuses an empty list or an empty entry', () => {
    assert.deepEqual(stringList([' a ', 'b']), ['a', 'b']);
    assert.equal(stringList([]), undefined);
    assert.equal(stringList(['a', '  ']), undefined);
  });

  it('reads a lone string or a number only when the file allows it', () => {
    assert.equal(stringList('a'), undefined);
    assert.deepEqual(stringList(' a ', { single: true }), ['a']);
    assert.equal(stringList(['Microsoft', 365]), undefined);
    assert.deepEqual(stringList(['Microsoft', 365], { numbers: true }), ['Microsoft', '365']);
  });
});
