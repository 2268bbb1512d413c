import type { Choice } from './explore.js';
import { printSite, type Site } from '../core/site.js';
import { choosingOracle, type Oracle } from '../core/source.js';
import { message } from '../../lang/messages.js';

/**
 * An oracle that answers with the recorded `choices` (a site with one option needs none); a site not
 * recorded, or whose number of options changed, is a problem pushed on `problems` (option 0 is taken).
 */
export function choicesOracle(choices: readonly Choice[], problems: string[]): Oracle {
  const recorded = new Map(choices.map((c) => [printSite(c.site), c]));
  const choose = (site: Site, size: number): number => {
    if (size <= 1) return 0;
    const text = printSite(site);
    const c = recorded.get(text);
    if (!c) problems.push(message('siteNotRecorded', text));
    else if (c.of !== size) problems.push(message('siteOptionsChanged', text, size, c.of));
    return c && c.chosen < size ? c.chosen : 0;
  };
  // A recorded crash state names the option a narrowed site settled on, so narrowing replays as choosing.
  return choosingOracle(choose);
}
