import { describe, expect, it } from 'vitest';
import { checkedUnder, parseMarkerConfig } from '../../../lang/trace/marker-config.js';

describe("pmreorder's marker configuration", () => {
  const config = parseMarkerConfig('outer=NoReorderNoCheck,inner=ReorderFull');

  it('reads NAME=Engine pairs', () => {
    expect([...config]).toEqual([['outer', 'NoReorderNoCheck'], ['inner', 'ReorderFull']]);
  });

  it('takes the engine of the innermost configured marker, as pmreorder does', () => {
    expect(checkedUnder(config, [])).toBe(true);
    expect(checkedUnder(config, ['outer'])).toBe(false);
    expect(checkedUnder(config, ['outer', 'unnamed'])).toBe(false);
    expect(checkedUnder(config, ['outer', 'inner'])).toBe(true);
    expect(checkedUnder(config, ['inner', 'outer'])).toBe(false);
  });

  it.each([['a'], ['a=B'], ['=ReorderFull']])('refuses %s in one line', (text) => {
    expect(() => parseMarkerConfig(text)).toThrow(/^--markers /);
  });
});
