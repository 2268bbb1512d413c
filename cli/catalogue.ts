import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CatalogueStatus, Reporter } from '../report/events.js';
import type { Format } from '../report/reporters.js';
import { userError } from '../lang/messages.js';
import type { Io } from './io.js';
import { RunLimits } from './limits.js';
import { inOrder } from './pool.js';
import { shardOf, type Shard } from './shard.js';

/**
 * Every `.litmus` file under `dir`, sorted so that runs are deterministic. Symbolic links are followed,
 * each folder once (`seen`: their real paths), so a link to a parent does not loop; a link that leads
 * nowhere, if named `.litmus`, is listed, for its run to report it.
 */
export function litmusFiles(dir: string, seen = new Set([realpathSync(dir)])): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (isFolder(path)) return unseen(path, seen) ? litmusFiles(path, seen) : [];
      return name.endsWith('.litmus') ? [path] : [];
    });
}

/** Whether `path` leads to a folder (a dangling or looping link does not). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether the folder at `path` is not yet in `seen`, adding it. */
function unseen(path: string, seen: Set<string>): boolean {
  const real = realpathSync(path);
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}

/** The tests of the catalogue folder `dir`; a missing folder, a file, or a folder without tests is a user error. */
function catalogueFiles(dir: string): string[] {
  if (!existsSync(dir)) throw userError('noSuchFolder', undefined, dir);
  if (!statSync(dir).isDirectory()) throw userError('notAFolder', undefined, dir);
  const files = litmusFiles(dir);
  if (files.length === 0) throw userError('noTests', undefined, dir);
  return files;
}

/** How the catalogue is run: which share of its tests, on how many worker threads, in which format. */
export interface CatalogueOptions {
  readonly shard?: Shard;
  readonly workers?: number;
  readonly format?: Format;
}

/** `daxcheck catalogue [DIR]`: a line per test and the totals; exit 0 only when every test is ok. */
export async function runCatalogue(dir: string, reporter: Reporter, io: Io, limits = new RunLimits(), { shard, workers = 1, format = 'text' }: CatalogueOptions = {}): Promise<number> {
  const files = shardOf(catalogueFiles(dir), shard);
  const counts = new Map<CatalogueStatus, number>();
  const units = files.map((file) => ({ kind: 'catalogue' as const, file, name: relative(dir, file) }));
  const before = (i: number) => io.progress(`[${i + 1}/${files.length}] ${units[i]!.name}`);
  const { done, stopped } = await inOrder(units, { reporter, io, limits }, { workers, format, before }, (status) => void counts.set(status, (counts.get(status) ?? 0) + 1));
  io.progress('');
  if (stopped) {
    reporter.write({ kind: 'stopped', by: stopped.by, done, total: files.length, unit: 'tests' }, io);
    return stopped.status;
  }
  reporter.write({ kind: 'catalogue-summary', total: files.length, counts }, io);
  return (counts.get('ok') ?? 0) === files.length ? 0 : 1;
}
