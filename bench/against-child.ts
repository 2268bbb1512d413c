import { realpathSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * One measurement of the section against a previous implementation, in a process of its own so
 * that its CPU time and peak memory are the command's alone: runs the command line at the path
 * given first with the arguments after it, as if started directly (both the old and the new
 * `cli/main.js` run only when `process.argv[1]` is their own file), and at exit writes the whole
 * process's CPU time and peak resident memory as JSON to file descriptor 3, leaving the command's
 * own output and exit status as they are.
 */
const main = realpathSync(process.argv[2]!);
process.argv = [process.argv[0]!, main, ...process.argv.slice(3)];
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(3, JSON.stringify({ cpuUs: usage.userCPUTime + usage.systemCPUTime, maxRssKiB: usage.maxRSS }));
});
await import(pathToFileURL(main).href);
