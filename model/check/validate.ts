import { UserError } from '../../lang/errors.js';
import { SAFETY } from '../fs/safety.js';
import type { Machine } from '../kernel/machine.js';
import type { Cond, Litmus, Observation } from '../../lang/ast.js';

/**
 * The checks a test must pass before it runs: observations name declared targets and ranges inside
 * them, observation names are unique, and conditions compare known observations with values of the
 * right kind. Each failure is a user error at the offending position.
 */
export function validate(test: Litmus, initial: Machine): void {
  const kinds = new Map<string, 'int' | 'str'>();
  const names = fileNames(test);
  for (const obs of test.observations) {
    if (kinds.has(obs.name)) throw new UserError(`observation '${obs.name}' is defined twice`, obs.at);
    checkTarget(obs, initial, names);
    kinds.set(obs.name, obs.kind === 'bytes' && obs.asStr ? 'str' : 'int');
  }
  for (const exp of test.expectations) checkCond(exp.cond, kinds, exp.at);
  for (const claim of test.claims?.safetyFails ?? []) {
    if (!Object.hasOwn(SAFETY, claim.property)) throw new UserError(`unknown safety property '${claim.property}' in 'Safety: ... fails' (expected one of ${Object.keys(SAFETY).join(', ')})`, claim.at);
  }
  const labels = new Set(test.program.flatMap((op) => (op.op === 'label' ? [op.name] : [])));
  for (const exp of test.expectations) {
    const scope = exp.scope;
    if ((scope.kind === 'after' || scope.kind === 'before') && !labels.has(scope.label)) {
      throw new UserError(`unknown label '${scope.label}' (no '${scope.label}:' in the program)`, scope.at ?? exp.at);
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
    if (!names.has(obs.target)) throw new UserError(`unknown file or device '${obs.target}' (declare it, or create it in the program)`, obs.at);
    if (obs.kind === 'bytes' && obs.len <= 0) throw new UserError(`observed range of ${obs.target} must have a length above 0`, obs.at);
    return;
  }
  if (obs.kind === 'size') throw new UserError(`size() of device '${obs.target}': a device has no file size`, obs.at);
  if (obs.kind === 'bytes' && (obs.len <= 0 || obs.off + obs.len > dev.size)) {
    throw new UserError(`observed range ${obs.off}:${obs.len} is outside device '${obs.target}' (${dev.size} bytes)`, obs.at);
  }
}

function checkCond(cond: Cond, kinds: ReadonlyMap<string, 'int' | 'str'>, at: Litmus['expectations'][number]['at']): void {
  switch (cond.kind) {
    case 'eq': {
      const kind = kinds.get(cond.name);
      if (!kind) throw new UserError(`unknown observation '${cond.name}' in condition`, cond.at ?? at);
      if (kind !== cond.value.kind) {
        throw new UserError(`observation '${cond.name}' is ${kind === 'str' ? 'a string' : 'an integer'}, compared with ${cond.value.kind === 'str' ? 'a string' : 'an integer'}`, cond.at ?? at);
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
