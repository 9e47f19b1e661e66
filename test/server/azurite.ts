import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ACCOUNT = 'devstoreaccount1';
// Azurite's published well-known development key (not a secret).
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = netServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Azurite's Blob service from node_modules, on a loopback port, in a temporary folder. */
export class Azurite {
  private child?: ChildProcess;
  readonly location = mkdtempSync(join(tmpdir(), 'azurite-'));
  port = 0;

  get connectionString(): string {
    return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${this.port}/${ACCOUNT};`;
  }

  /** Starts (or restarts, on the same port and data folder) and waits until it answers. */
  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const main = require.resolve('azurite/dist/src/blob/main.js');
    this.child = spawn(
      process.execPath,
      [main, '--blobHost', '127.0.0.1', '--blobPort', String(this.port), '--location', this.location, '--silent', '--skipApiVersionCheck', '--loose', '--disableTelemetry'],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${this.port}/`);
        return;
      } catch {
        if (Date.now() > deadline) throw new Error('Azurite did not start');
        if (this.child.exitCode !== null) throw new Error(`Azurite exited with ${this.child.exitCode}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Stops cleanly (SIGTERM lets it flush its metadata) and waits for the exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.location, { recursive: true, force: true });
  }
}
