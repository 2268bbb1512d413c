import { setAutoFreeze } from 'immer';
import { performance } from 'node:perf_hooks';
import { checkLitmus } from '../model/check/check.js';
import { growthProgram, type Shape } from './programs.js';

/**
 * One measurement of the growth benchmark, in a process of its own so that its peak memory is its
 * own: checks the program of `shape` and length `n` given as arguments, and prints the time the
 * check took, the peak resident memory of the process and the operations as JSON.
 */
setAutoFreeze(false);
const [shape, n] = [process.argv[2] as Shape, Number(process.argv[3])];
const test = growthProgram(shape, n);
const t0 = performance.now();
const result = checkLitmus(test);
const ms = performance.now() - t0;
const ops = test.program.length;
console.log(JSON.stringify({ ops, ms, maxRssKiB: process.resourceUsage().maxRSS, evaluations: result.stats.evaluations }));
