import { printLitmus } from '../../lang/print.js';
import { contract, type Contract } from '../../matrix/contracts.js';
import { modeById } from '../../matrix/modes.js';
import { RECIPES, type Recipe } from '../../matrix/recipes.js';
import type { CellRow } from '../../matrix/row.js';
import { PLATFORMS, type PlatformName } from '../../profiles/platforms.js';
import type { Loaded } from '../counterexample-load.js';
import { fixSentence } from '../fix-summary.js';
import { showLitmus } from '../show.js';
import type { Story } from '../story-shape.js';
import { storyOf } from '../story.js';

/** One counterexample of a page: how the page names its file, its story, and what a reader needs to act on it. */
export interface ReportEntry {
  /** The file as `daxcheck replay` is given it on the page: never an absolute path, so the page does not depend on where it was made. */
  readonly file: string;
  readonly story: Story;
  /** The program as stored in the file: its configuration, file declarations, operations and expectations. */
  readonly source: string;
  /** The counterexample as a litmus test for a catalogue (`daxcheck show --litmus`). */
  readonly litmus: string;
  /** What the documentation promises for the matrix cell it came from, or null for a litmus test's counterexample. */
  readonly contract: Contract | null;
  /** The verified fix as a sentence, or why there is none. */
  readonly fix: string;
}

/** The entry of a loaded counterexample; a matrix row, when given, supplies the contract and the fix its run recorded. */
export function reportEntry(loaded: Loaded, file: string, row?: CellRow): ReportEntry {
  const story = storyOf(loaded);
  return {
    file,
    story,
    source: loaded.cx.program,
    litmus: showLitmus(loaded, story, printLitmus),
    contract: row?.contract ?? cellContract(loaded.cx.cell),
    fix: row?.fix ?? fixSentence(story.fix),
  };
}

/** The contract of a counterexample's matrix cell, when it names a built-in mode, platform and recipe. */
function cellContract(cell: Loaded['cx']['cell']): Contract | null {
  const mode = cell && modeById(cell.mode);
  if (!cell || !mode || !(cell.platform in PLATFORMS) || !RECIPES.includes(cell.recipe as Recipe)) return null;
  return contract({ platform: cell.platform as PlatformName, failure: cell.failure ?? 'host' }, mode, cell.recipe as Recipe);
}
