import { execFileSync } from 'node:child_process';

/** Builds dist/ once before any test file runs, so that tests which start the installed bin as a real process run today's code. */
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
