import { SAFETY } from '../fs/safety.js';
import type { Machine } from '../kernel/machine.js';
import type { Cond, Litmus, Observation } from '../../lang/ast.js';
import { userError } from '../../lang/messages.js';

/**
 * The checks a test must pass before it runs: observations name declared targets and ranges inside
 * them, observation names are unique, and conditions compare known observations with values of the
 * right kind. Each failure is a user error at the offending position.
 */
export function validate(test: Litmus, initial: Machine): void {
  const kinds = new Map<string, 'int' | 'str'>();
  const names = fileNames(test);
  for (const obs of test.observations) {
    if (kinds.has(obs.name)) throw userError('observationTwice', obs.at, obs.name);
    checkTarget(obs, initial, names);
    kinds.set(obs.name, obs.kind === 'bytes' && obs.asStr ? 'str' : 'int');
  }
  for (const exp of test.expectations) checkCond(exp.cond, kinds, exp.at);
  for (const claim of test.claims?.safetyFails ?? []) {
    if (!Object.hasOwn(SAFETY, claim.property)) throw userError('unknownSafetyProperty', claim.at, claim.property, Object.keys(SAFETY));
  }
  const labels = new Set(test.program.flatMap((op) => (op.op === 'label' ? [op.name] : [])));
  for (const exp of test.expectations) {
    const scope = exp.scope;
    if ((scope.kind === 'after' || scope.kind === 'before') && !labels.has(scope.label)) {
      throw userError('unknownLabel', scope.at ?? exp.at, scope.label);
    }
  }
}

/** Names a test can observe: declared devices and files, and files the program creates, renames or clones. */
function fileNames(test: Litmus): Set<string> {
  const names = test.decls.map((d) => d.name);
  for (const op of test.program) {
    if (op.op === 'create') names.push(op.file);
    if (op.op === 'rename') names.push(op.to);
    if (op.op === 'reflink') names.push(op.dst);
  }
  return new Set(names);
}

function checkTarget(obs: Observation, initial: Machine, names: ReadonlySet<string>): void {
  const dev = initial.devices[obs.target];
  if (!dev) {
    if (!names.has(obs.target)) throw userError('unknownTarget', obs.at, obs.target);
    if (obs.kind === 'bytes' && obs.len <= 0) throw userError('emptyRange', obs.at, obs.target);
    return;
  }
  if (obs.kind === 'size') throw userError('deviceSizeObserved', obs.at, obs.target);
  if (obs.kind === 'bytes' && (obs.len <= 0 || obs.off + obs.len > dev.size)) {
    throw userError('rangeOutsideDevice', obs.at, obs.off, obs.len, obs.target, dev.size);
  }
}

function checkCond(cond: Cond, kinds: ReadonlyMap<string, 'int' | 'str'>, at: Litmus['expectations'][number]['at']): void {
  switch (cond.kind) {
    case 'eq': {
      const kind = kinds.get(cond.name);
      if (!kind) throw userError('unknownObservation', cond.at ?? at, cond.name);
      if (kind !== cond.value.kind) {
        throw userError('comparedWrongKind', cond.at ?? at, cond.name, kind === 'str', cond.value.kind === 'str');
      }
      return;
    }
    case 'not':
      return checkCond(cond.inner, kinds, at);
    default:
      checkCond(cond.left, kinds, at);
      checkCond(cond.right, kinds, at);
  }
}
