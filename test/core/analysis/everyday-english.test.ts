import assert from 'node:assert/strict';
import { isEverydayEnglish } from '../../../src/core/analysis/english.js';

describe('everyday English', () => {
  it('has the names of the days and months, which the word lists leave out as proper nouns', () => {
    for (const w of ['friday', 'Monday', 'tuesdays', 'January', 'sept', 'weekdays']) assert.ok(isEverydayEnglish(w), w);
  });

  it('still has no product or protocol names', () => {
    for (const w of ['intune', 'saml', 'entra']) assert.ok(!isEverydayEnglish(w), w);
  });
});
