// A worker script whose every task throws, as a bug in a unit would: test/cli/workers.test.ts.
export default function work() {
  throw new TypeError('boom');
}
