import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';

/** Runs a command in `cwd`; its status and output, for the assertion to show when it fails. */
function run(cwd: string, command: string, args: readonly string[]) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/**
 * The example project (examples/recipes) as a user has it: daxcheck packed into a tarball,
 * installed by npm into a fresh copy of the project, then the project's own strict type check and
 * vitest suite, and the installed command line on the counterexample the suite wrote. Packages
 * come from npm's cache (`npm ci` of daxcheck filled it), so no network is needed after that.
 */
describe('the example user project', () => {
  it('installs daxcheck from its tarball, type-checks, passes its suite, and shows and replays its counterexample', () => {
    const root = packageRoot();
    const work = mkdtempSync(join(tmpdir(), 'daxcheck-example-'));
    // dist/ is built by the suite's global setup; the tarball is what `npm publish` would ship.
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const project = join(work, 'recipes');
    cpSync(join(root, 'examples', 'recipes'), project, { recursive: true, filter: (src) => !/node_modules|counterexamples/.test(src) });

    const install = run(project, 'npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)]);
    expect(install.status, install.output).toBe(0);
    const suite = run(project, 'npm', ['test']);
    expect(suite.status, suite.output).toBe(0);
    expect(suite.output).toMatch(/Tests\s+3 passed/);

    const cx = join('counterexamples', 'fsdax-mapsync.adr.pmem_flush.durability.json');
    const show = run(project, 'npx', ['--no-install', 'daxcheck', 'show', cx]);
    expect(show.status, show.output).toBe(0);
    expect(show.output).toContain('>>> crash');
    const replay = run(project, 'npx', ['--no-install', 'daxcheck', 'replay', cx]);
    expect(replay.status, replay.output).toBe(0);
  }, 300_000);
});
