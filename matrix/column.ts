import { persistenceOf, type Failure, type Persistence } from '../model/core/persistence.js';
import { PLATFORM_NAMES, PLATFORMS, type PlatformName } from '../profiles/platforms.js';

/** A column of the matrix: a platform, and what fails at the crash (DESIGN 1.5). */
export interface Column {
  readonly platform: PlatformName;
  readonly failure: Failure;
}

/**
 * The matrix's columns, in table order: every platform against a whole-machine power loss, and the
 * platforms with a host (a guest's pmem) also against the guest's own crash, which the host survives.
 */
export const COLUMNS: readonly Column[] = PLATFORM_NAMES.flatMap((platform): Column[] =>
  PLATFORMS[platform].domain.host ? [{ platform, failure: 'host' }, { platform, failure: 'guest' }] : [{ platform, failure: 'host' }],
);

/** A column's name in cell ids and file names: the platform, with `@guest` for a guest's crash. */
export function columnName({ platform, failure = 'host' }: { readonly platform: string; readonly failure?: Failure }): string {
  return failure === 'host' ? platform : `${platform}@${failure}`;
}

/** The persistence rules a column's crashes follow: all the model reads of its platform and failure. */
export function columnPersistence({ platform, failure }: Column): Persistence {
  return persistenceOf(PLATFORMS[platform].domain, failure);
}

/** A key equal for two columns exactly when their persistence rules are: their cells are the same check. */
export function rulesKey(column: Column): string {
  return JSON.stringify(columnPersistence(column));
}
