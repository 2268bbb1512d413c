import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../report/package-root.js';

/** The file a finished build leaves in its folder: a folder without it was interrupted and is built again. */
const COMPLETE = '.daxcheck-bench-complete';

/** The packages a previous implementation needs to build and run: its dependencies and its compiler. */
interface PackageJson {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

/**
 * The folder holding git ref `ref` of this checkout built (its `dist/cli/main.js` runnable), or why
 * it cannot be had: git missing, this package not a git checkout, an unknown ref, a failed build.
 * The ref is unpacked with `git archive` (the repository's worktree list is left alone) into the
 * system's temporary folder and built once; later runs reuse the folder, keyed by the commit.
 */
export function builtRef(ref: string): { readonly dir: string } | { readonly skipped: string } {
  const root = packageRoot();
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (top.error) return { skipped: `git is not available (${top.error.message})` };
  if (top.status !== 0 || realpathSync(top.stdout.toString().trim()) !== realpathSync(root)) return { skipped: `${root} is not a git checkout (an installed package?)` };
  const sha = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (sha.status !== 0) return { skipped: `no commit '${ref}' in this repository (a shallow clone?)` };
  const dir = join(tmpdir(), `daxcheck-bench-against-${sha.stdout.toString().trim().slice(0, 12)}`);
  if (complete(dir)) return { dir };
  rmSync(dir, { recursive: true, force: true });
  const partial = mkdtempSync(`${dir}.partial-`);
  try {
    const failure = unpack(root, sha.stdout.toString().trim(), partial) ?? install(root, partial) ?? run(partial, 'npm', ['run', 'build', '--silent']);
    if (failure !== undefined) return { skipped: `building ${ref} failed: ${failure}` };
    writeFileSync(join(partial, COMPLETE), '');
    if (!complete(dir)) renameSync(partial, dir);
    return { dir };
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Whether `dir` holds a finished build whose packages still resolve (a linked node_modules may have gone with its checkout). */
function complete(dir: string): boolean {
  return existsSync(join(dir, COMPLETE)) && existsSync(join(dir, 'node_modules'));
}

function git(cwd: string, args: readonly string[]): SpawnSyncReturns<Buffer> {
  return spawnSync('git', ['-C', cwd, ...args], { maxBuffer: 2 ** 30 });
}

/** Extracts commit `sha`'s tree into `dir`; returns what went wrong, if anything. */
function unpack(root: string, sha: string, dir: string): string | undefined {
  const archive = git(root, ['archive', sha]);
  if (archive.status !== 0) return `git archive: ${archive.stderr.toString().trim()}`;
  return run(dir, 'tar', ['-x'], archive.stdout);
}

/** Links this checkout's node_modules when it holds every version the ref asks for, else installs the ref's own. */
function install(root: string, dir: string): string | undefined {
  const wanted = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  const needs = { ...wanted.dependencies, ...wanted.devDependencies };
  if (Object.entries(needs).every(([name, spec]) => installedVersion(root, name) === spec.replace(/^[\^~]/, ''))) {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return undefined;
  }
  return run(dir, 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
}

function installedVersion(root: string, name: string): string | undefined {
  const path = join(root, 'node_modules', name, 'package.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version : undefined;
}

/** Runs a command in `cwd`; returns its last line of errors when it fails. */
function run(cwd: string, command: string, args: readonly string[], input?: Buffer): string | undefined {
  const child = spawnSync(command, args, { cwd, input, encoding: 'utf8', maxBuffer: 2 ** 30 });
  if (child.error) return `${command}: ${child.error.message}`;
  if (child.status === 0) return undefined;
  return `${command} ${args.join(' ')}: ${`${child.stderr}${child.stdout}`.trim().split('\n').pop() ?? `exit ${child.status}`}`;
}
