import type { Storage } from 'botbuilder';

/** A key no state is ever stored under: reading it costs one cheap lookup (an empty answer). */
const PROBE_KEY = 'readiness-probe';

/**
 * Whether the state storage answers, for /readyz: one read of an absent key,
 * at most one in flight, its result reused for a second so that frequent
 * probes do not load the storage. Resolves to the reason when unreachable.
 */
export class StorageProbe {
  private last?: { at: number; problem: string | undefined };
  private running?: Promise<string | undefined>;

  constructor(
    private readonly storage: Storage,
    private readonly timeoutMs = 3000,
    private readonly reuseMs = 1000,
  ) {}

  check(): Promise<string | undefined> {
    if (this.last && Date.now() - this.last.at < this.reuseMs) return Promise.resolve(this.last.problem);
    this.running ??= this.probe().then((problem) => {
      this.last = { at: Date.now(), problem };
      this.running = undefined;
      return problem;
    });
    return this.running;
  }

  private async probe(): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`storage did not answer within ${this.timeoutMs} ms`), this.timeoutMs);
    });
    try {
      return await Promise.race([this.storage.read([PROBE_KEY]).then(() => undefined, (err: Error) => `storage unreachable: ${err?.message ?? err}`), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
