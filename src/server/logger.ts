import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The process logger (JSON lines on stdout). Redaction is a safety net only:
 * callers never pass secrets or message text at info level in the first place.
 */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'pa-connection-bot' },
      redact: {
        paths: ['*.MicrosoftAppPassword', '*.appPassword', '*.authorization', '*.storageConnectionString', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A logger that drops everything: the default for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
