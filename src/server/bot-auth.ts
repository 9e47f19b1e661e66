/**
 * Inbound Bot Framework authentication, done before the adapter so that every
 * refusal is a clean 401 or 503 with one structured log line. botbuilder's own
 * path (CloudAdapter.process) answers 500 with the error text in the body when
 * the signing keys cannot be fetched, and prints stack traces and keys to stderr
 * (console.error in CloudAdapter.process and in its JWT extractor's verify).
 *
 * Two stages, public API only:
 * 1. `checkToken`, before the body is read: the header must hold a JWT whose
 *    signature, algorithm, issuer and expiry verify against the published keys
 *    (fetched here with a timeout; a failed fetch answers 503 for a short while
 *    instead of being retried by every request). It returns the token verified,
 *    with the key that signed it.
 * 2. `authenticate`, with the activity and that verified token (so the signature
 *    is not checked a second time here): the key's channel endorsements, then
 *    botbuilder's own ConfigurationBotFrameworkAuthentication.authenticateRequest
 *    (audience, app id, serviceUrl claim, endorsements). Our checks only ever
 *    refuse more, never less, and make sure the SDK's verify runs on a token it
 *    accepts (so it prints nothing).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  EndorsementsValidator,
  ToBotFromBotOrEmulatorTokenValidationParameters,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import jwt from 'jsonwebtoken';
import type { Refusal } from './body.js';
import { botAuthConfig, type ServerConfig } from './config.js';
import { BoundedConnectorFactory } from './outbound.js';
import { appIdOf, ConnectorClients, ReusingBotFrameworkAuthentication } from './reused-clients.js';

/** How long refused requests are told to wait after the signing keys could not be fetched. */
const KEYS_RETRY_AFTER_S = 15;
const KEYS_FETCH_TIMEOUT_MS = 5000;
/** Keys are refetched after this; an unknown key id triggers a refetch at most this often. */
const KEYS_MAX_AGE_MS = 24 * 3600_000;
const UNKNOWN_KID_REFETCH_MS = 5 * 60_000;
/** Bot Framework tokens are a few kB; anything much longer is not one. */
const MAX_HEADER_CHARS = 16_384;

export interface AuthRefusal extends Refusal {
  retryAfterS?: number;
}

const unauthorized = (reason: string, detail?: string): AuthRefusal => ({ status: 401, reason, message: 'Unauthorized', detail });
const keysUnavailable = (reason: string, detail?: string): AuthRefusal => ({
  status: 503,
  reason,
  message: 'authentication is temporarily unavailable',
  retryAfterS: KEYS_RETRY_AFTER_S,
  detail,
});

class KeysUnavailableError extends Error {}

interface SigningKey {
  key: KeyObject;
  /** The channels the key may sign for (none: any). */
  endorsements: string[];
}

