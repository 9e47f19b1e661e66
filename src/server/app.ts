import type { AddressInfo } from 'node:net';
import type { Request, Response, Server } from 'restify';
import type { Activity, Storage } from 'botbuilder';
import { FeedbackLog } from '../bot/feedback.js';
import type { BotServices } from '../bot/services.js';
import { nullRecorder } from '../core/events/index.js';
import { TeamsBot } from '../bot/teams-bot.js';
import { createAdapter } from './adapter.js';
import { InboundAuth, isRefusal } from './bot-auth.js';
import { headerProblem, readJsonBody, type Refusal } from './body.js';
import { isLoopbackHost, type ServerConfig } from './config.js';
import { silentLogger, type Logger } from './logger.js';
import { createEventLog } from './events/create.js';
import type { EventLog } from './events/event-log.js';
import { serviceUrlAllowed } from './outbound.js';
import { StorageProbe } from './readiness.js';
import { restify } from './restify.js';
import { createStorage } from './storage.js';
import { activityProblem } from './validate.js';

export interface CreateServerOptions {
  config: ServerConfig;
  logger?: Logger;
  /** State storage; by default from the configuration (Blobs when a connection string is set, else memory). */
  storage?: Storage;
  /**
   * Services already loaded (tests share one knowledge base), or a loader run in the
   * background after the server starts listening. /readyz is 503 until they are there.
   */
  services?: BotServices;
  loadServices?: () => Promise<BotServices>;
}

export interface BotServer {
  server: Server;
  services: BotServices;
  /** Resolves once the knowledge base and trees are loaded; rejects if loading failed. */
  ready: Promise<void>;
  isReady(): boolean;
  /** Starts listening (config.port/host unless given); resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  feedback: FeedbackLog;
  /** The event log (undefined when EVENT_LOG=off). */
  events?: EventLog;
}

/**
 * The HTTP server: POST /api/messages into the adapter, GET /healthz (always
 * 200) and GET /readyz (503 until loaded, and while the state storage cannot be
 * reached). A message request is refused as early as possible, each refusal one
 * warn line: compressed or non-JSON bodies 415 and declared oversize 413 from
 * the headers; with an app id, a missing or unverifiable token 401 (503 while
 * the signing keys cannot be fetched) before any of the body is read; then
 * bodies over the limit 413, malformed JSON and activities without what the bot
 * needs 400, and in local mode replies to a serviceUrl that is not allowed 403.
 */
