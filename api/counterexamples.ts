import { mkdirSync } from 'node:fs';
import { checkSchema } from '../report/counterexample-schema.js';
import { loadCounterexample, resolveCounterexample, type Loaded } from '../report/counterexample-load.js';
import { counterexampleFile, serialize, type Counterexample } from '../report/counterexample.js';
import { replay as replayLoaded, type Replayed } from '../report/replay.js';
import { showText } from '../report/show.js';
import { storyOf } from '../report/story.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import { asInput } from './litmus.js';

export type { Replayed };

/** Reads and validates a counterexample file (counterexamples/schema.json); a bad one is an InputError naming the field. */
export function readCounterexample(path: string): Counterexample {
  return asInput(path, () => loadCounterexample(path).cx);
}

/**
 * Replays a counterexample without the random generator: recovery runs at its crash point with its
 * crash-state choices and must observe its values and violate its expectation again. A record that
 * no longer replays says why (the model or the program changed).
 */
export function replay(cx: Counterexample): Replayed {
  return replayLoaded(loaded(cx));
}

/** The counterexample on one screen, as `daxcheck show` prints it: the program with the crash marked, what persisted, what recovery saw, and why. */
export function explain(cx: Counterexample): string {
  return showText(storyOf(loaded(cx))).join('\n');
}

/** Writes the record as `DIR/NAME.json` (the folder is made if missing; the file is replaced whole or not at all) and returns the path. */
export function writeCounterexample(cx: Counterexample, dir: string): string {
  checkSchema(cx);
  mkdirSync(dir, { recursive: true });
  const file = counterexampleFile(dir, cx.name);
  writeFileAtomic(file, serialize(cx));
  return file;
}

/** A record checked against the schema and resolved against its program, as the command line reads files. */
export function loaded(cx: Counterexample): Loaded {
  return asInput(cx.name ?? 'counterexample', () => {
    checkSchema(cx);
    return resolveCounterexample(cx);
  });
}
