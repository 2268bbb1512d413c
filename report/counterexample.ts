import { join } from 'node:path';
import { resolveConfig } from '../profiles/config.js';
import { showObserved } from '../model/check/observe.js';
import type { CellResult } from '../matrix/cell.js';
import { describePoint } from './describe.js';
import { printSite } from '../model/core/site.js';
import { parseLitmus } from '../lang/parse.js';
import { printExpectation, printLitmus } from '../lang/print.js';

/** The schema version this daxcheck writes and reads (DESIGN section 3). */
export const COUNTEREXAMPLE_VERSION = 1;

/** A counterexample as stored: everything needed to replay it without the random generator. */
export interface Counterexample {
  readonly schema: 'daxcheck-counterexample';
  readonly version: number;
  readonly name: string;
  readonly cell: { readonly mode: string; readonly platform: string; readonly recipe: string } | null;
  /** The property violated: durability, atomicity, ordering, or a safety property. */
  readonly property: string;
  /** The program as a litmus test (with its configuration). */
  readonly program: string;
  /** The whole configuration in force, for readers (the program's config line is what replays). */
  readonly config: Readonly<Record<string, string>>;
  /** The violated expectation as written in the program, or null for a safety property. */
  readonly violated: string | null;
  readonly crashPoint: { readonly index: number; readonly description: string };
  /** Each choice of the crash state that the observations read. */
  readonly crashState: readonly { readonly site: string; readonly chosen: number; readonly of: number }[];
  readonly persisted: readonly string[];
  readonly observed: Readonly<Record<string, string>>;
  readonly fastCheck: { readonly seed: number; readonly path: string; readonly numRuns: number } | null;
}

/** The counterexample of a `lost` matrix cell. */
export function counterexampleOf(result: Extract<CellResult, { verdict: 'lost' }>): Counterexample {
  const { cell, found } = result;
  const program = printLitmus(found.test);
  // Re-read so that crash points are described by the line numbers of the stored program.
  const test = parseLitmus(program);
  return {
    schema: 'daxcheck-counterexample',
    version: COUNTEREXAMPLE_VERSION,
    name: shapeName(shapeOf(result)),
    cell: { mode: cell.mode.id, platform: cell.platform, recipe: cell.recipe },
    property: found.property,
    program,
    config: { ...resolveConfig(found.test.config) },
    violated: found.expectation ? printExpectation(found.expectation) : null,
    crashPoint: { index: found.evidence.pointIndex, description: describePoint(found.evidence.point, test) },
    crashState: found.evidence.choices.map((c) => ({ site: printSite(c.site), chosen: c.chosen, of: c.of })),
    persisted: [...found.evidence.persisted],
    observed: Object.fromEntries(Object.entries(found.evidence.values).map(([k, v]) => [k, showObserved(v)])),
    fastCheck: found.fastCheck,
  };
}

/** The file name of a cell's counterexample: its mode, platform, recipe and violated property. */
export function shapeName(shape: Shape): string {
  return `${shape.mode}.${shape.platform}.${shape.recipe}.${shape.property}`;
}

/** Where the counterexample of a `lost` cell is written under `out`: its shape name, as JSON. */
export function counterexampleFile(out: string, shape: Shape): string {
  return join(out, `${shapeName(shape)}.json`);
}

/** What names a counterexample: its cell's mode, platform and recipe, and the property violated. */
export interface Shape {
  readonly mode: string;
  readonly platform: string;
  readonly recipe: string;
  readonly property: string;
}

/** The shape of a `lost` cell's counterexample. */
export function shapeOf(result: Extract<CellResult, { verdict: 'lost' }>): Shape {
  return { mode: result.cell.mode.id, platform: result.cell.platform, recipe: result.cell.recipe, property: result.found.property };
}

/** Deterministic JSON text: two-space indent, keys in the order written above, a final newline. */
export function serialize(cx: Counterexample): string {
  return `${JSON.stringify(cx, null, 2)}\n`;
}
