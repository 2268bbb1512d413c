import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../report/package-root.js';
import { attempt, workspace } from './attempt.js';

const corpus = join(packageRoot(), 'counterexamples', 'corpus');
const test = join(packageRoot(), 'litmus', 'cpu', 'adr-store+clwb+sfence.litmus');

/** A fresh folder holding a copy of a catalogue test as `a.litmus`. */
function folderWithTest(): string {
  const dir = workspace();
  copyFileSync(test, join(dir, 'a.litmus'));
  return dir;
}

/** A corpus file with its program changed by `edit`, written to a fresh folder. */
function editedCounterexample(name: string, edit: (program: string) => string): string {
  const cx = JSON.parse(readFileSync(join(corpus, name), 'utf8')) as { program: string };
  const file = join(workspace(), name);
  writeFileSync(file, JSON.stringify({ ...cx, program: edit(cx.program) }));
  return file;
}

/** The bugs the fuzzer found, each as its smallest input. */
describe('found by fuzzing', () => {
  it("a counterexample whose program no longer runs is a problem of its field 'program', not of a line and column of the JSON file", async () => {
    const file = editedCounterexample('devdax.adr.fence.durability.json', (p) => p.replace('  ack0:\n', ''));
    for (const command of ['replay', 'show']) {
      const outcome = await attempt([command, file]);
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toEqual([`${file}: field 'program': no longer runs at line 9, column 14: unknown label 'ack0' (no 'ack0:' in the program)`]);
    }
  });

  it('catalogue reports a dangling or looping link named .litmus as a test it cannot read, and skips one that is not', async () => {
    const dir = folderWithTest();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'b.litmus'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'c'));
    symlinkSync('d.litmus', join(dir, 'd.litmus'));
    symlinkSync('e', join(dir, 'e'));
    const outcome = await attempt(['catalogue', dir]);
    expect(outcome.status).toBe(1);
    expect(outcome.stdout.slice(1, 3)).toEqual([
      expect.stringMatching(/^ERROR +b\.litmus +.*b\.litmus: no such file$/),
      expect.stringMatching(/^ERROR +d\.litmus +.*d\.litmus: cannot read \(ELOOP\)$/),
    ]);
  });

  it('catalogue follows a link to its parent folder once, not forever', async () => {
    const dir = folderWithTest();
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'parent'));
    const outcome = await attempt(['catalogue', dir]);
    expect(outcome.stdout.at(-1)).toBe('1 tests: 0 ok, 1 NO-GOLDEN');
  });

  it('catalogue refuses a golden that is a folder, naming it', async () => {
    const dir = folderWithTest();
    mkdirSync(join(dir, 'a.expected'));
    const outcome = await attempt(['catalogue', dir]);
    expect([outcome.status, outcome.stderr]).toEqual([2, [`daxcheck: ${join(dir, 'a.expected')}: cannot read (EISDIR)`]]);
  });

  it('promote cannot write a golden that is a folder: a user error naming it', async () => {
    const dir = folderWithTest();
    mkdirSync(join(dir, 'a.expected'));
    const outcome = await attempt(['promote', join(dir, 'a.litmus')]);
    expect([outcome.status, outcome.stderr]).toEqual([2, [`${join(dir, 'a.litmus')}: cannot write ${join(dir, 'a.expected')} (EISDIR)`]]);
  });

  it('matrix --out below a file is a user error naming it', async () => {
    const out = join(folderWithTest(), 'a.litmus', 'out');
    const outcome = await attempt(['matrix', '--cell=devdax/adr/fence', '--num-runs=1', `--out=${out}`]);
    expect([outcome.status, outcome.stderr]).toEqual([2, [`daxcheck: cannot write ${out} (ENOTDIR)`]]);
  });

  it('matrix --cell= (empty) is an unknown cell, not every cell', async () => {
    const outcome = await attempt(['matrix', '--cell=', `--out=${workspace()}`]);
    expect([outcome.status, outcome.stderr]).toEqual([2, ["daxcheck: no cell '' (expected MODE/PLATFORM/RECIPE or MODE/PLATFORM@guest/RECIPE, e.g. fsdax-shared/adr/flush+fence, devdax/nvdimm-dax@guest/none)"]]);
  });
});
