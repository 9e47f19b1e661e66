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
  // machine may reach it. With an app id the SDK checks tokens and we listen on all interfaces.
  const host = s('HOST') || (authEnabled ? '0.0.0.0' : '127.0.0.1');
  return {
    appId,
    appPassword,
    appType,
    tenantId,
    port: int(env, 'PORT', 3978, 0, 65535),
    host,
    authEnabled,
    storageConnectionString: s('AZURE_STORAGE_CONNECTION_STRING') || undefined,
    storageContainer: s('AZURE_STORAGE_CONTAINER') || 'bot-state',
    memoryStateTtlMinutes: int(env, 'MEMORY_STATE_TTL_MINUTES', 1440, 1, 525_600),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    logLevel: s('LOG_LEVEL') || 'info',
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
    appId: c.appId || undefined,
    appType: c.appType,
    tenantId: c.tenantId || undefined,
    storage: c.storageConnectionString ? `azure-blobs (container ${c.storageContainer})` : `memory (idle state kept ${c.memoryStateTtlMinutes} min)`,
    maxBodyBytes: c.maxBodyBytes,
    logLevel: c.logLevel,
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
