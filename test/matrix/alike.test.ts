import { describe, expect, it } from 'vitest';
import { cellSetup, checkCell, type Cell, type CellResult } from '../../matrix/cell.js';
import { allCells, cellId, verdictKey } from '../../matrix/cells.js';
import { foundOn } from '../../matrix/check-recipe.js';
import { rowOf } from '../../matrix/row.js';
import { counterexampleOf, serialize } from '../../report/counterexample.js';

const OPTIONS = { seed: 5, numRuns: 15 };
const cell = (id: string): Cell => allCells().find((c) => cellId(c) === id)!;
const lost = (r: CellResult) => {
  if (r.verdict !== 'lost') throw new Error(`expected lost, got ${r.verdict}`);
  return r;
};

describe('cells of one verdict key are one check under two names', () => {
  it('groups CXL with ADR, CXL with GPF with eADR, and the guest crashes of the two NVDIMMs, and nothing else across platforms', () => {
    const columns = new Map<string, Set<string>>();
    for (const c of allCells().filter((c) => c.mode.id === 'devdax' && c.recipe === 'flush+fence')) {
      const key = verdictKey(c);
      columns.set(key, new Set([...(columns.get(key) ?? []), cellId(c).split('/')[1]!]));
    }
    expect([...columns.values()].map((s) => [...s].join(' '))).toEqual(['adr nvdimm-dax cxl', 'eadr cxl-gpf', 'virtio-pmem', 'virtio-pmem@guest', 'nvdimm-file', 'nvdimm-file@guest nvdimm-dax@guest']);
  });

  it.each([
    ['fsdax-shared/adr/flush+fence', 'fsdax-shared/cxl/flush+fence'],
    ['devdax/eadr/fence', 'devdax/cxl-gpf/fence'],
    ['buffered/nvdimm-file@guest/none', 'buffered/nvdimm-dax@guest/none'],
  ])('%s and %s give the same row but for the column, checked each on its own', (a, b) => {
    const [ra, rb] = [checkCell(cell(a), OPTIONS), checkCell(cell(b), OPTIONS)];
    const strip = (r: CellResult) => ({ ...rowOf(r), platform: '', failure: '' });
    expect(strip(rb)).toEqual(strip(ra));
  });

  it('re-checks a lost cell’s minimized test on the other column: the same record as checking that column from scratch', () => {
    const [adr, cxl] = ['fsdax-shared/adr/none', 'fsdax-shared/cxl/none'].map((id) => lost(checkCell(cell(id), OPTIONS)));
    const derived: CellResult = { ...adr!, cell: cxl!.cell, found: foundOn(cellSetup(cxl!.cell), adr!.found) };
    expect(serialize(counterexampleOf(lost(derived)))).toBe(serialize(counterexampleOf(cxl!)));
  });

  it('is an internal error when the test does not fail on the other column (the key would be wrong)', () => {
    const adr = lost(checkCell(cell('devdax/adr/fence'), OPTIONS));
    expect(() => foundOn(cellSetup(cell('devdax/eadr/fence')), adr.found)).toThrow(/internal: devdax.eadr.fence does not fail as devdax.adr.fence does/);
  });
});
