/** The logging the bot layer needs; pino's Logger satisfies it. */
export interface BotLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Drops everything (tests, CLI). */
export const nullLogger: BotLogger = { debug() {}, info() {}, warn() {}, error() {} };
