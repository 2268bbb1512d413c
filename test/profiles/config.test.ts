import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../profiles/config.js';
import { UserError } from '../../lang/errors.js';
import { thrown } from '../helpers.js';

describe('resolveConfig', () => {
  it('fills in the defaults of DESIGN section 2', () => {
    expect(resolveConfig([])).toMatchObject({ platform: 'adr', fs: 'ext4-dax', data: 'ordered', msync: 'range', dax_reflink: 'unsupported' });
  });
  it('defaults dax_reflink to cow on xfs', () => {
    expect(resolveConfig([{ key: 'fs', value: 'xfs-dax' }]).dax_reflink).toBe('cow');
  });
  it('names the position of an unknown key or value', () => {
    const at = { line: 3, col: 8 };
    expect(() => resolveConfig([{ key: 'platfrom', value: 'adr', at }])).toThrow(/unknown configuration key 'platfrom'/);
    const e = thrown(() => resolveConfig([{ key: 'platform', value: 'nvdimm', at }]));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(/unknown value 'nvdimm' for platform \(expected one of adr, eadr\)/);
    expect((e as UserError).at).toEqual(at);
  });
});
