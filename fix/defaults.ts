/** Two edits find every fix of the matrix's lost cells; 2000 checks keep a search of a 20-line program to seconds. */
export const FIX_DEFAULTS = { maxSize: 2, maxChecks: 2000 } as const;
