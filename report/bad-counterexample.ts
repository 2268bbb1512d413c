import { UserError } from '../lang/errors.js';
import { message } from '../lang/messages.js';

/** A field of a counterexample file that is missing or malformed: named by its path, with the reason. */
export class BadCounterexample extends UserError {
  constructor(field: string, reason: string) {
    super(message('badField', field, reason));
    this.name = 'BadCounterexample';
  }
}
