import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import { InboundAuth, isRefusal } from '../../src/server/bot-auth.js';
import { OutboundBlockedError } from '../../src/server/outbound.js';
import { testConfig } from './helpers.js';

/**
 * The clients botbuilder asks for on every activity: one connector client per serviceUrl
 * and one user-token client per app id serve every turn, each send still with its deadline
 * and, in local mode, only to an allowed serviceUrl.
 */
describe('connector and user-token clients kept from turn to turn', function () {
  const activity = (serviceUrl: string, id: string): Partial<Activity> => ({
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: `conv-${id}` } as Activity['conversation'],
    from: { id: `user-${id}`, name: 'Someone' },
    recipient: { id: 'bot', name: 'Bot' },
    text: 'hello there',
  });

  /** The connector client the adapter would use for this activity, as it asks for it. */
  const clientFor = async (auth: InboundAuth, a: Partial<Activity>): Promise<ConnectorClient> => {
    const token = await auth.checkToken(undefined);
    assert.ok(!isRefusal(token));
    const result = await auth.authenticate(a, token);
    assert.ok(!isRefusal(result) && result.connectorFactory);
    return result.connectorFactory.create(String(a.serviceUrl), result.audience);
  };

  it('turns of different conversations to one serviceUrl share its client; another serviceUrl gets its own', async () => {
    const auth = new InboundAuth(testConfig());
    const first = await clientFor(auth, activity('http://127.0.0.1:3978/', 'a'));
    const again = await clientFor(auth, activity('http://127.0.0.1:3978/', 'b'));
    const elsewhere = await clientFor(auth, activity('http://127.0.0.1:3979/', 'c'));
    assert.equal(again, first);
    assert.notEqual(elsewhere, first);
    assert.equal(await clientFor(auth, activity('http://127.0.0.1:3979/', 'd')), elsewhere);
  });

  it('each server keeps its own clients', async () => {
    const url = 'http://127.0.0.1:3978/';
    assert.notEqual(await clientFor(new InboundAuth(testConfig()), activity(url, 'a')), await clientFor(new InboundAuth(testConfig()), activity(url, 'a')));
  });

  it('a kept client for a serviceUrl that is not allowed still sends nothing, turn after turn', async () => {
    const auth = new InboundAuth(testConfig());
    const url = 'https://attacker.example/';
    for (const id of ['a', 'b']) {
      const client = await clientFor(auth, activity(url, id));
      await assert.rejects(client.conversations.sendToConversation(`conv-${id}`, { type: 'message', text: 'hi' } as Activity), OutboundBlockedError);
    }
  });

  it('one user-token client per app id', async () => {
    const auth = new InboundAuth(testConfig());
    const identity = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
    const one = await auth.botAuth.createUserTokenClient(identity('app-1'));
    assert.equal(await auth.botAuth.createUserTokenClient(identity('app-1')), one);
    assert.notEqual(await auth.botAuth.createUserTokenClient(identity('app-2')), one);
  });
});
