/** The golden report of a litmus test: `foo.litmus` has `foo.expected` beside it. */
export function goldenPath(file: string): string {
  return file.replace(/\.litmus$/, '') + '.expected';
}
