import assert from 'node:assert/strict';
import { containsKey, KeyFinder } from '../../../src/core/search/exact-lookup.js';

/** Finding the items that contain a key at once, as the search of each item's own texts finds them. */
describe('exact lookup over many items', () => {
  const items = [
    ['エラー aadsts50105 が返る', 'サインインのエラー'],
    ['コード 501050 は別のもの', ''],
    ['50105', 'maxinactivetime の既定値'],
    ['set maxinactivetimex=1', ''],
    ['', 'get-mgpolicytokenlifetimepolicy で確認'],
    ['末尾に 401', '401'],
  ];
  const finder = new KeyFinder(items);

  it('finds a key standing alone in any text of an item, once per item, items in order', () => {
    assert.deepEqual(finder.itemsWith('50105'), [0, 2]);
    assert.deepEqual(finder.itemsWith('maxinactivetime'), [2]);
    assert.deepEqual(finder.itemsWith('get-mgpolicytokenlifetimepolicy'), [4]);
    assert.deepEqual(finder.itemsWith('401'), [5]);
  });

  it('does not join the end of one text to the start of the next', () => {
    // "…のエラー" + "コード…" and "401" + the next item: a key spanning two texts is in neither.
    assert.deepEqual(finder.itemsWith('エラーコード'), []);
    assert.deepEqual(finder.itemsWith('4015'), []);
    assert.deepEqual(finder.itemsWith(''), []);
  });

  it('finds what containsKey finds in each text, on made-up texts of codes and names', () => {
    const alphabet = 'ab1-2_ .x9\u3042';
    let seed = 1;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const text = () => Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const texts = Array.from({ length: 1 + Math.floor(next() * 12) }, () => [text(), text()]);
      const found = new KeyFinder(texts);
      for (const key of ['1', 'a', 'ab', '1-2', 'b1', 'x9', '12', '9', 'a_b']) {
        const expected = texts.flatMap((own, i) => (own.some((t) => containsKey(t, key)) ? [i] : []));
        assert.deepEqual(found.itemsWith(key), expected, `${JSON.stringify(texts)} ${key}`);
      }
    }
  });
});
