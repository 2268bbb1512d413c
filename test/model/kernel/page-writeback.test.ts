import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, evaluateAt, prepare } from '../../../model/check/check.js';
import { enumerateLazily } from '../../../model/check/explore.js';
import { showObserved } from '../../../model/check/observe.js';
import { printSite } from '../../../model/core/site.js';
import { NO_BUGS } from '../../../profiles/bugs.js';
import { parse } from '../../helpers.js';

/** The crash states explored at the last crash point of a page-cache test: what was observed and the version of page 0 of `f` written back. */
function lastPoint(program: string, observations: string, size = 0): string[] {
  const test = parse(`daxcheck t\nconfig platform=adr fs=ext4\nfile f size=${size}\nprogram\n${program}\n${observations}\n`);
  const { world, execution } = prepare(test, NO_BUGS);
  const leaves = enumerateLazily((oracle) => evaluateAt(test, execution.points.get(execution.points.length - 1)!, world, oracle).values, DEFAULT_LIMIT);
  return leaves.map((l) => `${Object.values(l.result).map(showObserved).join(' ')} page ${l.choices.find((c) => printSite(c.site) === 'page 1:0')?.chosen}`);
}

describe('pageWriteback', () => {
  it('explores the versions of a page that read alike once, as the smallest of them', () => {
    const explored = lastPoint('  write f 0 1\n  write f 2048 2\n  write f 16 3', 'observe x = f[0:8]', 8192);
    expect(explored.filter((e) => e.endsWith('page 0'))).toHaveLength(1);
    expect(explored.filter((e) => !e.endsWith('page 0')).every((e) => e.endsWith('page 1'))).toBe(true);
  });

  it('explores each version an observed size tells apart', () => {
    const explored = lastPoint('  write f 0 1\n  write f 100 2\n  write f 200 3', 'observe s = size(f)');
    expect(new Set(explored.map((e) => e.split(' page ')[1]))).toEqual(new Set(['0', '1', '2', '3']));
  });
});
