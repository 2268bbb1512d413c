import type { Reporter } from './events.js';
import { githubReporter } from './github-reporter.js';
import { jsonReporter } from './json-reporter.js';
import { junitReporter } from './junit-reporter.js';
import { textReporter } from './text-reporter.js';

/** Every output format behind `--format`, by name, each made fresh for one command; a new format is one reporter and one entry here. */
export const REPORTERS = {
  text: () => textReporter,
  json: () => jsonReporter,
  junit: junitReporter,
  github: () => githubReporter,
} as const satisfies Record<string, () => Reporter>;

export type Format = keyof typeof REPORTERS;

/** The format names, in the order `--help` lists them. */
export const FORMATS = Object.keys(REPORTERS) as Format[];
