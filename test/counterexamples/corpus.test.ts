import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCounterexample } from '../../report/counterexample-load.js';
import { packageRoot } from '../../cli/package-root.js';
import { replay } from '../../report/replay.js';
import { showText } from '../../report/show.js';
import { storyOf } from '../../report/story.js';

const root = join(packageRoot(), 'counterexamples');
const files = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.json')).sort();

describe('the counterexample corpus', () => {
  it('holds the lost cells of the matrix, with a README', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/replay/);
  });

  it('has a JSON Schema that requires the fields the loader checks', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schema.json'), 'utf8')) as { required: string[] };
    const [first] = files;
    const { cx } = loadCounterexample(join(root, 'corpus', first!));
    expect([...schema.required].sort()).toEqual(Object.keys(cx).sort());
  });

  it.each(files)('%s replays its recorded violation and explains it', (name) => {
    const loaded = loadCounterexample(join(root, 'corpus', name));
    expect(`${loaded.cx.name}.json`).toBe(name);
    expect(replay(loaded)).toEqual({ reproduces: true });
    const story = storyOf(loaded);
    expect(story.why).not.toMatch(/fails whatever persisted/);
    expect(showText(story).join('\n')).toContain('>>> crash');
  });
});
