/**
 * Local mode (no app id, nothing authenticated): the server stays on loopback
 * unless that is overridden on purpose, and it sends replies only to loopback
 * serviceUrls or an allow-list, each send bounded in time: it is no open relay.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createServer as createBotServer } from '../../src/server/app.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { silentLogger } from '../../src/server/logger.js';
import { serviceUrlAllowed } from '../../src/server/outbound.js';
import { repoRoot } from '../../src/core/repo-root.js';
import { Conversation, startBot, testConfig, type Running } from '../server/helpers.js';

const MAIN = join(repoRoot(), 'dist', 'src', 'server', 'main.js');

/** Runs `node dist/src/server/main.js` until its first output line (or its exit), then stops it. */
function firstLine(env: Record<string, string>): Promise<{ stdout?: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const lines = createInterface({ input: child.stdout });
    let stdout: string | undefined;
    lines.once('line', (line) => {
      stdout = line;
      child.kill('SIGKILL');
    });
    child.once('exit', (code) => resolve({ stdout, stderr, code: stdout === undefined ? code : null }));
  });
}

describe('hardening: local mode (no app id)', function () {
  this.timeout(60_000);

  it('refuses a non-loopback HOST without ALLOW_ANONYMOUS_NETWORK=true, naming both; loopback names and an app id are fine', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      assert.throws(() => loadConfig({ HOST: host }), (err: Error) => err instanceof ConfigError && /HOST/.test(err.message) && /ALLOW_ANONYMOUS_NETWORK=true/.test(err.message));
      assert.equal(loadConfig({ HOST: host, ALLOW_ANONYMOUS_NETWORK: 'true' }).host, host);
    }
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) assert.equal(loadConfig({ HOST: host }).host, host);
    assert.equal(loadConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'id' }).host, '0.0.0.0');
  });

  it('the server object itself will not listen on all interfaces anonymously', async () => {
    const app = createBotServer({ config: testConfig(), logger: silentLogger(), services: {} });
    await assert.rejects(app.listen(0, '0.0.0.0'), /ALLOW_ANONYMOUS_NETWORK/);
    await app.close();
  });

  it('npm start: exits with one line naming HOST; with the opt-in, its first log line is a warning that anonymous requests are accepted from the network', async () => {
    const refused = await firstLine({ HOST: '0.0.0.0' });
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
    assert.match(refused.stderr, /^Configuration error: HOST=0\.0\.0\.0 .*ALLOW_ANONYMOUS_NETWORK=true/);

    const open = await firstLine({ HOST: '0.0.0.0', ALLOW_ANONYMOUS_NETWORK: 'true' });
    const line = JSON.parse(open.stdout ?? '{}');
    assert.equal(line.level, 40, 'warn');
    assert.match(line.msg, /anonymous requests are accepted from the network/);
  });

  it('replies go to loopback serviceUrls or ANONYMOUS_SERVICE_URLS only; with an app id the token vouches for the serviceUrl', () => {
    const local = loadConfig({ ANONYMOUS_SERVICE_URLS: 'https://smba.example.invalid/amer/' });
    const allowed = ['http://127.0.0.1:3979/', 'http://localhost:56000/', 'http://[::1]:8080/', 'https://smba.example.invalid/amer/conv'];
    const refused = ['https://smba.example.invalid/emea/', 'http://169.254.169.254/', 'https://attacker.example/', 'http://127.0.0.1.attacker.example/', 'not a url'];
    for (const u of allowed) assert.equal(serviceUrlAllowed(local, u), true, u);
    for (const u of refused) assert.equal(serviceUrlAllowed(local, u), false, u);
    assert.equal(serviceUrlAllowed(loadConfig({ MicrosoftAppId: 'id' }), 'https://attacker.example/'), true);
    assert.throws(() => loadConfig({ ANONYMOUS_SERVICE_URLS: 'ftp://x/' }), /ANONYMOUS_SERVICE_URLS/);
  });

  describe('over HTTP', function () {
    let bot: Running;
    let hanging: Server;
    let hangingUrl = '';
    const held: IncomingMessage[] = [];
    before(async () => {
      bot = await startBot({ env: { OUTBOUND_TIMEOUT_MS: '1000' } });
      // A connector that accepts the reply and never answers.
      hanging = createServer((req) => held.push(req));
      await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', () => resolve()));
      hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}/`;
    });
    after(async () => {
      await bot?.close();
      hanging.closeAllConnections();
      hanging.close();
    });

    it('a message whose replies would go to a non-loopback serviceUrl gets 403 and runs no turn', async () => {
      const c = new Conversation(bot.url, { serviceUrl: 'https://attacker.example/', deliveryMode: undefined });
      const r = await c.post({ type: 'message', text: 'help' });
      assert.equal(r.status, 403);
      assert.match(r.body.message, /loopback/);
    });

    it('a send to a connector that never answers is given up after OUTBOUND_TIMEOUT_MS: the request returns and the connection is dropped, on the next turn too', async function () {
      this.timeout(30_000);
      // The second conversation's turn goes through the connector client kept from the first.
      for (const c of [new Conversation(bot.url, { serviceUrl: hangingUrl, deliveryMode: undefined }), new Conversation(bot.url, { serviceUrl: hangingUrl, deliveryMode: undefined })]) {
        const reached = held.length;
        const r = await c.post({ type: 'message', text: 'help' });
        assert.ok(r.status < 500 || r.status === 503, `status ${r.status}`);
        assert.ok(held.length > reached, 'the connector was reached');
        // Each held send is abandoned by the bot: its connection closes (if never, the test times out).
        await Promise.all(held.map((req) => (req.socket.destroyed ? undefined : once(req.socket, 'close'))));
      }
    });
  });
});
