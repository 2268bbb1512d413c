// Reads vitest's output and prints the plain closing line CI reads: "N passed, N failed[, N skipped]".
import { readFileSync } from 'node:fs';

const [log, status] = process.argv.slice(2);
const text = readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const line = text.split('\n').find((l) => /^\s*Tests\s+\d/.test(l)) ?? '';
const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
let failed = count('failed');
if (status !== '0' && failed === 0) failed = 1; // a crash before any summary still fails the run
const skipped = count('skipped');
console.log(`${count('passed')} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === '0' ? 0 : 1);
