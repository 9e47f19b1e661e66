/**
 * Requests that are not verifiably from the Bot Framework, against the real
 * server with an app id: each is refused with 401 (503 with Retry-After while
 * the signing keys cannot be fetched), with a fixed body, one structured warn
 * line and nothing on stderr. Signing keys come from a loopback stand-in.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import jwt from 'jsonwebtoken';
import { captureStderr, capturingLogger, type LogLine } from './capture.js';
import { closedPortUrl, TokenIssuer } from './token-issuer.js';
import { InboundAuth, isRefusal } from '../../src/server/bot-auth.js';
import { Conversation, startBot, testConfig, type Running } from '../server/helpers.js';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const SECRET = 'dummy-secret-value-for-tests';
const SERVICE_URL = 'https://smba.example.invalid/';

interface Sent {
  status: number;
  text: string;
  headers: Headers;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Sent> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const refusals = (lines: LogLine[]) => lines.filter((l) => l.msg === 'request refused');

describe('hardening: tokens (app id set)', function () {
  this.timeout(60_000);
  const issuer = new TokenIssuer(['msteams']);
  const log = capturingLogger();
  let bot: Running;
  const activity = () => new Conversation('').envelope({ type: 'message', text: 'help', serviceUrl: SERVICE_URL });
  const valid = (claims: Partial<{ aud: string; serviceurl: string; expiresInS: number; iss: string; tid: string }> = {}) =>
    `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL, ...claims })}`;

  before(async () => {
    await issuer.start();
    bot = await startBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl },
      logger: log.logger,
    });
  });
  after(async () => {
    await bot?.close();
    await issuer.close();
  });

  it('a correctly signed channel token gets the turn (200 with the replies)', async () => {
    const r = await post(bot.url, activity(), { authorization: valid() });
    assert.equal(r.status, 200, r.text);
    assert.equal(JSON.parse(r.text).activities.length, 1);
  });

  it("a request's signature is verified once by our check and once by botbuilder's, not again in between", async () => {
    const module = jwt as unknown as { verify: (...args: unknown[]) => unknown };
    const verify = module.verify;
    let calls = 0;
    module.verify = (...args: unknown[]) => (calls++, verify(...args));
    try {
      const r = await post(bot.url, activity(), { authorization: valid() });
      assert.equal(r.status, 200, r.text);
    } finally {
      module.verify = verify;
    }
    assert.equal(calls, 2);
  });

  it('the activity is authenticated only with a token the header check passed, never with a header handed in otherwise', async () => {
    const auth = new InboundAuth(testConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl }));
    const forged = await auth.authenticate(activity(), { authHeader: valid() });
    assert.ok(isRefusal(forged) && forged.status === 401, 'a header nobody verified is refused');
    const token = await auth.checkToken(valid());
    assert.ok(!isRefusal(token));
    assert.ok(!isRefusal(await auth.authenticate(activity(), token)), 'the verified one is accepted');
  });

  it('tokens naming made-up tenants are refused without growing any list of accepted issuers', async () => {
    const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[];
    const count = issuers.length;
    for (let i = 0; i < 20; i++) {
      const tid = `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
      const r = await post(bot.url, activity(), { authorization: valid({ iss: `https://sts.windows.net/${tid}/`, tid }) });
      assert.equal(r.status, 401, r.text);
    }
    assert.equal(issuers.length, count);
  });

  it('forged, expired, misdirected and malformed tokens → 401, a fixed body, one warn line each with the reason, nothing on stderr', async () => {
    const cases: [string, Record<string, string>, Record<string, unknown>?][] = [
      ['no-token', {}],
      ['not-a-bearer-jwt', { authorization: 'Bearer not-a-jwt' }],
      ['not-a-bearer-jwt', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['token-invalid', { authorization: `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL }, { wrongKey: true })}` }],
      ['unknown-signing-key', { authorization: `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL }, { kid: 'no-such-key' })}` }],
      ['token-expired', { authorization: valid({ expiresInS: -3600 }) }],
      ['token-invalid', { authorization: valid({ iss: 'https://attacker.example/' }) }],
      ['token-invalid', { authorization: valid({ aud: '00000000-0000-0000-0000-0000000000bb' }) }],
      ['token-rejected', { authorization: valid({ serviceurl: 'https://elsewhere.example/' }) }],
      ['channel-not-endorsed', { authorization: valid() }, { channelId: 'webchat' }],
    ];
    const before = refusals(log.lines).length;
    const { stderr } = await captureStderr(async () => {
      for (const [reason, headers, override] of cases) {
        const r = await post(bot.url, { ...activity(), ...override }, headers);
        assert.equal(r.status, 401, `${reason}: ${r.text}`);
        assert.deepEqual(JSON.parse(r.text), { error: 'Unauthorized', message: 'Unauthorized' }, reason);
      }
    });
    assert.equal(stderr, '', 'nothing on stderr');
    const lines = refusals(log.lines).slice(before);
    assert.deepEqual(
      lines.map((l) => l.reason),
      cases.map((c) => c[0]),
    );
    for (const l of lines) assert.equal(l.level, 40, 'warn');
    const logged = log.raw.join('\n');
    for (const [, headers] of cases) if (headers.authorization) assert.ok(!logged.includes(headers.authorization.slice(7, 60)), 'no token in the log');
    assert.ok(!logged.includes(SECRET), 'no secret in the log');
  });

  it('without a token the body is not parsed (cut-off JSON gets 401, not 400); a gzip body gets 415; the server answers the next request', async () => {
    const cut = await post(bot.url, JSON.stringify({ ...activity(), text: 'x'.repeat(300_000) }).slice(0, 200_000));
    assert.equal(cut.status, 401);
    const gz = await post(bot.url, gzipSync(Buffer.alloc(10_000_000)), { 'content-encoding': 'gzip' });
    assert.equal(gz.status, 415);
    assert.equal((await post(bot.url, activity(), { authorization: valid() })).status, 200);
  });
});

describe('hardening: tokens while the signing keys cannot be fetched', function () {
  this.timeout(60_000);
  let bot: Running;
  const log = capturingLogger();
  const issuer = new TokenIssuer();

  before(async () => {
    await issuer.start(); // only to sign tokens: the server looks for keys at a closed port
    bot = await startBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, ToBotFromChannelOpenIdMetadataUrl: await closedPortUrl() },
      logger: log.logger,
    });
  });
  after(async () => {
    await bot?.close();
    await issuer.close();
  });

  it('answers 503 with Retry-After and no internal text (never 500), one warn line each, nothing on stderr', async () => {
    const body = new Conversation('').envelope({ type: 'message', text: 'help', serviceUrl: SERVICE_URL });
    const token = `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL })}`;
    const before = refusals(log.lines).length;
    const { result, stderr } = await captureStderr(async () => Promise.all(Array.from({ length: 5 }, () => post(bot.url, body, { authorization: token }))));
    assert.equal(stderr, '', 'nothing on stderr');
    for (const r of result) {
      assert.equal(r.status, 503);
      assert.ok(Number(r.headers.get('retry-after')) > 0, 'Retry-After');
      assert.deepEqual(JSON.parse(r.text), { error: 'ServiceUnavailable', message: 'authentication is temporarily unavailable' });
      assert.doesNotMatch(r.text, /ECONNREFUSED|127\.0\.0\.1|fetch|request to/);
    }
    const lines = refusals(log.lines).slice(before);
    assert.equal(lines.length, 5);
    for (const l of lines) {
      assert.equal(l.level, 40);
      assert.equal(l.reason, 'signing-keys-unavailable');
    }
    // No token still gets 401: it needs no keys.
    assert.equal((await post(bot.url, body)).status, 401);
  });
});
