/**
 * Writing a saved file (index, tables, dictionary cache, compiled check) so that no reader ever
 * sees half of it: another process may be starting from it. The data goes to a file of this
 * process beside it, which is then renamed over it; a rename within one folder replaces at once.
 */
import { renameSync, writeFileSync } from 'node:fs';

/** Writes `data` to `file` whole; its folder must exist. */
export function writeFileWhole(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
