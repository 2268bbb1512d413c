import { setAutoFreeze } from 'immer';
import { traceLog } from '../cli/trace-command.js';

/**
 * One measurement of the trace scale benchmark, in a process of its own so that its peak memory
 * is its own: `daxcheck trace LOG --image IMAGE --check-module MODULE` as arguments, printing the
 * CPU time of the check, the process's peak resident memory and what the run counted, as JSON.
 */
setAutoFreeze(false);
const [log, image, module] = process.argv.slice(2) as [string, string, string];
const t0 = process.cpuUsage();
const result = await traceLog(log, { image: [image], platform: 'adr', crashAt: 'fences', maxImages: 10000, bound: 1, checkModule: module });
const { user, system } = process.cpuUsage(t0);
console.log(JSON.stringify({ stores: result.stores, ms: (user + system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, points: result.crashPoints, distinct: result.distinct, inconsistent: result.inconsistent.length }));
