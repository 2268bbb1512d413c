import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../profiles/config.js';
import { UserError } from '../../lang/errors.js';
import { check, thrown } from '../helpers.js';

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
    expect(e.message).toMatch(/unknown value 'nvdimm' for platform \(expected one of adr, eadr, virtio-pmem, nvdimm-file, nvdimm-dax, cxl, cxl-gpf\)/);
    expect((e as UserError).at).toEqual(at);
  });
  it('refuses a filesystem option on a filesystem that does not have it, at the entry', () => {
    const e = thrown(() => check('daxcheck t\nconfig data=journal fs=xfs\nfile f size=0\nprogram\n  create g\n'));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe("configuration key 'data' does not apply to fs=xfs (it is an option of ext4-dax, ext4)");
    expect((e as UserError).at).toEqual({ line: 2, col: 8 });
    expect(() => resolveConfig([{ key: 'fs', value: 'nova' }, { key: 'auto_da_alloc', value: 'off' }])).toThrow(/'auto_da_alloc' does not apply to fs=nova/);
  });
  it('takes a filesystem option on a filesystem that has it, the default one included', () => {
    expect(resolveConfig([{ key: 'data', value: 'journal' }, { key: 'fs', value: 'ext4' }]).data).toBe('journal');
    expect(resolveConfig([{ key: 'auto_da_alloc', value: 'off' }]).auto_da_alloc).toBe('off');
  });
  it('refuses failure=guest on a platform without a host, at the entry, and takes it on one with a host', () => {
    const at = { line: 2, col: 21 };
    const e = thrown(() => resolveConfig([{ key: 'platform', value: 'cxl', at }, { key: 'failure', value: 'guest', at }]));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe('failure=guest needs a guest, and platform=cxl has no host (platforms with one: virtio-pmem, nvdimm-file, nvdimm-dax)');
    expect(() => resolveConfig([{ key: 'failure', value: 'guest', at }])).toThrow(/platform=adr has no host/);
    expect(resolveConfig([{ key: 'platform', value: 'virtio-pmem' }, { key: 'failure', value: 'guest' }]).failure).toBe('guest');
    expect(resolveConfig([]).failure).toBe('host');
  });
});
