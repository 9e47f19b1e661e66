/**
 * A bounded burst of hostile requests against `node dist/src/server/main.js`
 * (what `npm start` runs) on loopback, with an app id and signing keys from a
 * loopback stand-in: gzip bombs, unauthenticated and forged-token bodies,
 * oversized chunked bodies, and real turns in between. Reports the server's
 * RSS (from /proc) before and during the burst and every status it answered.
 *
 * `node dist/test/hardening/burst.js [concurrency] [rounds] [kind]` prints the
 * figures for docs/PERFORMANCE.md (kind: only the kinds whose name contains it);
 * the hardening suite runs a small one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../../src/core/repo-root.js';
import { freePort } from '../server/azurite.js';
import { Conversation } from '../server/helpers.js';
import { TokenIssuer } from './token-issuer.js';

const APP_ID = '00000000-0000-0000-0000-0000000000cc';
const SERVICE_URL = 'https://smba.example.invalid/';

export interface BurstResult {
  concurrency: number;
  rounds: number;
  sent: number;
  /** Status code → count; "error" for a request that got no response at all. */
  statuses: Record<string, number>;
  byKind: Record<string, Record<string, number>>;
  idleRssMB: number;
  peakRssMB: number;
  /** Warn lines "request refused" the server logged. */
  refusedLogLines: number;
  /** Lines on the server's stderr. */
  stderrLines: number;
  healthzDuringBurst: number[];
}

/** 100 MB of zeros as ~100 kB of gzip: a hundred 1 MB members, which gunzip inflates one after another. */
export function gzipBomb(megabytes = 100): Buffer {
  const member = gzipSync(Buffer.alloc(1024 * 1024));
  return Buffer.concat(Array.from({ length: megabytes }, () => member));
}

function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** POSTs a body to /api/messages (JSON content type unless headers say otherwise) and reads the whole answer; its status. */
export async function postStatus(url: string, body: Uint8Array | string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  await res.arrayBuffer();
  return res.status;
}

async function send(url: string, body: Uint8Array | string | ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<string> {
  try {
    return String(await postStatus(url, body, headers));
  } catch {
    return 'error';
  }
}

/** 1 MB (four times the limit) in 64 kB chunks with no declared length. */
function chunkedBody(): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent++ >= 16) c.close();
      else c.enqueue(chunk);
    },
  });
}

export async function runBurst(concurrency: number, rounds: number, only?: string): Promise<BurstResult> {
  const issuer = new TokenIssuer(['msteams']);
  await issuer.start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot(), 'dist', 'src', 'server', 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      EVENT_LOG: 'off',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'burst-test-secret',
      ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let refusedLogLines = 0;
  let stderrLines = 0;
  createInterface({ input: child.stdout! }).on('line', (l) => (refusedLogLines += l.includes('"request refused"') ? 1 : 0));
  createInterface({ input: child.stderr! }).on('line', () => stderrLines++);
  try {
    for (let i = 0; ; i++) {
      const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
      if (status === 200) break;
      if (i > 300 || child.exitCode !== null) throw new Error('the server did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
    const token = () => `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL })}`;
    const forged = `Bearer ${issuer.token({ aud: APP_ID, serviceurl: SERVICE_URL }, { wrongKey: true })}`;
    const activity = () => JSON.stringify(new Conversation('').envelope({ type: 'message', text: 'help', serviceUrl: SERVICE_URL }));
    const bigBody = JSON.stringify({ ...JSON.parse(activity()), text: 'x'.repeat(250_000) });
    const bomb = gzipBomb(100);
    let idle = 0;
    const kinds: Record<string, () => Promise<string>> = {
      'gzip bomb, no token': () => send(url, bomb, { 'content-encoding': 'gzip' }),
      'gzip bomb, valid token': () => send(url, bomb, { 'content-encoding': 'gzip', authorization: token() }),
      '250 kB body, no token': () => send(url, bigBody, {}),
      '250 kB body, forged token': () => send(url, bigBody, { authorization: forged }),
      '1 MB chunked, valid token': () => send(url, chunkedBody(), { authorization: token() }),
      'real turn, valid token': () => send(url, activity(), { authorization: token() }),
    };
    // One request of each kind first: idle is measured with every code path loaded.
    for (const fn of Object.values(kinds)) await fn();
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 0; i < 5; i++, await new Promise((r) => setTimeout(r, 100))) idle = Math.max(idle, rssMB(child.pid!));
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMB(child.pid!))), 20);
    const byKind: Record<string, Record<string, number>> = {};
    const statuses: Record<string, number> = {};
    const healthz: number[] = [];
    let sent = 0;
    for (let round = 0; round < rounds; round++) {
      const all = Object.entries(kinds).filter(([kind]) => !only || kind.includes(only)).flatMap(([kind, fn]) => Array.from({ length: concurrency }, () => fn().then((s) => [kind, s] as const)));
      healthz.push(await fetch(`${url}/healthz`).then((r) => r.status, () => 0));
      for (const [kind, status] of await Promise.all(all)) {
        sent++;
        (byKind[kind] ??= {})[status] = (byKind[kind][status] ?? 0) + 1;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
    clearInterval(sampler);
    peak = Math.max(peak, rssMB(child.pid!));
    // Let the last log lines arrive.
    await new Promise((r) => setTimeout(r, 300));
    return {
      concurrency,
      rounds,
      sent,
      statuses,
      byKind,
      idleRssMB: Math.round(idle),
      peakRssMB: Math.round(peak),
      refusedLogLines,
      stderrLines,
      healthzDuringBurst: healthz,
    };
  } finally {
    child.kill('SIGTERM');
    await issuer.close();
  }
}

if (require.main === module) {
  const [concurrency = '32', rounds = '3', only] = process.argv.slice(2);
  runBurst(Number(concurrency), Number(rounds), only).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
