import { initialImage, copyLine, applyPiece, type CpuState, type HostWriteback, type Pending } from './cpu.js';
import { LINE, PAGE } from '../core/geometry.js';
import type { Oracle, Source } from '../core/source.js';

const LINES_PER_PAGE = PAGE / LINE;

/**
 * The media after a host power loss under a guest's pmem in the host page cache (DESIGN 1.5): what
 * the last flush request wrote back, and for each page some program-order prefix of the stores since,
 * because the host writes a dirty page back whole at any moment (mm/page-writeback.c; the guest's
 * flushes and fences reach only host memory). A read of a line narrows its page's prefix by how
 * many of the line's own stores it keeps, so prefixes that differ only in lines nobody reads are
 * one evaluation (DESIGN 1.4), and the crash state records the shortest prefix left open.
 */
export function hostCrashView(host: HostWriteback, initial: (line: number) => readonly number[], oracle: Oracle, floor: () => number = () => -1): { readLine(line: number): ArrayLike<number> } {
  const pages = hostPages(host);
  const read = new Map<number, ArrayLike<number>>();
  return {
    readLine(line) {
      let bytes = read.get(line);
      if (bytes) return bytes;
      const page = Math.floor(line / LINES_PER_PAGE);
      const found = pages.get(page);
      const image = copyLine(host.written.get(line) ?? initialImage(line, initial));
      if (found) {
        const { pieces } = found;
        const counts = keptOfLine(found, line);
        // A prefix shorter than what a flush request surely wrote back reads as that much.
        const least = flushedPrefix(pieces, floor());
        const at = (option: number) => Math.max(option, least);
        const k = at(oracle.narrow({ kind: 'host', page }, pieces.length + 1, `line ${line} above ${least}`, (option) => counts[at(option)]));
        for (let i = 0; i < k; i++) if (pieces[i]!.line === line) applyPiece(image, pieces[i]!);
      }
      read.set(line, (bytes = image.bytes));
      return bytes;
    },
  };
}

/** How many of a page's stores (in program order) the operations up to `op` made. */
function flushedPrefix(pieces: readonly Pending[], op: number): number {
  let k = 0;
  while (k < pieces.length && pieces[k]!.op <= op) k++;
  return k;
}

/** A page's stores since the last flush request, in program order, and for each line read how many of them each prefix keeps. */
interface HostPage {
  readonly pieces: readonly Pending[];
  readonly counts: Map<number, readonly number[]>;
}

/** For each prefix length k of a page's stores, how many of them are to `line`: worked out once per page and line. */
function keptOfLine(page: HostPage, line: number): readonly number[] {
  let counts = page.counts.get(line);
  if (counts) return counts;
  const made = [0];
  for (const piece of page.pieces) made.push(made.at(-1)! + (piece.line === line ? 1 : 0));
  page.counts.set(line, (counts = made));
  return counts;
}

/** Every crash point's view shares its host's pages: a host writeback is never changed, only replaced (the CPU state is a pure value). */
const PAGES = new WeakMap<HostWriteback, Map<number, HostPage>>();

/** The stores the guest made to each media page since the last flush request. */
function hostPages(host: HostWriteback): Map<number, HostPage> {
  let pages = PAGES.get(host);
  if (pages) return pages;
  const lists = new Map<number, Pending[]>();
  for (const piece of host.since) {
    const page = Math.floor(piece.line / LINES_PER_PAGE);
    const list = lists.get(page);
    if (list) list.push(piece);
    else lists.set(page, [piece]);
  }
  pages = new Map([...lists].map(([page, pieces]) => [page, { pieces, counts: new Map() }]));
  PAGES.set(host, pages);
  return pages;
}

/** For each media page the guest stored to since the last flush request: which prefix of those stores the host wrote back. */
export function hostSources(host: HostWriteback): Map<number, Source<readonly Pending[]>> {
  return new Map([...hostPages(host)].map(([page, { pieces }]) => [page, { options: pieces.length + 1, outcome: (k: number) => pieces.slice(0, k) }]));
}

/** The host's writeback when the crash view needs it: a CPU state made without one is a model error. */
export function hostOf(cpu: CpuState): HostWriteback {
  if (!cpu.host) throw new Error('a host-writeback crash view over a CPU state that logged no stores for the host');
  return cpu.host;
}
