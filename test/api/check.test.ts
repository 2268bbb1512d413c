import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { after, allOf, check, checkFile, eq, InputError, litmus, not, parseLitmus, replay } from '../../api/index.js';

/** A flag stored before its data is flushed: the flag can persist without the data. */
const FLAG = litmus('flag-before-data')
  .config({ platform: 'adr' })
  .device('d', 4096, 4096)
  .mmap('m', 'd', 4096, ['MAP_SHARED'])
  .store('m', 0, 42)
  .store('m', 64, 1)
  .clwb('m', 64)
  .clwb('m', 0)
  .sfence()
  .label('done')
  .observe('data', 'd', 0, 8)
  .observe('flag', 'd', 64, 8)
  .never(allOf(eq('flag', 1), not(eq('data', 42))))
  .forall(eq('data', 42), after('done'))
  .build();

describe('check', () => {
  it('returns the report as data, with a counterexample record for each failure that replays', () => {
    const report = check(FLAG);
    expect(report.verdict).toBe('fail');
    expect(report.expectations.map((e) => e.holds)).toEqual([false, true]);
    expect(report.expectations[0]!.counterexample?.observed).toEqual({ data: '0', flag: '1' });
    expect(report.counterexamples.map((cx) => cx.name)).toEqual(['flag-before-data.e0']);
    expect(replay(report.counterexamples[0]!)).toEqual({ reproduces: true });
    expect(BigInt(report.stats.crashStates)).toBeGreaterThan(0n);
  });

  it('checks a file, naming it in errors with the line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daxcheck-check-'));
    writeFileSync(join(dir, 'bad.litmus'), 'daxcheck t\nconfig platform=adr fs=ext9\nprogram\n');
    const bad = join(dir, 'bad.litmus');
    expect(() => checkFile(bad)).toThrow(`${bad}:2:21: unknown value 'ext9' for fs`);
    expect(() => checkFile(join(dir, 'missing.litmus'))).toThrow(InputError);
    expect(() => parseLitmus('daxcheck\n', 'x.litmus')).toThrow(/^x\.litmus:1:9: expected a test name/);
  });

  it('stops at a limit with verdict incomplete', () => {
    expect(check(FLAG, { maxEvaluations: 1 }).verdict).toBe('incomplete');
  });
});
