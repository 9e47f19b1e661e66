import { EventLogConfigError, loadEventLogConfig, type EventLogConfig } from './events/config.js';

/**
 * Server configuration from the environment, using the Bot Framework's usual
 * variable names. Pure: takes an env object so tests can pass their own.
 */
export interface ServerConfig {
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string;
  port: number;
  host: string;
  /** True when an app id is set: requests must carry a valid Bot Framework token. */
  authEnabled: boolean;
  /** Without an app id: listening on a non-loopback HOST was asked for explicitly. */
  allowAnonymousNetwork: boolean;
  /** Without an app id: serviceUrls (besides loopback ones) replies may be sent to. */
  anonymousServiceUrls: string[];
  /** Upper bound for one outbound send to a channel (reply, update), retries included. */
  outboundTimeoutMs: number;
  /** Where the Bot Framework's signing keys are published (sovereign clouds and tests override them). */
  openIdMetadataUrl?: string;
  emulatorOpenIdMetadataUrl?: string;
  storageConnectionString?: string;
  storageContainer: string;
  /** Memory storage only: minutes an idle conversation's state is kept. */
  memoryStateTtlMinutes: number;
  maxBodyBytes: number;
  logLevel: string;
  /** The event log of declined questions, feedback and walk outcomes (see events/config.ts). */
  events: EventLogConfig;
  knowledgeDir?: string;
  dialogsDir?: string;
  /** Whole answers kept for repeated questions (0: every question is searched). */
  answerCacheSize: number;
}

export class ConfigError extends Error {}

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** True for an address or name that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

function bool(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase() ?? '';
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new ConfigError(`${name} must be an http(s) URL (got "${raw}")`);
  return raw;
}

function urlList(env: NodeJS.ProcessEnv, name: string): string[] {
  const items = (env[name] ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  for (const item of items) {
    if (!URL.canParse(item) || !/^https?:$/.test(new URL(item).protocol)) {
      throw new ConfigError(`${name} must be a comma-separated list of http(s) URLs (got "${item}")`);
    }
  }
  return items;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return n;
}

function eventLogConfig(env: NodeJS.ProcessEnv): EventLogConfig {
  try {
    return loadEventLogConfig(env);
  } catch (e) {
    throw e instanceof EventLogConfigError ? new ConfigError(e.message) : e;
  }
}

/** Reads and validates the configuration; throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const s = (name: string) => env[name]?.trim() ?? '';
  const appId = s('MicrosoftAppId');
  const appPassword = s('MicrosoftAppPassword');
  const appTypeRaw = s('MicrosoftAppType') || 'MultiTenant';
  const appType = APP_TYPES.find((a) => a.toLowerCase() === appTypeRaw.toLowerCase());
  if (!appType) throw new ConfigError(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')} (got "${appTypeRaw}")`);
  const tenantId = s('MicrosoftAppTenantId');
  if (appId && appType === 'SingleTenant' && !tenantId) {
    throw new ConfigError('MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId');
  }
  const authEnabled = appId !== '';
  // Local mode (no app id) accepts anonymous requests, so by default only this
  // machine may reach it. With an app id tokens are checked and we listen on all interfaces.
  const host = s('HOST') || (authEnabled ? '0.0.0.0' : '127.0.0.1');
  const allowAnonymousNetwork = bool(env, 'ALLOW_ANONYMOUS_NETWORK');
  if (!authEnabled && !isLoopbackHost(host) && !allowAnonymousNetwork) {
    throw new ConfigError(
      `HOST=${host} without MicrosoftAppId would accept anonymous requests from the network; set MicrosoftAppId, a loopback HOST, or ALLOW_ANONYMOUS_NETWORK=true`,
    );
  }
  const logLevel = (s('LOG_LEVEL') || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${s('LOG_LEVEL')}")`);
  }
  return {
    appId,
    appPassword,
    appType,
    tenantId,
    port: int(env, 'PORT', 3978, 0, 65535),
    host,
    authEnabled,
    allowAnonymousNetwork,
    anonymousServiceUrls: urlList(env, 'ANONYMOUS_SERVICE_URLS'),
    outboundTimeoutMs: int(env, 'OUTBOUND_TIMEOUT_MS', 10_000, 500, 120_000),
    openIdMetadataUrl: httpUrl(env, 'ToBotFromChannelOpenIdMetadataUrl'),
    emulatorOpenIdMetadataUrl: httpUrl(env, 'ToBotFromEmulatorOpenIdMetadataUrl'),
    storageConnectionString: s('AZURE_STORAGE_CONNECTION_STRING') || undefined,
    storageContainer: s('AZURE_STORAGE_CONTAINER') || 'bot-state',
    memoryStateTtlMinutes: int(env, 'MEMORY_STATE_TTL_MINUTES', 1440, 1, 525_600),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    logLevel,
    events: eventLogConfig(env),
    knowledgeDir: s('KNOWLEDGE_DIR') || undefined,
    dialogsDir: s('DIALOGS_DIR') || undefined,
    answerCacheSize: int(env, 'ANSWER_CACHE_SIZE', 2000, 0, 1_000_000),
  };
}

/** The configuration safe to log: secrets and connection strings are never included. */
export function describeConfig(c: ServerConfig): Record<string, unknown> {
  return {
    port: c.port,
    host: c.host,
    auth: c.authEnabled ? 'on' : 'off (local mode)',
    ...(c.authEnabled ? {} : { anonymousServiceUrls: ['loopback', ...c.anonymousServiceUrls] }),
    appId: c.appId || undefined,
    appType: c.appType,
    tenantId: c.tenantId || undefined,
    storage: c.storageConnectionString ? `azure-blobs (container ${c.storageContainer})` : `memory (idle state kept ${c.memoryStateTtlMinutes} min)`,
    maxBodyBytes: c.maxBodyBytes,
    logLevel: c.logLevel,
    events: !c.events.enabled ? 'off' : `${c.events.connectionString ? `blob container ${c.events.container}` : c.events.dir}${c.events.keepText ? '' : ' (no question text)'}`,
  };
}

/** The values botbuilder's ConfigurationBotFrameworkAuthentication expects. */
export function botAuthConfig(c: ServerConfig): Record<string, string> {
  return {
    MicrosoftAppId: c.appId,
    MicrosoftAppPassword: c.appPassword,
    MicrosoftAppType: c.appType,
    MicrosoftAppTenantId: c.tenantId,
  };
}
