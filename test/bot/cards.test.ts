import assert from 'node:assert/strict';
import fc from 'fast-check';
import { declineCard } from '../../src/bot/cards/answer-card.js';
import { choiceCard, outcomeCard } from '../../src/bot/cards/step-cards.js';
import { CitationList } from '../../src/bot/citations.js';
import { answerReply } from '../../src/bot/replies.js';

describe('bot: cards', () => {
  it('fuzz: cards built from arbitrary text never throw, serialise, and keep text out of card functions and links', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 50 }), (s, id) => {
        // The source URL is never an https URL here: it must not become a button.
        const c = { docId: 'd', title: s, url: `x${s}`, section: '', quote: s, passage: s };
        const list = new CitationList();
        list.add([c]);
        const made = [
          answerReply({ id: 'a', kind: 'passage', text: s, score: 1, citations: [c] }, 'en', s),
          declineCard('ja', [s, s], s),
          choiceCard({ kind: 'question', text: s, help: s, options: [{ id, label: s, number: 1 }] }, 'en', s),
          outcomeCard({ kind: 'outcome', verdict: s, steps: [s], citations: [c], notes: [{ text: s, citations: [] }], summary: s, solvedOptions: [] }, list.items, [''], 'ja'),
        ];
        for (const card of made) {
          const json = JSON.stringify(card);
          JSON.parse(json);
          // Every TextRun is free of card date/time functions.
          const runs = json.match(/"type":"TextRun","text":"(?:[^"\\]|\\.)*"/g) ?? [];
          for (const r of runs) assert.ok(!r.includes('{{'), r);
          assert.ok(!json.includes('"type":"Action.OpenUrl"'), 'no link button for a non-https source');
        }
      }),
      { numRuns: 200 },
    );
  });
});
