/**
 * Event log settings from the environment. Pure: takes an env object so tests can pass
 * their own; throws EventLogConfigError naming the bad variable.
 */
import { hostname } from 'node:os';

export interface EventLogConfig {
  /** Local folder of day files (default ./data/events); unused when Blob storage is configured. */
  dir: string;
  /** Blob Storage connection (the state storage's, unless EVENT_LOG_CONNECTION_STRING is set). */
  connectionString?: string;
  container: string;
  /** Names this replica's files: several instances write to one container without clashing. */
  instance: string;
  /** Bytes one instance writes per day at most; later events of that day are dropped (and said so once). */
  maxBytesPerDay: number;
  /** Day files older than this are deleted. */
  retentionDays: number;
  /** False: question and comment text are never written, only hashes and counts. */
  keepText: boolean;
  /** False when EVENT_LOG=off: nothing is recorded. */
  enabled: boolean;
}

export class EventLogConfigError extends Error {}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new EventLogConfigError(`${name} must be a number between ${min} and ${max} (got "${raw}")`);
  return n;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new EventLogConfigError(`${name} must be on or off (got "${env[name]}")`);
}

export function loadEventLogConfig(env: NodeJS.ProcessEnv = process.env): EventLogConfig {
  const s = (name: string) => env[name]?.trim() ?? '';
  const instance = (s('EVENT_LOG_INSTANCE') || s('WEBSITE_INSTANCE_ID') || hostname()).replace(/[^\w.-]/g, '_').slice(0, 64) || 'instance';
  return {
    enabled: onOff(env, 'EVENT_LOG', true),
    dir: s('EVENT_LOG_DIR') || './data/events',
    connectionString: s('EVENT_LOG_CONNECTION_STRING') || s('AZURE_STORAGE_CONNECTION_STRING') || undefined,
    container: s('EVENT_LOG_CONTAINER') || 'bot-events',
    instance,
    maxBytesPerDay: Math.round(num(env, 'EVENT_LOG_MAX_MB_PER_DAY', 20, 0.001, 10_000) * 1024 * 1024),
    retentionDays: num(env, 'EVENT_LOG_RETENTION_DAYS', 30, 1, 3650),
    keepText: onOff(env, 'EVENT_LOG_QUESTION_TEXT', true),
  };
}
