/**
 * A stand-in for the Bot Framework's token signing on loopback: OpenID metadata
 * and a key set at a local URL (the server is pointed at it with
 * ToBotFromChannelOpenIdMetadataUrl), and tokens signed like the channel's.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import jwt from 'jsonwebtoken';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TokenClaims {
  aud?: string;
  serviceurl?: string;
  iss?: string;
  tid?: string;
  expiresInS?: number;
}

export class TokenIssuer {
  readonly kid = `test-key-${randomUUID().slice(0, 8)}`;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** A second key pair, never published: tokens it signs carry the published kid but a wrong signature. */
  private readonly otherKey: KeyObject;
  private server?: Server;
  metadataUrl = '';
  /** Requests the key server has answered (metadata and key set). */
  fetches = 0;

  constructor(private readonly endorsements: string[] = ['msteams']) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.fetches++;
      const base = this.metadataUrl.replace(/\/openid$/, '');
      const body =
        req.url === '/openid'
          ? { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` }
          : { keys: [{ ...this.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', endorsements: this.endorsements }] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/openid`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A channel token as the Bot Framework signs it. */
  token(claims: TokenClaims & { aud: string; serviceurl: string }, options: { wrongKey?: boolean; kid?: string } = {}): string {
    const { expiresInS = 3600, iss = CHANNEL_ISSUER, ...rest } = claims;
    const now = Math.floor(Date.now() / 1000);
    return jwt.sign({ ...rest, iss, nbf: now - 60, exp: now + expiresInS }, options.wrongKey ? this.otherKey : this.privateKey, {
      algorithm: 'RS256',
      keyid: options.kid ?? this.kid,
    });
  }
}

/** A loopback URL where nothing listens: fetching it fails at once, like an unreachable metadata host. */
export async function closedPortUrl(path = '/openid'): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}
