/** The defaults of `daxcheck matrix`; its golden `matrix.expected` is the table they give. */
export const MATRIX_DEFAULTS = { seed: 1, numRuns: 100, out: 'matrix-out' } as const;

/** The matrix's golden, relative to the package root: the table `daxcheck matrix` prints with its defaults. */
export const MATRIX_GOLDEN = 'matrix.expected';
/** The corpus, relative to the package root: the counterexample of every `lost` cell at the defaults. */
export const CORPUS = 'counterexamples/corpus';
