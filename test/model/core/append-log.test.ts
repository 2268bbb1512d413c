import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { appendLog, type AppendLog } from '../../../model/core/append-log.js';

describe('AppendLog', () => {
  test.prop([fc.array(fc.tuple(fc.nat({ max: 20 }), fc.integer()), { maxLength: 40 })])(
    'appending to any version, newest or older, leaves every version with exactly its own items',
    (steps) => {
      const versions: [AppendLog<number>, number[]][] = [[appendLog(), []]];
      for (const [pick, item] of steps) {
        const [log, items] = versions[pick % versions.length]!;
        versions.push([log.append(item), [...items, item]]);
      }
      for (const [log, items] of versions) {
        expect(log.slice(0)).toEqual(items);
        expect(log.length).toBe(items.length);
        items.forEach((item, k) => expect(log.at(k)).toBe(item));
        expect(log.at(items.length)).toBeUndefined();
      }
    },
  );
});
