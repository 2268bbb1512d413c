import { closeSync, openSync, writeSync } from 'node:fs';

/** The synthetic pool: 1 MiB, as mapped at BASE. */
export const POOL_SIZE = 1 << 20;
const BASE = 0x5200000;
/** Data lines the stores cycle through (all the pool's lines but the first, the flag's). */
const DATA_LINES = POOL_SIZE / 64 - 1;

/**
 * Writes a pmemcheck store log of `stores` stores (rounded up to whole iterations) to `path`, in
 * the real format (lang/trace/records.ts), streamed in constant memory. The program it stands for
 * copies 7 words into a line, persists it (FLUSH, FENCE), then sets a flag word to the iteration's
 * number and persists that, in a `copy` marker, as PMDK's libpmem programs do; its data lines
 * cycle through a 1 MiB pool.
 */
export function writeSyntheticLog(path: string, stores: number): void {
  const fd = openSync(path, 'w');
  let text = `==1== START|REGISTER_FILE;/pmem/synthetic.pool;0x${BASE.toString(16)};0x${POOL_SIZE.toString(16)};0x0`;
  try {
    for (let i = 0; i * 8 < stores; i++) {
      text += iteration(i);
      if (text.length < 1 << 16) continue;
      writeSync(fd, text);
      text = '';
    }
    writeSync(fd, `${text}|STOP\n`);
  } finally {
    closeSync(fd);
  }
}

function iteration(i: number): string {
  const line = BASE + 64 * (1 + (i % DATA_LINES));
  let text = '|copy.BEGIN';
  for (let w = 0; w < 7; w++) text += `|STORE;0x${(line + 8 * w).toString(16)};0x${(i * 8 + w + 1).toString(16)};0x8;0x10920B: main (synthetic.c:${10 + w})`;
  text += `|FLUSH;0x${line.toString(16)};0x40|FENCE|STORE;0x${BASE.toString(16)};0x${(i + 1).toString(16)};0x8;0x109239: main (synthetic.c:20)`;
  return `${text}|FLUSH;0x${BASE.toString(16)};0x8|FENCE|copy.END`;
}
