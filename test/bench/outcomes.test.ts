import { describe, expect, it } from 'vitest';
import { enumerateEagerly } from '../../bench/eager.js';
import { pageCacheCases } from '../../bench/outcomes.js';
import { parseLitmus } from '../../lang/parse.js';
import { checkLitmus } from '../../model/check/check.js';

describe('page-cache exploration (issue 12)', () => {
  it.each(pageCacheCases())('%s: at most two evaluations per distinct outcome an eager enumeration counts', (_, text) => {
    const test = parseLitmus(text);
    expect(checkLitmus(test).stats.evaluations).toBeLessThanOrEqual(2 * enumerateEagerly(test).outcomes);
  });
});
