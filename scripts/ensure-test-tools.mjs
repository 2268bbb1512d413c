// `npm test` runs this first (pretest): the suite needs a few Debian packages besides npm's —
// chromium (the HTML report test drives a real headless Chromium; playwright-core downloads none),
// gcc (the trace tests build the C checkers of the provided pmemcheck logs, as pmreorder runs them),
// libpmemobj-dev (hashmap_tx_insert's checker opens the pool with libpmemobj) and python3 (the
// bench's smoke test runs PMDK's pmreorder beside daxcheck trace). Each missing one
// is installed here when we may (root, with apt-get); otherwise this says what to do, and the tests
// that need it fail with that message.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const say = (line) => process.stderr.write(`pretest: ${line}\n`);

/** What the suite needs: the Debian package, the file that shows it is there, and what uses it. */
const NEEDS = [
  { pkg: 'chromium', path: process.env.DAXCHECK_CHROMIUM ?? '/usr/bin/chromium', why: 'the HTML report test (or set DAXCHECK_CHROMIUM)' },
  { pkg: 'gcc', path: '/usr/bin/gcc', why: "the trace tests' C checkers" },
  { pkg: 'libpmemobj-dev', path: '/usr/include/libpmemobj.h', why: "hashmap_tx_insert's libpmemobj checker" },
  { pkg: 'python3', path: '/usr/bin/python3', why: "the bench's pmreorder runs" },
];

const missing = NEEDS.filter((n) => !existsSync(n.path) && !onPath(n.pkg));
if (missing.length > 0) {
  const names = missing.map((n) => n.pkg);
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    say(`installing Debian's ${names.join(', ')} for ${missing.map((n) => n.why).join('; ')} (apt-get install; a minute or two, once)`);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
      execFileSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      say(`could not install ${names.join(', ')}: the tests that need them will fail and say why`);
    }
  } else {
    for (const n of missing) say(`no ${n.pkg}: ${n.why} will fail; install it with 'sudo apt-get install ${n.pkg}'`);
  }
}

/** Whether `command` is on the PATH (a python3 from pyenv, a gcc elsewhere). */
function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
