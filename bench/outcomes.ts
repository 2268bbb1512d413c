import { checkLitmus } from '../model/check/check.js';
import { parseLitmus } from '../lang/parse.js';
import { enumerateEagerly, type Enumerated } from './eager.js';

/** The tests compared: a CPU-only one, and filesystem ones that write without fsync (issue 12). */
function cases(quick: boolean): [string, string][] {
  const appends = quick ? 20 : 100;
  const cpuStores = Array.from({ length: 12 }, (_, i) => `  store m[${(i % 6) * 64 + Math.floor(i / 6) * 8}] ${i + 1}`);
  const write = (i: number) => `  write f ${i * 8} ${(i % 250) + 1}`;
  return [
    ['cpu: device-dax, 6 lines x 2 stores, 1 line observed', ['daxcheck o-cpu', 'config platform=adr', 'device d size=4096 align=4096', 'program', '  m = mmap d 0 4096 MAP_SHARED', ...cpuStores, 'observe x = d[0:16]', ''].join('\n')],
    [`fs: ext4-dax, ${appends} appends, no fsync`, ['daxcheck o-dax', 'config platform=adr fs=ext4-dax', 'file f size=0', 'program', ...Array.from({ length: appends }, (_, i) => write(i)), 'observe y = f[0:8]', ''].join('\n')],
    ['fs: ext4 page cache, 6 appends, no fsync', ['daxcheck o-pc', 'config platform=adr fs=ext4', 'file f size=0', 'program', ...Array.from({ length: 6 }, (_, i) => write(i * 300)), 'observe y = f[0:8]', 'observe s = size(f)', ''].join('\n')],
  ];
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
 * lazy explorer's evaluations and CPU time, and the eager enumerator's.
 */
export function outcomesBench(quick: boolean): void {
  console.log('evaluations against distinct observations; lazy against eager (every crash state) on the same test; CPU time');
  for (const [name, text] of cases(quick)) {
    const test = parseLitmus(text);
    const [lazy, lazyMs] = cpuMs(() => checkLitmus(test));
    const [eager, eagerMs] = cpuMs((): Enumerated => enumerateEagerly(test));
    const { evaluations } = lazy.stats;
    console.log(`  ${name}: crash states ${lazy.stats.crashStates}; distinct (observation, journal prefix) outcomes ${eager.outcomes}; ` +
      `lazy ${evaluations} evaluations (${(evaluations / eager.outcomes).toFixed(2)}x outcomes) ${lazyMs.toFixed(0)} ms; ` +
      `eager ${eager.evaluations} evaluations ${eagerMs.toFixed(0)} ms; ratio ${(eager.evaluations / evaluations).toFixed(1)}x evaluations, ${(eagerMs / lazyMs).toFixed(1)}x time`);
  }
}
