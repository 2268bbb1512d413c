import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LITMUS_EXPECTATION, type Counterexample } from '../../report/counterexample.js';
import { loadCounterexample } from '../../report/counterexample-load.js';
import { SCHEMA_FILE } from '../../report/counterexample-schema.js';
import { PROPERTIES } from '../../matrix/claims.js';
import { SAFETY } from '../../model/fs/safety.js';
import { packageRoot } from '../../report/package-root.js';
import { replay } from '../../report/replay.js';
import { showText } from '../../report/show.js';
import { storyOf } from '../../report/story.js';

const root = join(packageRoot(), 'counterexamples');
const files = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.json')).sort();

/** The parts of the schema these tests read. */
interface Schema {
  readonly required: string[];
  readonly properties: Record<string, { readonly enum?: string[] }> & { readonly property: { readonly enum: string[] } };
  readonly allOf: { readonly required: string[]; readonly properties: Record<string, unknown> }[];
}
const schema = JSON.parse(readFileSync(join(root, 'schema.json'), 'utf8')) as Schema;

describe('the counterexample corpus', () => {
  it('holds the lost cells of the matrix, with a README', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/replay/);
  });

  it('has a JSON Schema that names every field written, and requires all but the version of daxcheck', () => {
    const { cx } = loadCounterexample(join(root, 'corpus', files[0]!));
    const fields = [...Object.keys(schema.properties), ...schema.allOf.flatMap((s) => Object.keys(s.properties))];
    const required = [...schema.required, ...schema.allOf.flatMap((s) => s.required)];
    expect(fields.sort()).toEqual(Object.keys(cx).sort());
    expect(required.sort()).toEqual(Object.keys(cx).filter((k) => k !== 'daxcheck').sort());
  });

  it("has in its schema exactly the properties daxcheck knows: the matrix's claims, the safety properties and a litmus test's expectation", () => {
    expect(schema.properties.property.enum).toEqual([...PROPERTIES, ...Object.keys(SAFETY), LITMUS_EXPECTATION]);
  });

  it('ships its schema in the package, where the loader reads it', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('counterexamples/schema.json');
    expect(pkg.files).not.toContain('counterexamples');
    expect(SCHEMA_FILE).toBe(join(root, 'schema.json'));
  });

  it('records the version of daxcheck that wrote each file, and still loads a file written before the field existed', () => {
    const text = readFileSync(join(root, 'corpus', files[0]!), 'utf8');
    const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    expect((JSON.parse(text) as Counterexample).daxcheck).toBe(version);
    const { daxcheck: _, ...older } = JSON.parse(text) as Counterexample;
    const file = join(mkdtempSync(join(tmpdir(), 'daxcheck-corpus-')), 'older.json');
    writeFileSync(file, JSON.stringify(older));
    expect(replay(loadCounterexample(file))).toEqual({ reproduces: true });
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
