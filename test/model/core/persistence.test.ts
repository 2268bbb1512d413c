import { describe, expect, it } from 'vitest';
import { persistenceOf } from '../../../model/core/persistence.js';
import { PLATFORMS, type PersistenceDomain } from '../../../profiles/platforms.js';
import { check } from '../../helpers.js';
import { TABLES } from '../../../profiles/tables.js';

const ADR = PLATFORMS.adr.domain;

describe('persistenceOf', () => {
  it.each(Object.values(PLATFORMS))('gives platform $name of the table its rules', ({ domain }) => {
    expect(() => persistenceOf(domain)).not.toThrow();
  });

  it('keeps line prefixes on ADR and a store-buffer prefix on eADR', () => {
    expect(persistenceOf(PLATFORMS.adr.domain)).toEqual({ crashKeeps: 'line-prefixes', drainedStoresPersist: false, writebackPersists: true });
    expect(persistenceOf(PLATFORMS.eadr.domain)).toEqual({ crashKeeps: 'store-buffer-prefix', drainedStoresPersist: true, writebackPersists: false });
  });

  it.each<[string, Partial<PersistenceDomain>, RegExp]>([
    ['the store buffer inside, the caches outside', { storeBuffer: true }, /store buffer drains into the caches/],
    ['the memory controller outside', { memoryController: false }, /through the memory controller/],
    ['the write-combining buffers inside', { writeCombining: true }, /persist as they issue/],
    ['the store buffer and the caches inside', { storeBuffer: true, caches: true }, /persist as they issue/],
  ])('refuses a domain with %s', (_what, change, why) => {
    expect(() => persistenceOf({ ...ADR, ...change })).toThrow(why);
  });

  it('refuses a platform with such a domain when a test runs on it', () => {
    const tables = { ...TABLES, platforms: { ...TABLES.platforms, odd: { name: 'odd', domain: { ...ADR, storeBuffer: true } } } };
    const text = 'daxcheck t\nconfig platform=odd\ndevice d size=4K align=4K\nprogram\n  m = mmap d 0 4096 MAP_SHARED\n';
    expect(() => check(text, { tables })).toThrow(/no persistence rules for a domain of \{storeBuffer, memoryController\}/);
    expect(() => check(text.replace('odd', 'adr'), { tables })).not.toThrow();
  });
});
