import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run bench --quick', () => {
  it('prints the machine and every section, with a measurement for each shape and length and each side of the pmreorder comparison and of the previous implementation', () => {
    const out = execFileSync(process.execPath, ['dist/bench/explore.js', '--quick'], { encoding: 'utf8' });
    expect(out).toMatch(/^machine: .* node v\d+.*\(quick\)$/m);
    expect(out).toMatch(/^ {2}adr: crash states \d+; lazy .* ratio/m);
    expect(out).toMatch(/^ {2}eadr: crash states \d+; lazy .* ratio/m);
    for (const kind of ['cpu', 'fs']) {
      expect(out).toMatch(new RegExp(`^ {2}${kind}: .*; distinct .* outcomes \\d+; lazy \\d+ evaluations .*; eager \\d+ evaluations .* ratio`, 'm'));
    }
    expect(out).toMatch(/^ {2}page cache: evaluations at most [\d.]+x distinct outcomes$/m);
    for (const shape of ['cpu-few-lines', 'cpu-many-lines', 'fs-write-fsync']) {
      const section = out.slice(out.indexOf(`  ${shape} (baseline`));
      expect(section).toMatch(/^ {4}N=\d+: [\d.]+ CPU s, peak \d+ MiB; [\d.]+ us\/op \([\d.]+x\), [\d.]+ KiB\/op/m);
    }
    const trace = out.slice(out.indexOf('side by side with pmreorder'));
    expect(trace).toMatch(/^ {4}daxcheck, checker program: crash points \d+ .* checker calls \d+, distinct images \d+, inconsistent [1-9]/m);
    expect(trace).toMatch(/^ {4}daxcheck, in-process .* ms per distinct view$/m);
    expect(trace).toMatch(/^ {4}daxcheck, in-process true_check.mjs \(reads nothing\): .*(ms per distinct view beyond the walk|the views cost less than the timer tells apart)$/m);
    expect(trace).toMatch(/^ {4}pmreorder NoReorderDoCheck: checker calls \d+, distinct images \d+, inconsistent 0 .* per check|^ {2}pmreorder skipped: /m);
    const scale = out.slice(out.indexOf('trace scale: synthetic pmemcheck logs'));
    expect(scale).toMatch(/^ {2}N=10000: 10000 stores, crash points 5001, distinct views 1251: [\d.]+ CPU s, peak \d+ MiB; [\d.]+ us\/store/m);
    const against = out.slice(out.indexOf('\nagainst '));
    expect(against).toMatch(/^against \S+: each input checked by `daxcheck run` of both/m);
    expect(against).toMatch(/^ {2}ext4-dax write\+fsync, N=\d+: old [\d.]+ CPU s, \d+ MiB; new [\d.]+ CPU s, \d+ MiB; old\/new [\d.]+x CPU, [\d.]+x memory; same verdict \(exit 0\)$|^ {2}against skipped: /m);
    expect(out).not.toContain('verdicts differ');
    expect(out).not.toContain('failed');
  }, 180_000);
});
