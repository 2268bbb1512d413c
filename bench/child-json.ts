import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs the bench script `script` (a file name beside this one) in a node process of its own with
 * `args`, for a measurement that must not share the bench's heap or JIT: the JSON it prints, or
 * why it failed, in one line.
 */
export function childJson<T>(script: string, args: readonly string[]): T | string {
  const child = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { encoding: 'utf8', timeout: 20 * 60_000 });
  if (child.status !== 0) return `failed (${child.signal ?? `exit ${child.status}`}): ${child.stderr.trim().split('\n').pop() ?? ''}`;
  return JSON.parse(child.stdout) as T;
}
