/**
 * Small helpers shared by the benchmark modules: percentiles, machine facts,
 * and a plain-text table that reads well in a terminal and pastes into Markdown.
 */
import { cpus, machine as hardwareName, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

/** Percentile by nearest rank over an unsorted sample (copied, not mutated). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Resident set size of a process in MB, from /proc (Linux); NaN elsewhere. */
export function rssMB(pid: number = process.pid): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); NaN elsewhere. */
export function cpuTimeMs(pid: number): number {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** The machine kind a figure belongs to: core count and architecture (docs/PERFORMANCE.md keeps one table per kind). */
export interface Machine {
  cores: number;
  /** Hardware architecture as uname reports it (x86_64, aarch64). */
  arch: string;
  node: string;
  memGB: number;
  load1: string;
}

export function machine(): Machine {
  let load1 = '?';
  try {
    load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    /* not Linux */
  }
  return { cores: cpus().length, arch: hardwareName(), node: process.version, memGB: Math.round(totalmem() / 2 ** 30), load1 };
}

/** Formats a number with a fixed number of decimals; NaN / undefined as "–". */
export function fmt(v: number | undefined, decimals = 1): string {
  return v === undefined || Number.isNaN(v) ? '–' : v.toFixed(decimals);
}

/** A Markdown-compatible table with columns padded to equal width. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`, ...rows.map(line)].join('\n');
}
