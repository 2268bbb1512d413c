import fc from 'fast-check';
import { applyEdits, edit, pick, type Edit } from './edit.js';

/** A JSON value as `JSON.parse` gives it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values of the wrong type, out of range, or naming what does not exist. */
const ODD_VALUES: Json[] = [
  ...[null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53, 2 ** 64, 1e308, -1e308, '', 'x', [], {}, [1], { a: 1 }],
  ...['line 0', 'line 99999', 'line -1', 'nt 0', 'nt 4294967296', 'journal', 'page 0:0', 'page 99:99999', 'meta 1:2', 'landed 0:0', 'line'],
  ...['forall x=1', 'forall after ack0: w0=0x42', 'durability', 'block-ownership', 'no-stale-data', '0:0:0', 'frob'],
];
/** Whole numbers for `chosen`, `of` and `index`: at and past every edge. */
const ODD_NATURALS = [0, 1, 2, 3, 99, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER];

const index = fc.nat(400);

/** Every path to a value inside `json`, the root (`[]`) first. */
function paths(json: Json, at: (string | number)[] = []): (string | number)[][] {
  if (json === null || typeof json !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(json) ? json.map((_, i) => i) : Object.keys(json);
  return [at, ...keys.flatMap((k) => paths((json as Record<string | number, Json>)[k]!, [...at, k]))];
}

/** `json` with the value at the `i`-th path (not the root) changed by `f` (`undefined` removes it). */
function atPath(i: number, f: (value: Json | undefined) => Json | undefined): (json: Json) => Json {
  return (json) => {
    const inner = paths(json).slice(1);
    return inner.length === 0 ? json : update(json, pick(inner, i), f);
  };
}

/** `json` with the value at `path` changed by `f`; a path through something that is not a container changes nothing. */
function update(json: Json, path: readonly (string | number)[], f: (value: Json | undefined) => Json | undefined): Json {
  const [key, ...rest] = path;
  if (key === undefined || json === null || typeof json !== 'object') return json;
  const old = (json as Record<string | number, Json>)[key];
  const inner = rest.length === 0 ? f(old) : old === undefined ? undefined : update(old, rest, f);
  if (Array.isArray(json)) return inner === undefined ? json.filter((_, k) => k !== key) : json.map((v, k) => (k === key ? inner : v));
  const { [key]: _, ...others } = json;
  return inner === undefined ? others : { ...others, [key]: inner };
}

const dropField = index.map((i) => edit<Json>(`drop value #${i}`, atPath(i, () => undefined)));

const setField = fc.tuple(index, fc.constantFrom(...ODD_VALUES)).map(([i, v]) => edit<Json>(`value #${i} becomes ${JSON.stringify(v)}`, atPath(i, () => v)));

const setChoice = fc.tuple(fc.constantFrom('chosen', 'of'), fc.constantFrom(...ODD_NATURALS)).map(([field, n]) =>
  edit<Json>(`every crash-state ${field} becomes ${n}`, (json) => update(json, ['crashState'], (list) => (Array.isArray(list) ? list.map((c) => ({ ...(c as object), [field]: n })) : list))),
);

const setCrashPoint = fc.constantFrom(...ODD_NATURALS).map((n) => edit<Json>(`crashPoint.index becomes ${n}`, (json) => update(json, ['crashPoint', 'index'], () => n)));

const addField = fc.constantFrom('frob', 'schema', '__proto__', 'constructor').map((key) =>
  edit<Json>(`add a field ${key}`, (json) => (json !== null && typeof json === 'object' && !Array.isArray(json) ? { ...json, [key]: 1 } : json)),
);

/** JSON-level edits of a counterexample file: drop, retype or add fields, odd crash states and crash points. */
export const jsonEdit: fc.Arbitrary<Edit<Json>> = fc.oneof(dropField, setField, setChoice, setCrashPoint, addField);

/** An edit of the string at the top-level `field` by `edits` and then `after` (as a litmus test is edited inside `program`). */
export function fieldEdit(field: string, edits: fc.Arbitrary<Edit<string>[]>, after: (text: string) => string): fc.Arbitrary<Edit<Json>> {
  return edits.map((inner) =>
    edit<Json>(`${field}: ${inner.map((e) => e.label).join('; ')}`, (json) =>
      update(json, [field], (v) => (typeof v === 'string' ? after(applyEdits(v, inner)) : v)),
    ),
  );
}
