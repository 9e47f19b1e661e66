import assert from 'node:assert/strict';
import { STRING_KEYS, t } from '../../../src/bot/language/strings.js';
import { japaneseOnlyInQuotes } from '../../server/helpers.js';

describe('bot: strings', () => {
  it('every bot-authored string exists in both languages; English ones hold Japanese only in quotes', () => {
    for (const k of STRING_KEYS) {
      assert.ok(t('ja', k).trim(), `ja ${k}`);
      assert.ok(t('en', k).trim(), `en ${k}`);
      assert.ok(japaneseOnlyInQuotes(t('en', k)), `en ${k}: ${t('en', k)}`);
    }
  });
});
