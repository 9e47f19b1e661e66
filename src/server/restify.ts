/**
 * restify, loaded without the one deprecation warning it brings. restify
 * requires spdy (HTTP/2 push, never used here) when it loads; spdy's
 * http-deceiver reads process.binding('http_parser'), and Node prints DEP0111
 * for that twice on every start. Only that warning, and only while restify
 * loads, is dropped: every other warning is emitted as usual.
 */
type Restify = typeof import('restify');

function isHttpParserBinding(warning: unknown, rest: unknown[]): boolean {
  const code = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: unknown }).code : rest[1];
  return code === 'DEP0111' && String(warning).includes("process.binding('http_parser')");
}

function loadRestify(): Restify {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]): void {
    if (isHttpParserBinding(warning, rest)) return;
    (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return require('restify') as Restify;
  } finally {
    process.emitWarning = emitWarning;
  }
}

export const restify: Restify = loadRestify();
