import { existsSync, readFileSync } from 'node:fs';
import { userError } from '../messages.js';

/** pmreorder's engines (memoryoperations.py, the ReorderBase classes a marker may name). */
export const MARKER_ENGINES = ['NoReorderNoCheck', 'NoReorderDoCheck', 'ReorderFull', 'ReorderAccumulative', 'ReorderReverseAccumulative', 'ReorderPartial', 'ReorderDefault'] as const;

/** A pmreorder engine. */
export type MarkerEngine = (typeof MARKER_ENGINES)[number];

/** Engines by marker name. */
export type MarkerConfig = ReadonlyMap<string, MarkerEngine>;

/**
 * pmreorder's marker configuration (`-x`, markerparser.py): a JSON file `{"NAME": "Engine", ...}`
 * when `text` names an existing file, else `NAME=Engine,...`.
 */
export function parseMarkerConfig(text: string): MarkerConfig {
  const pairs = existsSync(text) ? jsonPairs(text) : text.split(',').map((pair) => pair.split('='));
  return new Map(pairs.map((pair) => entry(text, pair)));
}

function entry(text: string, pair: readonly unknown[]): [string, MarkerEngine] {
  const [name, engine] = pair;
  if (pair.length !== 2 || typeof name !== 'string' || name === '' || typeof engine !== 'string') throw userError('markerConfigPair', undefined, text, pair.join('='));
  if (!(MARKER_ENGINES as readonly string[]).includes(engine)) throw userError('markerConfigEngine', undefined, text, engine, MARKER_ENGINES);
  return [name, engine as MarkerEngine];
}

function jsonPairs(file: string): unknown[][] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw userError('markerConfigJson', undefined, file, (e as Error).message);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw userError('markerConfigJson', undefined, file, 'not an object');
  return Object.entries(json);
}

/**
 * Whether crashes are checked with `open` markers open (outermost first), as pmreorder chooses the
 * engine (operationfactory.py): that of the innermost configured marker, else the default. Only
 * NoReorderNoCheck checks nothing; every other engine is a way of sampling the crash states that
 * daxcheck enumerates, so it changes nothing here (docs/trace.md).
 */
export function checkedUnder(config: MarkerConfig, open: readonly string[]): boolean {
  const engine = open.map((name) => config.get(name)).filter((e) => e !== undefined).at(-1);
  return engine !== 'NoReorderNoCheck';
}
