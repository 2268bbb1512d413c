import { describe, expect, it } from 'vitest';
import { packageRoot } from '../report/package-root.js';
import { collapse, cycles, importGraph } from './import-graph.js';

/**
 * The layers, lowest first (README "The tree"): a file may import from its own layer and the
 * layers below it, never from one above, and no files or folders import each other in a cycle.
 */
const LAYERS = ['lang', 'profiles', 'model', 'trace', 'properties', 'matrix', 'fix', 'report', 'api', 'cli'] as const;

const graph = importGraph(packageRoot(), [...LAYERS, 'bench']);
const layerOf = (file: string) => LAYERS.indexOf(file.split('/')[0] as (typeof LAYERS)[number]);
const folderOf = (file: string) => file.split('/').slice(0, -1).join('/');

describe('architecture', () => {
  it('reads every layer', () => {
    for (const layer of LAYERS) expect([...graph.keys()].some((f) => f.startsWith(`${layer}/`)), layer).toBe(true);
  });

  it('imports point one way, down the layers', () => {
    const upward = [...graph].flatMap(([from, tos]) => (layerOf(from) < 0 ? [] : tos.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} -> ${to}`)));
    expect(upward).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles(collapse(graph, folderOf))).toEqual([]);
  });

  it('finds a cycle and an upward import when there is one', () => {
    const seeded = new Map(graph);
    seeded.set('lang/ast.ts', [...(graph.get('lang/ast.ts') ?? []), 'cli/main.ts']);
    expect(cycles(seeded).length).toBeGreaterThan(0);
    expect(layerOf('cli/main.ts')).toBeGreaterThan(layerOf('lang/ast.ts'));
  });
});
