// `npm test` runs this first (pretest): the HTML report test drives a real headless Chromium, and
// playwright-core downloads none, so Debian's package is installed here when it is missing and we
// may (root, with apt-get). Otherwise it says what to do; the test then fails with that message.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.DAXCHECK_CHROMIUM ?? '/usr/bin/chromium';
const say = (line) => process.stderr.write(`pretest: ${line}\n`);

if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    say("installing Debian's chromium for the HTML report test (apt-get install chromium; a minute or two, once)");
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      say('could not install chromium: the HTML report test will fail and say why');
    }
  } else {
    say(`no Chromium at ${CHROMIUM}: the HTML report test will fail; install it with 'sudo apt-get install chromium' or set DAXCHECK_CHROMIUM`);
  }
}
