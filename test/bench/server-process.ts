/**
 * Starting a server entry point as its own process, the way `npm start` does,
 * and timing it from spawn to the first 200 from /readyz.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMB } from './table.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Spawn to first /readyz 200, in ms. */
  readyMs: number;
  /** VmRSS of the server process right when it became ready, in MB. */
  readyRssMB: number;
  stop(): Promise<void>;
}

/**
 * Spawns `node <script>` with PORT set to a free loopback port and polls /readyz
 * every 10 ms (fine enough for a >100 ms measurement, light enough not to slow the load).
 */
export async function startServerProcess(script: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-srv-'));
  const started = performance.now();
  // --no-deprecation: restify's http_parser warning would clutter the table (both servers alike).
  const child = spawn(process.execPath, ['--no-deprecation', script], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', EVENT_LOG_DIR: join(dataDir, 'events'), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode} before it was ready`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`${script} not ready after ${timeoutMs} ms`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      await res.arrayBuffer();
      if (res.status === 200) {
        const readyMs = performance.now() - started;
        return { child, url, readyMs, readyRssMB: rssMB(child.pid!), stop };
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface ColdStart {
  runs: number[];
  rss: number[];
}

/** Starts and stops the entry point `runs` times; ready time and RSS of each run. */
export async function coldStarts(script: string, runs: number): Promise<ColdStart> {
  const out: ColdStart = { runs: [], rss: [] };
  for (let i = 0; i < runs; i++) {
    const p = await startServerProcess(script);
    out.runs.push(p.readyMs);
    out.rss.push(p.readyRssMB);
    await p.stop();
  }
  return out;
}
