import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Why a request is refused, as its HTTP status and a short fixed message (never internal text). */
export interface Refusal {
  status: number;
  /** A short code for the log line. */
  reason: string;
  /** What the client is told. */
  message: string;
  /** More for the log only (never a token or a secret). */
  detail?: string;
}

/**
 * What the headers alone say against a request body: the Bot Framework sends
 * uncompressed JSON, so any Content-Encoding is refused (nothing is ever
 * decompressed) and a declared length over the limit is refused unread.
 */
export function headerProblem(headers: IncomingHttpHeaders, maxBytes: number): Refusal | undefined {
  const encoding = String(headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    return { status: 415, reason: 'content-encoding', message: 'Content-Encoding is not supported; send uncompressed JSON' };
  }
  const type = String(headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, reason: 'content-type', message: 'Content-Type must be application/json' };
  const length = Number(headers['content-length']);
  if (headers['content-length'] !== undefined && Number.isFinite(length) && length > maxBytes) return tooLarge(maxBytes);
  return undefined;
}

function tooLarge(maxBytes: number): Refusal {
  return { status: 413, reason: 'body-too-large', message: `body is larger than ${maxBytes} bytes` };
}

/**
 * Reads the body as JSON, holding at most maxBytes of it: past the limit the
 * rest is discarded unbuffered and the request refused with 413.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<{ body: unknown } | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        resolve(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) return;
      const text = Buffer.concat(chunks, size).toString('utf8');
      if (!text.trim()) return resolve({ status: 400, reason: 'empty-body', message: 'body is empty' });
      try {
        resolve({ body: JSON.parse(text) });
      } catch {
        resolve({ status: 400, reason: 'malformed-json', message: 'body is not valid JSON' });
      }
    });
    req.on('error', () => resolve({ status: 400, reason: 'aborted', message: 'request was aborted' }));
  });
}
