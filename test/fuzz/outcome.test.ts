import { describe, expect, it } from 'vitest';
import { BOUND_MS, counterexampleProblems, problemsOf, runProblems, type Outcome } from '../../properties/fuzz/outcome.js';
import { tame } from '../../properties/fuzz/tame.js';

const ok: Outcome = { status: 0, stdout: [], stderr: [], ms: 1 };

/** The fuzz laws catch what they are for (a checker that cannot fail proves nothing). */
describe('fuzz laws', () => {
  it('an exit status of 3, an exception, a run past the bound and a stack trace are problems', () => {
    expect(problemsOf(ok)).toEqual([]);
    expect(problemsOf({ ...ok, status: 3 })).toEqual(['crash']);
    expect(problemsOf({ ...ok, status: undefined, thrown: 'RangeError' })).toEqual(['crash']);
    expect(problemsOf({ ...ok, ms: BOUND_MS + 1 })).toEqual(['hang']);
    expect(problemsOf({ ...ok, stderr: ['    at parse (file:///x/lang/parse.js:12:7)'] })).toEqual(['stack trace']);
    expect(problemsOf({ ...ok, stdout: ['TypeError: x is undefined'] })).toEqual(['stack trace']);
  });

  it("a run's error must name the file, and the parser's line and column", () => {
    const text = 'daxcheck t\nfrob\n';
    expect(runProblems({ ...ok, status: 2, stderr: ['t.litmus:2:1: expected config, file, device or program, found \'frob\''] }, 't.litmus', text, false)).toEqual([]);
    expect(runProblems({ ...ok, status: 2, stderr: ['t.litmus:1:1: expected something'] }, 't.litmus', text, false)).toEqual(['misplaced error']);
    expect(runProblems({ ...ok, status: 2, stdout: ['{"error":{"file":"t.litmus","line":null,"column":null,"message":"m"}}'] }, 't.litmus', text, true)).toEqual(['misplaced error']);
    expect(runProblems({ ...ok, status: 2, stdout: ['not json'] }, 't.litmus', text, true)).toEqual(['misplaced error']);
  });

  it("a counterexample file's error names the file and no line of it", () => {
    expect(counterexampleProblems({ ...ok, status: 2, stderr: ["c.json: field 'name': expected a string"] }, 'c.json', false)).toEqual([]);
    expect(counterexampleProblems({ ...ok, status: 2, stderr: ['c.json:9:14: unknown label'] }, 'c.json', false)).toEqual(['misplaced error']);
  });

  it('taming lowers sizes past 64K, observed lengths and repeat counts past 64 bytes, and leaves what the parser refuses', () => {
    expect(tame('file f size=4M\n  truncate f 0x100000\n  write f 65536 0x1\n')).toBe('file f size=65536\n  truncate f 65536\n  write f 65536 0x1\n');
    expect(tame('observe x = d[0:4K]\n  store m[0] 0x41*4096\n')).toBe('observe x = d[0:64]\n  store m[0] 0x41*64\n');
    expect(tame('observe x = d[0:8] as str\n  store m[0] 0x41*5M\n  store m[0] 0x41*-1\n')).toBe('observe x = d[0:8] as str\n  store m[0] 0x41*5M\n  store m[0] 0x41*-1\n');
  });
});
