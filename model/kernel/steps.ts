import { produce, type Draft } from 'immer';
import type { Machine } from './machine.js';
import type { StepOutcome } from './outcome.js';

/**
 * Builds the micro-steps of one operation: each `step` is one immer transition whose result is a
 * crash point inside the operation (the last one is the state after it).
 */
export class Steps {
  private readonly states: Machine[] = [];

  constructor(public current: Machine) {}

  /** Applies `recipe` as the next micro-step. */
  step(recipe: (draft: Draft<Machine>) => void): this {
    this.current = produce(this.current, recipe);
    this.states.push(this.current);
    return this;
  }

  /** The operation's outcome: its micro-steps, or one step that changed nothing. */
  done(): StepOutcome {
    return { ok: true, steps: this.states.length > 0 ? this.states : [this.current] };
  }
}
