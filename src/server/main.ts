import { createServer } from './app.js';
import { ConfigError, describeConfig, isLoopbackHost, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { loadServices } from './load-services.js';

/**
 * `npm start`: listen at once (so /healthz answers while the dictionary loads),
 * load the knowledge base and trees in the background, then flip /readyz.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  const app = createServer({ config, logger, loadServices: () => loadServices(config, logger) });
  const url = await app.listen();
  const open = !config.authEnabled && !isLoopbackHost(config.host);
  logger[open ? 'warn' : 'info'](
    { url: `${url}/api/messages`, ...describeConfig(config) },
    config.authEnabled
      ? `bot listening on ${url}/api/messages (Bot Framework authentication on)`
      : open
        ? `bot listening on ${url}/api/messages: local mode, anonymous requests are accepted from the network (ALLOW_ANONYMOUS_NETWORK=true)`
        : `bot listening on ${url}/api/messages (local mode: authentication off, reachable from this machine only)`,
  );
  app.ready.then(
    () => logger.info({ ms: Date.now() - started, rssMB: Math.round(process.memoryUsage().rss / 1048576) }, 'ready'),
    () => logger.error('not ready: the knowledge base or trees failed to load; /readyz stays 503'),
  );

  // A stray rejection (e.g. a late storage reply after a timeout) must not take the bot down.
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection');
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: Error) => {
  process.stderr.write(`Fatal: ${err.message}\n`);
  process.exit(1);
});
