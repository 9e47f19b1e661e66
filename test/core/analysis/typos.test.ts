import assert from 'node:assert/strict';
import { correctTypos } from '../../../src/core/analysis/typos.js';

/** English words typed in a hurry are read as the glossary words they stand for. */
describe('typos', () => {
  const vocabulary = new Set(['admin', 'tenant', 'policy', 'sync', 'token', 'guest']);

  it('a four-letter word with a letter left out is the glossary word it lacks it from', () => {
    assert.equal(correctTypos('my admn reset it', vocabulary), 'my admin reset it');
    assert.equal(correctTypos('the tokn expired', vocabulary), 'the token expired');
  });

  it('a four-letter word with a letter changed or added stays as typed: that is too often another word', () => {
    assert.equal(correctTypos('synk the flow', vocabulary), 'synk the flow');
    assert.equal(correctTypos('a gues account', vocabulary), 'a guest account');
  });

  it('shorter words stay as typed', () => {
    assert.equal(correctTypos('adm tkn', vocabulary), 'adm tkn');
  });
});