/** The signing keys published at one OpenID metadata URL, by key id. */
class SigningKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = 0;
  private failedUntil = 0;
  private refreshing?: Promise<void>;

  constructor(private readonly metadataUrl: string) {}

  /** The key, undefined for an id that is not published; throws KeysUnavailableError while they cannot be fetched. */
  async get(kid: string): Promise<SigningKey | undefined> {
    const age = Date.now() - this.fetchedAt;
    const known = this.keys.get(kid);
    if (known && age < KEYS_MAX_AGE_MS) return known;
    if (!known && this.fetchedAt && age < UNKNOWN_KID_REFETCH_MS) return undefined;
    if (Date.now() < this.failedUntil) throw new KeysUnavailableError('signing keys recently unreachable');
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    await this.refreshing;
    return this.keys.get(kid);
  }

  private async refresh(): Promise<void> {
    try {
      const config = await fetchJson(this.metadataUrl);
      const jwksUri = (config as { jwks_uri?: unknown }).jwks_uri;
      if (typeof jwksUri !== 'string') throw new Error('no jwks_uri in the OpenID metadata');
      const { keys } = (await fetchJson(jwksUri)) as { keys?: { kid?: unknown; kty?: unknown; n?: unknown; e?: unknown; endorsements?: unknown }[] };
      const next = new Map<string, SigningKey>();
      for (const k of Array.isArray(keys) ? keys : []) {
        if (typeof k.kid !== 'string' || k.kty !== 'RSA' || typeof k.n !== 'string' || typeof k.e !== 'string') continue;
        const endorsements = Array.isArray(k.endorsements) ? k.endorsements.filter((x): x is string => typeof x === 'string') : [];
        next.set(k.kid, { key: createPublicKey({ key: { kty: 'RSA', n: k.n, e: k.e }, format: 'jwk' }), endorsements });
      }
      this.keys = next;
      this.fetchedAt = Date.now();
    } catch (err) {
      this.failedUntil = Date.now() + KEYS_RETRY_AFTER_S * 1000;
      const cause = (err as { cause?: { code?: unknown } }).cause?.code;
      throw new KeysUnavailableError(`signing keys unreachable from ${new URL(this.metadataUrl).host}: ${(err as Error).message}${cause ? ` (${String(cause)})` : ''}`);
    }
  }
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(KEYS_FETCH_TIMEOUT_MS), redirect: 'error' });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${new URL(url).host}`);
  return res.json();
}

/**
 * botbuilder's authentication from the configuration: as botbuilder ships it, or (the
 * server's) with the clients of its turns kept for the next (see reused-clients.ts).
 */
export function createBotAuthentication(config: ServerConfig, kind: typeof ConfigurationBotFrameworkAuthentication = ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  const options: Record<string, string> = botAuthConfig(config);
  if (config.openIdMetadataUrl || config.emulatorOpenIdMetadataUrl) {
    // With any endpoint given, botbuilder expects all of them: the public cloud's, with the given ones.
    Object.assign(options, {
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: config.emulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    });
  }
  return new kind(options as ConfigurationBotFrameworkAuthenticationOptions);
}

/** The emulator and bot-to-bot issuers botbuilder ships, copied before anything can append to them. */
const BOT_OR_EMULATOR_ISSUERS: readonly string[] = Object.freeze([...(ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[])]);

/** The Authorization header of a request that passed `checkToken`, with the key that signed its token. */
export interface VerifiedToken {
  readonly authHeader: string;
  /** Undefined in local mode, where nothing is verified. */
  readonly key?: SigningKey;
}

export class InboundAuth {
  private readonly channelKeys: SigningKeys;
  private readonly emulatorKeys: SigningKeys;
  private readonly otherIssuers: readonly string[];
  /** The tokens `checkToken` passed: `authenticate` takes no other (held weakly, so each lives as long as its request). */
  private readonly verified = new WeakSet<VerifiedToken>();
  private readonly connectors = new ConnectorClients();

  constructor(
    private readonly config: ServerConfig,
    readonly botAuth: ConfigurationBotFrameworkAuthentication = createBotAuthentication(config, ReusingBotFrameworkAuthentication),
  ) {
    this.channelKeys = new SigningKeys(config.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl);
    this.emulatorKeys = new SigningKeys(config.emulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl);
    const tenantIssuers = config.tenantId ? [`https://sts.windows.net/${config.tenantId}/`, `https://login.microsoftonline.com/${config.tenantId}/v2.0`] : [];
    this.otherIssuers = Object.freeze([...BOT_OR_EMULATOR_ISSUERS, ...tenantIssuers]);
  }

  /** Stage 1, from the Authorization header alone: the verified token (in local mode, the header unverified), or the refusal. */
  async checkToken(authHeader: string | undefined): Promise<VerifiedToken | AuthRefusal> {
    const checked = this.config.authEnabled ? await this.verifiedKey(authHeader) : undefined;
    if (checked && 'status' in checked) return checked;
    const token: VerifiedToken = { authHeader: authHeader ?? '', key: checked };
    this.verified.add(token);
    return token;
  }

  private async verifiedKey(authHeader: string | undefined): Promise<SigningKey | AuthRefusal> {
    if (!authHeader) return unauthorized('no-token');
    if (authHeader.length > MAX_HEADER_CHARS) return unauthorized('token-too-long');
    const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authHeader.trim());
    if (!m) return unauthorized('not-a-bearer-jwt');
    const token = m[1];
    const decoded = jwt.decode(token, { complete: true });
    const kid = decoded?.header.kid;
    if (!decoded || typeof decoded.payload !== 'object' || !kid) return unauthorized('malformed-token');
    if (!AuthenticationConstants.AllowedSigningAlgorithms.includes(decoded.header.alg)) return unauthorized('algorithm-not-allowed');
    // The same key sets as botbuilder's validation. The issuers are decided from our own fixed
    // lists: botbuilder's emulator check appends the unverified token's tenant to a shared
    // issuer list, which an anonymous caller could grow without bound.
    const iss = (decoded.payload as jwt.JwtPayload).iss;
    const fromEmulator = typeof iss === 'string' && this.otherIssuers.includes(iss);
    const fromChannel = !fromEmulator;
    const issuer = fromChannel ? [AuthenticationConstants.ToBotFromChannelTokenIssuer] : this.otherIssuers;
    let key: SigningKey | undefined;
    try {
      key = await (fromEmulator ? this.emulatorKeys : this.channelKeys).get(kid);
    } catch (err) {
      return keysUnavailable('signing-keys-unavailable', (err as Error).message);
    }
    if (!key) return unauthorized('unknown-signing-key');
    try {
      jwt.verify(token, key.key, {
        algorithms: AuthenticationConstants.AllowedSigningAlgorithms as jwt.Algorithm[],
        issuer: issuer as [string, ...string[]],
        // A channel token names the bot it is for; one for another bot is refused before any body is read.
        ...(fromChannel ? { audience: this.config.appId } : {}),
        clockTolerance: 5 * 60,
      });
    } catch (err) {
      return unauthorized((err as Error).name === 'TokenExpiredError' ? 'token-expired' : 'token-invalid', (err as Error).message);
    }
    return key;
  }

  /** Stage 2, botbuilder's full check against the activity, for a token stage 1 verified; in local mode the anonymous identity. */
  async authenticate(activity: Partial<Activity>, token: VerifiedToken): Promise<AuthenticateRequestResult | AuthRefusal> {
    if (this.config.authEnabled) {
      if (!this.verified.has(token) || !token.key) return unauthorized('token-not-verified');
      // The key's endorsements, checked here too: botbuilder prints the key to stderr when they fail.
      const { endorsements } = token.key;
      if (endorsements.length && !EndorsementsValidator.validate(String(activity.channelId), endorsements)) {
        return unauthorized('channel-not-endorsed', `key not endorsed for channel ${String(activity.channelId).slice(0, 64)}`);
      }
    }
    try {
      const result = await this.botAuth.authenticateRequest(activity as Activity, token.authHeader);
      // The turn's replies go through connectors with a deadline (and, in local mode, an allow-list),
      // each kept for the next turn to the same serviceUrl.
      if (result.connectorFactory) result.connectorFactory = this.connectors.reusing(new BoundedConnectorFactory(result.connectorFactory, this.config), appIdOf(result.claimsIdentity));
      return result;
    } catch (err) {
      const detail = (err as Error)?.message ?? String(err);
      if (err instanceof AuthenticationError && err.statusCode === 401) return unauthorized('token-rejected', detail);
      return keysUnavailable('authentication-failed', detail);
    }
  }
}

/** True when `checkToken` or `authenticate` refused the request. */
export function isRefusal<T extends object>(x: T | AuthRefusal): x is AuthRefusal {
  return typeof (x as AuthRefusal).status === 'number';
}
