import { describe, expect, it } from 'vitest';
import { persistenceOf } from '../../../model/core/persistence.js';
import { PLATFORMS, type PersistenceDomain } from '../../../profiles/platforms.js';
import { check } from '../../helpers.js';
import { TABLES } from '../../../profiles/tables.js';

const ADR = PLATFORMS.adr.domain;

describe('persistenceOf', () => {
  it.each(Object.values(PLATFORMS))('gives platform $name of the table its rules', ({ domain }) => {
    expect(() => persistenceOf(domain, 'host')).not.toThrow();
  });

  it('keeps line prefixes on ADR and a store-buffer prefix on eADR', () => {
    const bare = { media: 'cpu', flushReachesHost: false, synchronous: true };
    expect(persistenceOf(PLATFORMS.adr.domain, 'host')).toEqual({ crashKeeps: 'line-prefixes', drainedStoresPersist: false, writebackPersists: true, ...bare });
    expect(persistenceOf(PLATFORMS.eadr.domain, 'host')).toEqual({ crashKeeps: 'store-buffer-prefix', drainedStoresPersist: true, writebackPersists: false, ...bare });
  });

  it('reads a host page cache: the host writeback on host power loss, every executed store on a guest crash', () => {
    const virtio = PLATFORMS['virtio-pmem'].domain;
    expect(persistenceOf(virtio, 'host')).toMatchObject({ media: 'host-writeback', flushReachesHost: true, synchronous: false });
    expect(persistenceOf(virtio, 'guest')).toMatchObject({ media: 'executed' });
    expect(persistenceOf(PLATFORMS['nvdimm-file'].domain, 'host')).toMatchObject({ media: 'host-writeback', flushReachesHost: false, synchronous: true });
    expect(persistenceOf(PLATFORMS['nvdimm-dax'].domain, 'host')).toMatchObject({ media: 'cpu', synchronous: true });
  });

  it('refuses a guest failure on bare metal', () => {
    expect(() => persistenceOf(ADR, 'guest')).toThrow(/a guest failure needs a host/);
  });

  it.each<[string, Partial<PersistenceDomain>, RegExp]>([
    ['the store buffer inside, the caches outside', { storeBuffer: true }, /store buffer drains into the caches/],
    ['the memory controller outside', { memoryController: false }, /through the memory controller/],
    ['the write-combining buffers inside', { writeCombining: true }, /persist as they issue/],
    ['the store buffer and the caches inside', { storeBuffer: true, caches: true }, /persist as they issue/],
  ])('refuses a domain with %s', (_what, change, why) => {
    expect(() => persistenceOf({ ...ADR, ...change }, 'host')).toThrow(why);
  });

  it('refuses a platform with such a domain when a test runs on it', () => {
    const tables = { ...TABLES, platforms: { ...TABLES.platforms, odd: { name: 'odd', domain: { ...ADR, storeBuffer: true } } } };
    const text = 'daxcheck t\nconfig platform=odd\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n';
    expect(() => check(text, { tables })).toThrow(/no persistence rules for a domain of \{storeBuffer, memoryController\}/);
    expect(() => check(text.replace('odd', 'adr'), { tables })).not.toThrow();
  });
});
