/**
 * English as makers type it about tokens and sessions: abbreviations in capitals, events said not
 * to have happened, a fault on Microsoft's end, a lifetime told with "last", sessions "killed"
 * rather than signed out.
 */
import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { sharedKnowledgeBase } from './shared.js';

describe('English everyday words', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  const labels = (q: string) => kb.analyze(q).concepts.map((c) => c.label);
  const termsOf = (q: string) => kb.analyze(q).concepts.flatMap((c) => c.terms);
  const top3 = (q: string) => kb.ask(q).answers.slice(0, 3).map((a) => a.id);

  it('a stop word written in capitals is the abbreviation the glossary lists (AT, RT)', () => {
    assert.ok(termsOf('does the AT survive a password reset?').includes('アクセストークン'));
    assert.ok(termsOf('our RT is gone after 90 days?').includes('更新トークン'));
    // Lowercase it is the preposition, and a message in capitals throughout abbreviates nothing.
    assert.ok(!termsOf('the flow broke at noon').includes('アクセストークン'));
    assert.ok(!termsOf('WHY DID IT BREAK AT NOON').includes('アクセストークン'));
    // One the glossary does not list stays the stop word it spells: "IT" names no concept.
    assert.ok(!labels('IT reset my password yesterday').includes('IT'));
  });

  it('an abbreviated token finds the text about that token', () => {
    assert.ok(top3('can the AT be revoked right away?').includes('mechanism-access-token-not-revocable'));
  });

  it('an event said not to have happened is context, not what is asked about', () => {
    for (const q of ['nobody changed anything and the connection went invalid', 'we did not touch anything, the flow says invalid connection', 'no changes on our side but the connection broke', 'how long is a connection good if nothing changes']) {
      assert.ok(!termsOf(q).includes('変更'), q);
    }
    // Said to have happened, the change is what is asked about.
    assert.ok(termsOf('we changed the policy and the connection went invalid').includes('変更'));
    assert.ok(!top3('nobody changed a thing on our side, yet the connection says invalid. why?').includes('not-invalidate-user-password-change'));
    const unchanged = top3('how long does a connection stay good if nothing changes?');
    // What a connection lasts on: the refresh tokens it uses live until revoked.
    const onLifetime = ['mechanism-connection-lifetime-until-revoked', 'token-lifetime-maxagemultifactor'];
    assert.ok(unchanged.some((id) => onLifetime.includes(id)) && !unchanged.includes('not-invalidate-user-password-change'), unchanged.join(','));
  });

  it('a fault on the service\'s side, told as people tell it, finds the temporary fault', () => {
    for (const q of ['it broke out of the blue, is it on microsoft\'s end?', 'the connection is invalid again out of nowhere, a hiccup on their side?']) {
      assert.equal(top3(q)[0], 'invalidate-temporary-service-fault', q);
    }
  });

  it('"last" right before a duration asks for a lifetime of that length', () => {
    assert.ok(termsOf('can we make the access token last two days?').includes('有効期間'));
    assert.ok(termsOf('is it possible for a refresh token to stay valid a full year').includes('有効期間'));
    // "last" as "the last time" is no lifetime.
    assert.ok(!termsOf('the flow ran last week').includes('有効期間'));
  });

  it('killing or ending all sessions reads as signing out everywhere', () => {
    for (const q of ['I killed all my sessions, are my flows dead now?', 'we ended all sessions for a user, do their connections survive?']) {
      assert.ok(termsOf(q).includes('すべてサインアウト'), q);
      assert.ok(top3(q).includes('invalidate-sign-out-everywhere'), `${q}: ${top3(q).join(',')}`);
    }
  });
});
