import assert from 'node:assert/strict';
import { adaptiveCard, MAX_ACTIONS_PER_SET, submitButton } from '../../src/bot/cards/elements.js';
import { declineCard } from '../../src/bot/cards/answer-card.js';
import { choiceCard } from '../../src/bot/cards/step-cards.js';
import { readInput } from '../../src/bot/input.js';
import { answerReply, stepReply, toActivity } from '../../src/bot/replies.js';
import { cardActions } from '../server/helpers.js';

/** Every set of actions in a card: its own actions and each ActionSet in its body. */
function actionSetsOf(card: Record<string, any>): Record<string, any>[][] {
  const sets: Record<string, any>[][] = card.actions ? [card.actions] : [];
  const visit = (items: any[]) => {
    for (const el of items ?? []) {
      if (el?.type === 'ActionSet') sets.push(el.actions);
      if (Array.isArray(el?.items)) visit(el.items);
    }
  };
  visit(card.body);
  return sets;
}

const citation = (n: number, url: string) => ({ docId: `doc-${url}`, title: `Page ${new URL(url).hostname}`, url, section: '', quote: `Quote ${n}`, passage: `p${n}` });

describe('cards and answers as Teams shows them', () => {
  it('a question with many long options shows every label whole, answered by one button; no set has more than six actions', () => {
    const label = (i: number) => `Option ${i}: ${'a long explanation that would not fit on a button '.repeat(2).trim()}`;
    const view = { kind: 'question' as const, step: 'event', text: 'Which happened?', options: Array.from({ length: 14 }, (_, i) => ({ id: `o${i}`, label: label(i), number: i + 1 })), notes: [], canGoBack: true };
    const card = choiceCard(view, 'en').content as Record<string, any>;
    const set = card.body.find((el: any) => el.type === 'Input.ChoiceSet');
    assert.equal(set.style, 'expanded');
    assert.equal(set.wrap, true);
    assert.deepEqual(set.choices.map((c: any) => c.title), view.options.map((o) => `${o.number}. ${o.label}`), 'labels whole, none cut');
    for (const s of actionSetsOf(card)) assert.ok(s.length <= MAX_ACTIONS_PER_SET);
    const titles = cardActions(card).map((a) => a.title);
    assert.deepEqual(titles, ['Answer', 'Back', 'Start over']);
    for (const a of cardActions(card)) assert.equal(a.data.msteams, undefined, 'plain Action.Submit data');
    assert.ok(cardActions(card).filter((a) => a.title !== 'Start over').every((a) => a.data.step === 'event'), 'presses carry their step');
  });

  it('"did you mean" suggestions are wrapped choices, each whole, sent as the question text', () => {
    const long = 'Why does a connection turn invalid some time after an admin resets the password in the Microsoft 365 admin center?';
    const card = declineCard('en', [long, 'Short one?'], undefined).content as Record<string, any>;
    const set = card.body.find((el: any) => el.type === 'Input.ChoiceSet');
    assert.equal(set.id, 'text', 'the pick arrives as the text of the message');
    assert.equal(set.wrap, true);
    assert.deepEqual(set.choices.map((c: any) => [c.title, c.value]), [[long, long], ['Short one?', 'Short one?']]);
    assert.ok(cardActions(card).every((a) => a.title.length <= 20), 'no suggestion on a button');
    assert.equal(readInput({ type: 'message', value: { text: long } } as never).text, long);
  });

  it('a card with more actions than one set shows splits them into sets of at most six', () => {
    const actions = Array.from({ length: 9 }, (_, i) => submitButton(`B${i}`, { text: `b${i}` }));
    const card = adaptiveCard([], actions, 'x').content as Record<string, any>;
    const sets = actionSetsOf(card);
    assert.deepEqual(sets.map((s) => s.length), [6, 3]);
    assert.deepEqual(sets.flat().map((a) => a.title), actions.map((a) => a.title));
  });

  it('an answer is one activity: [n] markers, citations, feedback; sources as text only where citations do not render', () => {
    const answer = {
      id: 'a1',
      kind: 'curated' as const,
      text: 'The answer.',
      score: 1,
      citations: [citation(1, 'https://a.example/'), citation(2, 'https://a.example/')],
      notes: [{ text: 'A caveat.', citations: [citation(3, 'https://b.example/')] }],
    };
    const reply = answerReply(answer, 'en', 'Your message was long.');
    assert.match(reply.text ?? '', /^The answer\. \[1\]\[2\]\n\n\*\*Note:\*\* A caveat\. \[3\]\n\n_Your message was long\._$/);
    assert.equal(reply.attachments, undefined);
    const teams = toActivity(reply, 'msteams');
    assert.equal(teams.text, reply.text, 'Teams renders the entity instead');
    assert.equal((teams as any).answerId, undefined);
    assert.equal((teams as any).sourcesText, undefined);
    const web = toActivity(reply, 'webchat');
    const sources = (web.text ?? '').slice((reply.text ?? '').length);
    assert.equal(sources.match(/https:\/\/a\.example\//g)?.length, 1, 'one line per page');
    assert.match(sources, /\[1\] “Quote 1”[\s\S]*\[2\] “Quote 2”[\s\S]*https:\/\/b\.example\/[\s\S]*\[3\] “Quote 3”/);
  });

  it('an outcome references its notes\' sources in their text and keeps the summary\'s lines', () => {
    const summary = '[Summary]\nRole: End user\nAnswers:\n- Q → A\nSources:\n- “T” https://a.example/';
    const reply = stepReply(
      {
        kind: 'outcome',
        step: 'out',
        verdict: 'The cause.',
        steps: ['Do this.'],
        citations: [citation(1, 'https://a.example/')],
        notes: [{ text: 'Also this.', citations: [citation(2, 'https://b.example/')] }],
        summary,
        solvedQuestion: 'Did this solve it?',
        solvedOptions: [{ id: 'solved', label: "Yes, it's fixed", number: 1 }],
      },
      'en',
    );
    const card = reply.attachments![0].content as Record<string, any>;
    assert.match(reply.text ?? '', /\*\*The cause\.\*\* \[1\]/);
    assert.ok(JSON.stringify(card.body).includes('Note: Also this. [2]'));
    const box = card.body.find((el: any) => el.id === 'summary');
    assert.equal(box.value, summary);
    assert.equal(box.label, 'Summary to copy');
    assert.equal(JSON.stringify(card.body).split('Summary to copy').length - 1, 1, 'the heading once');
  });
});
