/**
 * Build time only (Node, at `wxt build` and in Vitest): the registry's projections that bundles import as
 * virtual modules, each holding only what its page reads. Runtime code imports types from here, never values.
 */
import type { Plugin } from 'vite';
import type { Registry } from './check';
import { glanceOf, open, type Glance } from './glance';
import type { Tool } from './schema';

/** What the registry page's table reads of a tool beyond the key facts; its comparison reads the full entry. */
export interface TableRowInput extends Omit<Glance, 'hasNotes'> {
  residency: Pick<Tool['residency'], 'available'> & { unconfirmed?: unknown };
}

export function tableRowOf(tool: Tool): TableRowInput {
  const { hasNotes: _, ...glance } = glanceOf(tool);
  return { ...glance, residency: { available: tool.residency.available, ...open(tool.residency) } };
}

/** Each virtual module and what it holds per tool id; tools without a value are left out. */
const PROJECTIONS: Record<string, (tool: Tool) => unknown> = {
  /** The popup's first screen, in its start-up bundle. */
  'virtual:glance': glanceOf,
  /** The registry page's table. */
  'virtual:table-rows': tableRowOf,
  /** Search: the other names a tool is known by in either language, each once (catalog.ts). */
  'virtual:aliases': (tool): string[] | undefined => (tool.aliases ? [...new Set([...tool.aliases.en, ...tool.aliases.de])] : undefined),
};

/** Serves every projection as a virtual module, from the validated registry. */
export function projectionsPlugin(registry: Registry): Plugin {
  return {
    name: 'meeting-privacy-lens:projections',
    resolveId: (id) => (id in PROJECTIONS ? `\0${id}` : undefined),
    load(id) {
      const project = id.startsWith('\0') ? PROJECTIONS[id.slice(1)] : undefined;
      if (!project) return undefined;
      const entries = registry.tools.flatMap((tool) => {
        const value = project(tool);
        return value === undefined ? [] : [[tool.id, value]];
      });
      // A JSON.parse of a string literal is faster for V8 than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(Object.fromEntries(entries)))});`;
    },
  };
}
