import { checkLitmus } from '../model/check/check.js';
import { parseLitmus } from '../lang/parse.js';
import { enumerateEagerly, type Enumerated } from './eager.js';

/** The tests compared besides the page-cache ones: a CPU-only one, and a DAX filesystem one that writes without fsync (issue 12). */
function cases(quick: boolean): [string, string][] {
  const appends = quick ? 20 : 100;
  const cpuStores = Array.from({ length: 12 }, (_, i) => `  store m[${(i % 6) * 64 + Math.floor(i / 6) * 8}] ${i + 1}`);
  return [
    ['cpu: device-dax, 6 lines x 2 stores, 1 line observed', ['daxcheck o-cpu', 'config platform=adr', 'device d size=4096 align=4096', 'program', '  m = mmap d 0 4096 MAP_SHARED', ...cpuStores, 'observe x = d[0:16]', ''].join('\n')],
    [`fs: ext4-dax, ${appends} appends, no fsync`, ['daxcheck o-dax', 'config platform=adr fs=ext4-dax', 'file f size=0', 'program', ...Array.from({ length: appends }, (_, i) => write(i * 8, (i % 250) + 1)), 'observe y = f[0:8]', ''].join('\n')],
  ];
}

/**
 * Page-cache tests whose pages are written more than once, where each page's version on media is a
 * choice: appends, writes spanning pages, overwrites, mapped stores with msync, and fsync between writes.
 */
export function pageCacheCases(): [string, string][] {
  const test = (name: string, config: string, size: number, program: string[], observations: string[]) => [`daxcheck ${name}`, `config platform=adr ${config}`, `file f size=${size}`, 'program', ...program, ...observations, ''].join('\n');
  const appends = Array.from({ length: 6 }, (_, i) => write(i * 2400, (i % 250) + 1));
  return [
    ['fs: ext4 page cache, 6 appends over 3 pages, no fsync', test('o-pc-append', 'fs=ext4', 0, appends, ['observe y = f[0:8]', 'observe s = size(f)'])],
    ['fs: xfs page cache, 6 appends over 3 pages, no fsync', test('o-pc-xfs', 'fs=xfs', 0, appends, ['observe s = size(f)'])],
    ['fs: ext4 page cache, writes spanning 4 pages, no fsync', test('o-pc-span', 'fs=ext4', 0, [write(0, '0x11*6000'), write(6000, '0x22*6000'), write(100, '0x33*8'), write(12000, '0x44*4000')], ['observe x = f[0:8]', 'observe y = f[4096:8]', 'observe s = size(f)'])],
    ['fs: ext4 page cache, 4 pages overwritten twice, no sync', test('o-pc-overwrite', 'fs=ext4', 16384, [0, 4096, 8192, 12288, 8, 4104, 8200, 12296].map((off, i) => write(off, i + 1)), ['observe x = f[0:16]', 'observe y = f[8192:16]'])],
    ['fs: ext4 page cache, stores to 4 mapped pages, msync twice', test('o-pc-msync', 'fs=ext4 msync=range', 16384, ['  m = mmap f 0 16384 MAP_SHARED', ...[0, 4096, 8192].map((off, i) => `  store m[${off}] ${i + 1}`), '  msync m 0 8192', ...[8, 4104, 12288].map((off, i) => `  store m[${off}] ${i + 4}`), '  msync m 0 16384'], ['observe x = f[0:16]', 'observe y = f[4096:16]', 'observe z = f[12288:8]'])],
    ['fs: ext4 page cache, appends over 4 pages, fsync twice', test('o-pc-fsync', 'fs=ext4', 0, [write(0, 1), write(4096, 2), '  fsync f', write(8, 3), write(8192, 4), write(4104, 5), '  fsync f', write(12288, 6)], ['observe x = f[0:16]', 'observe y = f[4096:16]', 'observe s = size(f)'])],
  ];
}

function write(off: number, value: number | string): string {
  return `  write f ${off} ${value}`;
}

function cpuMs<T>(run: () => T): [T, number] {
  const t0 = process.cpuUsage();
  const result = run();
  const { user, system } = process.cpuUsage(t0);
  return [result, (user + system) / 1000];
}

/**
 * Evaluations against distinct outcomes, and the lazy explorer against an eager enumerator on the
 * same tests: crash states, the distinct (observed values, committed journal prefix) pairs, the
 * lazy explorer's evaluations and CPU time, and the eager enumerator's; then the page-cache tests'
 * largest ratio of evaluations to distinct outcomes.
 */
export function outcomesBench(quick: boolean): void {
  console.log('evaluations against distinct observations; lazy against eager (every crash state) on the same test; CPU time');
  for (const [name, text] of cases(quick)) compare(name, text);
  const worst = Math.max(...pageCacheCases().map(([name, text]) => compare(name, text)));
  console.log(`  page cache: evaluations at most ${worst.toFixed(2)}x distinct outcomes`);
}

/** Prints one test's comparison; returns its evaluations per distinct outcome. */
function compare(name: string, text: string): number {
  const test = parseLitmus(text);
  const [lazy, lazyMs] = cpuMs(() => checkLitmus(test));
  const [eager, eagerMs] = cpuMs((): Enumerated => enumerateEagerly(test));
  const { evaluations } = lazy.stats;
  console.log(`  ${name}: crash states ${lazy.stats.crashStates}; distinct (observation, journal prefix) outcomes ${eager.outcomes}; ` +
    `lazy ${evaluations} evaluations (${(evaluations / eager.outcomes).toFixed(2)}x outcomes) ${lazyMs.toFixed(0)} ms; ` +
    `eager ${eager.evaluations} evaluations ${eagerMs.toFixed(0)} ms; ratio ${(eager.evaluations / evaluations).toFixed(1)}x evaluations, ${(eagerMs / lazyMs).toFixed(1)}x time`);
  return evaluations / eager.outcomes;
}
