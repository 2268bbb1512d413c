import { setAutoFreeze } from 'immer';
import { checkLitmus } from '../model/check/check.js';
import { growthProgram, type Shape } from './programs.js';

/**
 * One measurement of the growth benchmark, in a process of its own so that its peak memory is its
 * own: checks the program of `shape` and length `n` given as arguments, and prints the CPU time
 * the check took (user and system: the machine may be shared, so wall time says little), the peak
 * resident memory of the process and the operations as JSON.
 */
setAutoFreeze(false);
const [shape, n] = [process.argv[2] as Shape, Number(process.argv[3])];
const test = growthProgram(shape, n);
const t0 = process.cpuUsage();
const result = checkLitmus(test);
const { user, system } = process.cpuUsage(t0);
const ms = (user + system) / 1000;
const ops = test.program.length;
console.log(JSON.stringify({ ops, ms, maxRssKiB: process.resourceUsage().maxRSS, evaluations: result.stats.evaluations }));
