import { InvalidArgumentError } from 'commander';
import { message } from '../lang/messages.js';

/** A commander parser for a whole number of at least 1. */
export function atLeastOne(option: string): (value: string) => number {
  return (value) => {
    const n = wholeNumber(option)(value);
    if (n < 1) throw new InvalidArgumentError(message('atLeastOne', option, value));
    return n;
  };
}

/** A commander parser for a whole number, refusing anything else with a clear message. */
export function wholeNumber(option: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError(message('wholeNumber', option, value));
    return Number(value);
  };
}
