/** What the server writes where an operator reads it: the structured log and stderr. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/server/logger.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real process logger (same options as `npm start`) writing into an array. */
export function capturingLogger(level = 'info'): { logger: Logger; lines: LogLine[]; raw: string[] } {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      }
      done();
    },
  });
  // pino writes to a plain stream synchronously enough for tests: flush with `await flushed()`.
  return { logger: createLogger(level, sink), lines, raw };
}

/**
 * Runs fn with everything written to stderr captured (console.error included),
 * and checks the capture itself works by writing a marker first.
 */
export async function captureStderr<T>(fn: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  const original = process.stderr.write;
  let out = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  const marker = 'stderr-capture-marker';
  try {
    console.error(marker);
    const result = await fn();
    if (!out.includes(marker)) throw new Error('stderr capture did not see console.error');
    return { result, stderr: out.replace(`${marker}\n`, '') };
  } finally {
    process.stderr.write = original;
  }
}
