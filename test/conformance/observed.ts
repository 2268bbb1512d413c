import { readdirSync, readFileSync } from 'node:fs';

/** One crash point as the conformance recorder wrote it (`conformance/recorder/collect.py`). */
export interface ObservedPoint {
  /** `kK` or `kKsD`: crash right after program operation K, after D idle seconds if given. */
  readonly crash: string;
  readonly afterOp: number;
  readonly sleepSeconds: number;
  /** Complete crash-and-recovery cycles. */
  readonly runs: number;
  /** Cycles that did not finish and were left out. */
  readonly incomplete: number;
  /** The distinct outcomes recovery read, values as daxcheck's reports print them, with how many runs gave each. */
  readonly outcomes: readonly { readonly values: Readonly<Record<string, string>>; readonly runs: number }[];
  /** The errno of each operation (1-based index) that failed on the kernel. */
  readonly errnos: Readonly<Record<string, string>>;
  /** The exit code of `e2fsck -fn` or `xfs_repair -n` after each recovery. */
  readonly fsck: readonly number[];
}

/** What the real kernel did at every recorded crash point of one scenario. */
export interface ObservedScenario {
  readonly scenario: string;
  readonly fs: string;
  readonly kernel: { readonly package: string; readonly version: string; readonly release: string };
  readonly mkfs: string;
  readonly mount: string;
  readonly points: readonly ObservedPoint[];
}

/** Every `*.json` under `dir`, by file name. */
export function loadObserved(dir: string): ObservedScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as ObservedScenario);
}