export function createServer(options: CreateServerOptions): BotServer {
  const { config } = options;
  const logger = options.logger ?? silentLogger();
  const { storage, timeoutMs: storageTimeoutMs } = options.storage
    ? { storage: options.storage, timeoutMs: 0 }
    : createStorage({ connectionString: config.storageConnectionString, container: config.storageContainer, memoryTtlMinutes: config.memoryStateTtlMinutes });
  const services: BotServices = options.services ?? {};
  const events = createEventLog(config.events, logger);
  const feedback = new FeedbackLog(events ?? nullRecorder, logger);
  const bot = new TeamsBot({ storage, storageTimeoutMs, services, feedback, events, logger });
  const inbound = new InboundAuth(config);
  const adapter = createAdapter(config, bot.replyToError, inbound.botAuth);
  const probe = new StorageProbe(storage);

  let ready = false;
  const readyPromise: Promise<void> = (async () => {
    if (options.loadServices) Object.assign(services, await options.loadServices());
    ready = true;
  })();
  readyPromise.catch((err: Error) => logger.error({ err: err.message }, 'loading the knowledge base or trees failed'));

  let storageDown = false;
  const storageProblem = async (): Promise<string | undefined> => {
    const problem = await probe.check();
    if (Boolean(problem) !== storageDown) {
      storageDown = Boolean(problem);
      if (problem) logger.warn({ problem }, 'not ready: the state storage cannot be reached');
      else logger.info('ready again: the state storage answers');
    }
    return problem;
  };

  const refuse = (req: Request, res: Response, r: Refusal & { retryAfterS?: number }): void => {
    logger.warn({ status: r.status, reason: r.reason, ...(r.detail ? { detail: r.detail } : {}), remote: req.socket.remoteAddress }, 'request refused');
    if (r.retryAfterS) res.header('Retry-After', String(r.retryAfterS));
    res.send(r.status, { error: r.status === 401 ? 'Unauthorized' : r.status >= 500 ? 'ServiceUnavailable' : 'BadRequest', message: r.message });
    if (!req.complete) discardRest(req);
  };

  const server = restify.createServer({ name: 'pa-connection-bot', handleUncaughtExceptions: false });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    // restify warns about any value an async handler returns: none is returned here.
    if (!ready) res.send(503, { status: 'loading' });
    else if (await storageProblem()) res.send(503, { status: 'unavailable', reason: 'state storage unreachable' });
    else res.send(200, { status: 'ready' });
  });
  const handleMessage = async (req: Request, res: Response): Promise<void> => {
    const early = headerProblem(req.headers, config.maxBodyBytes);
    if (early) return refuse(req, res, early);
    const token = await inbound.checkToken(req.headers.authorization);
    if (isRefusal(token)) return refuse(req, res, token);
    const read = await readJsonBody(req, config.maxBodyBytes);
    if (!('body' in read)) return refuse(req, res, read);
    const problem = activityProblem(read.body);
    if (problem) return refuse(req, res, { status: 400, reason: 'malformed-activity', message: problem });
    const activity = fixActivity(read.body as Partial<Activity>);
    if (activity.deliveryMode !== 'expectReplies' && !serviceUrlAllowed(config, String(activity.serviceUrl))) {
      const message = 'local mode replies only to loopback serviceUrls or those in ANONYMOUS_SERVICE_URLS';
      return refuse(req, res, { status: 403, reason: 'service-url-not-allowed', message, detail: new URL(String(activity.serviceUrl)).origin });
    }
    const auth = await inbound.authenticate(activity, token);
    if (isRefusal(auth)) return refuse(req, res, auth);
    const response = await adapter.runTurn(auth, activity as Activity, (context) => bot.run(context));
    res.send(response?.status ?? 200, response?.body);
  };
  server.post('/api/messages', async (req: Request, res: Response) => {
    try {
      await handleMessage(req, res);
    } catch (err) {
      // The turn's own errors go to onTurnError; this is the last line of defence.
      logger.error({ err: (err as Error)?.message ?? String(err) }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'InternalServerError' });
    }
  });

  return {
    server,
    services,
    ready: readyPromise,
    isReady: () => ready,
    feedback,
    events,
    listen(port = config.port, host = config.host) {
      if (!config.authEnabled && !isLoopbackHost(host) && !config.allowAnonymousNetwork) {
        return Promise.reject(new Error(`refusing to listen on ${host} without an app id: set ALLOW_ANONYMOUS_NETWORK=true to accept anonymous requests from the network`));
      }
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          const addr = server.address() as AddressInfo;
          const h = addr.family === 'IPv6' || addr.address.includes(':') ? `[${addr.address}]` : addr.address;
          resolve(`http://${h}:${addr.port}`);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (!server.server.listening) return resolve();
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open; the tests and bench reuse ports quickly.
        (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await events?.close();
    },
  };
}

/** How long, and how much more of a refused body is let in (and dropped) before the connection is cut. */
const LINGER_MS = 2000;
const LINGER_BYTES = 1024 * 1024;

/**
 * Lets the client finish sending a refused body, dropping it unread, so that it
 * reads the answer (cutting the connection mid-upload would reset it); a client
 * still sending after LINGER_MS or LINGER_BYTES is disconnected.
 */
function discardRest(req: Request): void {
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, LINGER_MS).unref();
  let bytes = 0;
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > LINGER_BYTES) cut();
  });
  const done = () => clearTimeout(timer);
  req.once('end', done);
  req.once('close', done);
  req.resume();
}

/** Timestamps as Date objects (the raw strings kept), as botbuilder's own request handling does. */
function fixActivity(activity: Partial<Activity>): Partial<Activity> {
  const a = activity as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field] as string);
    }
  }
  return activity;
}
