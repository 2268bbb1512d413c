import { persistenceOf } from '../model/core/persistence.js';
import type { PersistContext } from '../model/x86/persist.js';
import { NO_BUGS } from '../profiles/bugs.js';
import { PLATFORMS, type PlatformName } from '../profiles/platforms.js';
import { Layout } from './layout.js';
import { loadImage } from './load-image.js';

/** The layout of a run over the pre-run `images` (the k-th for the k-th file registered, else its registered path) and the model's context on `platform`. */
export function traceContext(images: readonly string[], platform: PlatformName): { layout: Layout; ctx: PersistContext } {
  const layout = new Layout((path, k) => loadImage(images[k] ?? path));
  const ctx: PersistContext = { persistence: persistenceOf(PLATFORMS[platform].domain, 'host'), bugs: NO_BUGS, initial: (line) => layout.initial(line) };
  return { layout, ctx };
}
