import { initialImage, copyLine, applyPiece, type CpuState, type HostWriteback, type Pending } from './cpu.js';
import { LINE, PAGE } from '../core/geometry.js';
import { resolve, type Oracle, type Source } from '../core/source.js';

const LINES_PER_PAGE = PAGE / LINE;

/**
 * The media after a host power loss under a guest's pmem in the host page cache (DESIGN 1.5): what
 * the last flush request wrote back, and for each page some program-order prefix of the stores since,
 * because the host writes a dirty page back whole at any moment (mm/page-writeback.c; the guest's
 * flushes and fences reach only host memory). A page's prefix is chosen once, when an observation
 * first reads one of its lines.
 */
export function hostCrashView(host: HostWriteback, initial: (line: number) => readonly number[], oracle: Oracle): { readLine(line: number): ArrayLike<number> } {
  const sources = hostSources(host);
  const kept = new Map<number, readonly Pending[]>();
  return {
    readLine(line) {
      const page = Math.floor(line / LINES_PER_PAGE);
      let pieces = kept.get(page);
      if (!pieces) kept.set(page, (pieces = sources.has(page) ? resolve(oracle, { kind: 'host', page }, sources.get(page)!) : []));
      const image = copyLine(host.written.get(line) ?? initialImage(line, initial));
      for (const piece of pieces) if (piece.line === line) applyPiece(image, piece);
      return image.bytes;
    },
  };
}

/** For each media page the guest stored to since the last flush request: which prefix of those stores the host wrote back. */
export function hostSources(host: HostWriteback): Map<number, Source<readonly Pending[]>> {
  const pages = new Map<number, Pending[]>();
  for (const piece of host.since) {
    const page = Math.floor(piece.line / LINES_PER_PAGE);
    pages.set(page, [...(pages.get(page) ?? []), piece]);
  }
  return new Map([...pages].map(([page, pieces]) => [page, { options: pieces.length + 1, outcome: (k: number) => pieces.slice(0, k) }]));
}

/** The host's writeback when the crash view needs it: a CPU state made without one is a model error. */
export function hostOf(cpu: CpuState): HostWriteback {
  if (!cpu.host) throw new Error('a host-writeback crash view over a CPU state that logged no stores for the host');
  return cpu.host;
}
