import type { Observed } from './observe.js';
import type { Cond } from '../../lang/ast.js';

/** Whether `cond` holds for the observed values (validate.ts has checked names and kinds). */
export function holds(cond: Cond, values: Readonly<Record<string, Observed>>): boolean {
  switch (cond.kind) {
    case 'eq': {
      const v = values[cond.name]!;
      return v.kind === 'int' ? cond.value.kind === 'int' && v.value === cond.value.value : cond.value.kind === 'str' && v.text === cond.value.text;
    }
    case 'and':
      return holds(cond.left, values) && holds(cond.right, values);
    case 'or':
      return holds(cond.left, values) || holds(cond.right, values);
    case 'not':
      return !holds(cond.inner, values);
  }
}
