import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersistContext } from '../model/x86/persist.js';
import { userError } from '../lang/messages.js';
import { fileImage, wholeImage, type ImageDelta } from './crash-image.js';
import type { Judge, Verdict } from './judge.js';
import type { Layout } from './layout.js';

/** A checker program run as pmreorder runs one: `command` with the image's path appended, exit 0 = consistent. */
export interface CheckerProgram {
  readonly command: string;
  /** Checker processes run at once (default: the machine's parallelism). */
  readonly parallel?: number;
}

/**
 * Judges crash states with the user's checker program, once per distinct image (verdicts cached by
 * the image's key), in parallel child processes. PMREORDER_MARKERS holds the markers open at the
 * first crash point that made the image. The program is given a temporary copy of the registered
 * file with the crash image in it, removed once it has answered.
 */
export function programJudge(program: CheckerProgram, layout: Layout, ctx: PersistContext): Judge {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-trace-'));
  const verdicts = new Map<string, Promise<Verdict>>();
  const pool = new Pool(program.parallel ?? availableParallelism());
  return {
    lazy: false,
    get calls() {
      return verdicts.size;
    },
    evaluate(point, oracle) {
      const delta = wholeImage(point, ctx, oracle);
      const markers = point.markers.join('|');
      let verdict = verdicts.get(delta.key);
      if (!verdict) {
        const path = join(dir, `${verdicts.size}.pool`);
        verdict = pool.run(() => runChecker(program.command, path, () => imageOf(layout, delta), markers));
        verdicts.set(delta.key, verdict);
      }
      return { key: delta.key, verdict };
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function imageOf(layout: Layout, delta: ImageDelta): Uint8Array {
  if (layout.files.length !== 1) throw userError('checkerOneFile', undefined, layout.files.length);
  return fileImage(layout, 0, delta);
}

/** Runs the checker on a fresh image file; a checker the shell cannot run (status 126, 127) is a user error. */
function runChecker(command: string, path: string, image: () => Uint8Array, markers: string): Promise<Verdict> {
  writeFileSync(path, image());
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `${command} "$1"`, 'sh', path], { env: { ...process.env, PMREORDER_MARKERS: markers }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      rmSync(path, { force: true });
      const detail = stderr.trim().split('\n')[0];
      if (status === 126 || status === 127) reject(userError('checkerCannotRun', undefined, command, detail ?? String(status)));
      else resolve({ consistent: status === 0, ...(detail ? { detail } : {}) });
    });
  });
}

/** Runs at most `size` tasks at once, in the order they were given. */
class Pool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((go) => this.waiting.push(go));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
