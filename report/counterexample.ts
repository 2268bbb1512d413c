import { join } from 'node:path';
import { resolveConfig } from '../profiles/config.js';
import type { Evidence } from '../model/check/check.js';
import { showObserved } from '../model/check/observe.js';
import { SAFETY } from '../model/fs/safety.js';
import { PROPERTIES } from '../matrix/claims.js';
import type { CellResult } from '../matrix/cell.js';
import { columnName } from '../matrix/column.js';
import type { Failure } from '../model/core/persistence.js';
import { describePoint } from './describe.js';
import { packageVersion } from './package-root.js';
import { printSite } from '../model/core/site.js';
import type { Expectation, Litmus } from '../lang/ast.js';
import { parseLitmus } from '../lang/parse.js';
import { printExpectation, printLitmus } from '../lang/print.js';

/** The schema version this daxcheck writes and reads (DESIGN section 3). */
export const COUNTEREXAMPLE_VERSION = 1;

/** The property of a litmus test's own expectation, which claims none of the matrix's properties. */
export const LITMUS_EXPECTATION = 'expectation';

/** The properties a record can name: the schema's `property` enum (a test keeps the two equal). */
export const COUNTEREXAMPLE_PROPERTIES: readonly string[] = [...PROPERTIES, ...Object.keys(SAFETY), LITMUS_EXPECTATION];

/** A counterexample as stored: everything needed to replay it without the random generator. */
export interface Counterexample {
  readonly schema: 'daxcheck-counterexample';
  readonly version: number;
  /** The version of daxcheck that wrote it; files written before the field existed lack it. */
  readonly daxcheck?: string;
  readonly name: string;
  /** The matrix cell, or null for a litmus test; `failure` only for a guest's crash (a whole-machine power loss is the default). */
  readonly cell: { readonly mode: string; readonly platform: string; readonly failure?: Failure; readonly recipe: string } | null;
  /** The property violated: a matrix claim (durability, atomicity, ordering), a safety property, or `LITMUS_EXPECTATION`. */
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

/** What a counterexample shows violated: a property, and the expectation stating it (none for a safety property). */
export interface Violation {
  readonly property: string;
  readonly expectation?: Expectation;
}

/** What a counterexample is made of: its name, the test, what it violated, the crash state that shows it, and where it was found. */
export interface CounterexampleSource {
  readonly name: string;
  readonly test: Litmus;
  readonly violation: Violation;
  readonly evidence: Evidence;
  /** The matrix cell, or null for a litmus test. */
  readonly cell: Counterexample['cell'];
  /** fast-check's seed and path, or null for a litmus test. */
  readonly fastCheck: Counterexample['fastCheck'];
}

/** The one builder of a counterexample, for a matrix cell and for a litmus test alike. */
export function counterexample({ name, test, violation, evidence, cell, fastCheck }: CounterexampleSource): Counterexample {
  const program = printLitmus(test);
  // Re-read so that crash points are described by the line numbers of the stored program.
  const stored = parseLitmus(program);
  return {
    schema: 'daxcheck-counterexample',
    version: COUNTEREXAMPLE_VERSION,
    daxcheck: packageVersion(),
    name,
    cell,
    property: violation.property,
    program,
    config: { ...resolveConfig(test.config) },
    violated: violation.expectation ? printExpectation(violation.expectation) : null,
    crashPoint: { index: evidence.pointIndex, description: describePoint(evidence.point, stored) },
    crashState: evidence.choices.map((c) => ({ site: printSite(c.site), chosen: c.chosen, of: c.of })),
    persisted: [...evidence.persisted],
    observed: Object.fromEntries(Object.entries(evidence.values).map(([k, v]) => [k, showObserved(v)])),
    fastCheck,
  };
}

/** The counterexample of a `lost` matrix cell. */
export function counterexampleOf(result: Extract<CellResult, { verdict: 'lost' }>): Counterexample {
  const { cell, found } = result;
  return counterexample({
    name: shapeName(shapeOf(result)),
    test: found.test,
    violation: found,
    evidence: found.evidence,
    cell: { mode: cell.mode.id, platform: cell.platform, ...(cell.failure === 'host' ? {} : { failure: cell.failure }), recipe: cell.recipe },
    fastCheck: found.fastCheck,
  });
}

/** The file name of a cell's counterexample: its mode, column (platform and failure), recipe and violated property. */
export function shapeName(shape: Shape): string {
  return `${shape.mode}.${columnName(shape)}.${shape.recipe}.${shape.property}`;
}

/** Where the counterexample named `name` is written under `out`: `NAME.json`, so that a file's name is its `name` field. */
export function counterexampleFile(out: string, name: string): string {
  return join(out, `${name}.json`);
}

/** What names a counterexample: its cell's mode, platform and recipe, and the property violated. */
export interface Shape {
  readonly mode: string;
  readonly platform: string;
  readonly failure?: Failure;
  readonly recipe: string;
  readonly property: string;
}

/** The shape of a `lost` cell's counterexample. */
function shapeOf(result: Extract<CellResult, { verdict: 'lost' }>): Shape {
  return { mode: result.cell.mode.id, platform: result.cell.platform, failure: result.cell.failure, recipe: result.cell.recipe, property: result.found.property };
}

/** Deterministic JSON text: two-space indent, keys in the order written above, a final newline. */
export function serialize(cx: Counterexample): string {
  return `${JSON.stringify(cx, null, 2)}\n`;
}
