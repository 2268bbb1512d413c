import { describe, expect, it } from 'vitest';
import { check, devdax } from '../../helpers.js';

const stores = (lines: number) => Array.from({ length: lines }, (_, i) => `  store m[${i * 64}] 0x${i + 1}\n  store m[${i * 64 + 8}] 0x${i + 1}`).join('\n');

describe('lazy crash states (DESIGN 1.4)', () => {
  it('counts every crash state but resolves only the lines observations read', () => {
    const r = check(devdax('adr', stores(8), 'observe x = d[0:8]'));
    // At the end 8 lines each have 3 possible prefixes: 3^8 states, of which only line 0 is read.
    expect(r.stats.crashStates).toBeGreaterThan(3n ** 8n);
    expect(r.stats.evaluations).toBeLessThan(60);
  });
  it('resolves an eADR store-buffer prefix per observed line without losing states', () => {
    const r = check(devdax('eadr', stores(4), 'observe x = d[0:8]\nobserve y = d[192:8]'));
    // The persisted prefix decides each line; y=4 (line 3) can never persist without x=1 (line 0).
    expect(r.outcomes.map((o) => o.text)).toEqual(['x=0; y=0', 'x=1; y=0', 'x=1; y=4']);
  });
  it('finds the same outcomes whether the choices are read lazily or all at once', () => {
    const lazy = check(devdax('adr', stores(3), 'observe x = d[0:8]'));
    const eager = check(devdax('adr', stores(3), 'observe x = d[0:8]\nobserve y = d[64:8]\nobserve z = d[128:8]'));
    const projected = new Set(eager.outcomes.map((o) => o.text.split(';')[0]));
    expect(new Set(lazy.outcomes.map((o) => o.text))).toEqual(projected);
  });
});

describe('crash-state counting', () => {
  it.each(['adr', 'eadr'] as const)('equals the evaluations when every written line is observed (%s)', (p) => {
    const all = Array.from({ length: 4 }, (_, l) => `observe x${l} = d[${l * 64}:16]`).join('\n');
    const r = check(devdax(p, `${stores(4)}\n  ntstore m[512] 0x9`, `${all}\nobserve n = d[512:8]`));
    expect(BigInt(r.stats.evaluations)).toBe(r.stats.crashStates);
  });
});
