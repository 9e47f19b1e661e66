/**
 * One connector client and one user-token client for many turns. botbuilder's
 * CloudAdapter asks for both on every activity, and its factories build each anew:
 * new credentials and an HTTP pipeline of some 25 policies. Neither client holds
 * anything of a turn (a call's conversation, activity and deadline are its
 * arguments), so each is kept per app id, serviceUrl and audience and handed to every
 * turn that asks for the same, through the factories' public interfaces.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, ConnectorFactory, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import { LRUCache } from 'lru-cache';

/**
 * How many clients are kept. A bot talks to a handful of serviceUrls (one per Teams
 * region); in local mode a caller names any, so the bound keeps that from growing.
 */
const MAX_CLIENTS = 64;

/** The app id botbuilder builds a turn's clients for: the audience claim (channels), else the appId claim (the emulator). */
export function appIdOf(identity: ClaimsIdentity): string | undefined {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? undefined;
}

/** The connector clients made for turns, kept by app id, serviceUrl and audience. */
export class ConnectorClients {
  private readonly clients = new LRUCache<string, ConnectorClient>({ max: MAX_CLIENTS });

  /**
   * A factory for one turn that hands out the kept client where there is one and keeps
   * what `inner` makes otherwise. `inner` is the turn's own factory, made for `appId`.
   */
  reusing(inner: ConnectorFactory, appId: string | undefined): ConnectorFactory {
    const clients = this.clients;
    return new (class extends ConnectorFactory {
      async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = JSON.stringify([appId ?? '', audience ?? '', serviceUrl]);
        const kept = clients.get(key);
        if (kept) return kept;
        const made = await inner.create(serviceUrl, audience);
        clients.set(key, made);
        return made;
      }
    })();
  }
}

/** botbuilder's authentication from the configuration, with one user-token client kept per app id. */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly userTokenClients = new LRUCache<string, UserTokenClient>({ max: MAX_CLIENTS });

  override async createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(identity) ?? '';
    const kept = this.userTokenClients.get(key);
    if (kept) return kept;
    const made = await super.createUserTokenClient(identity);
    this.userTokenClients.set(key, made);
    return made;
  }
}
