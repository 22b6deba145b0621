// Build code: runs in Node at build time (wxt.config.ts, the registry check, tests, the bench). Runtime code
// imports only `type`s from here: one value import would pull full zod and the registry's authoring data into a bundle.
// Reached from wxt.config.ts, which loads before Vite's `@/` alias exists: relative imports only, no `@/`.
import type { Plugin } from 'vite';
import type { DetectableTool } from './rules-schema';
import type { LinkWrapper } from './wrappers-schema';
import { glanceOf, open, type Glance } from '../../key-facts';
import type { Registry } from './check';
import { DEFAULT_LANG, LANGS } from '../../lang';
import type { Status, Text, Tool } from './schema';

/** What lists, badges and search need of every tool; the full entries load on demand (lib/ui/popup-registry.ts). */
export interface CatalogEntry {
  id: string;
  name: Text;
  status: Status;
  /** Badge text, at most 4 characters. */
  label: string;
}

/** What detection needs at run time: rules without their examples, wrappers without sources and examples. */
export interface RuntimeRules {
  tools: DetectableTool[];
  wrappers: LinkWrapper[];
  /** Host suffixes of reverse proxies that serve other sites under their own name. */
  proxySuffixes: string[];
}

/** The catalog as users see it: by the default language's name, so every language lists tools in the same order. */
export function catalogOf(registry: Pick<Registry, 'tools'>): CatalogEntry[] {
  return registry.tools
    .map(({ id, name, status, detection }) => ({ id, name, status, label: detection.label }))
    .sort((a, b) => a.name[DEFAULT_LANG].localeCompare(b.name[DEFAULT_LANG]));
}

/** Every tool's first screen (lib/key-facts.ts) by id. */
export function glancesOf(registry: Pick<Registry, 'tools'>): Record<string, Glance> {
  return Object.fromEntries(registry.tools.map((tool) => [tool.id, glanceOf(tool)]));
}

/**
 * Examples and sources serve the registry check, the tests and the readers of data/; they are left out here
 * because the page scan and the background, which carry these rules, never read them.
 */
export function rulesOf(registry: Pick<Registry, 'tools' | 'wrappers' | 'meta'>): RuntimeRules {
  return {
    // The label travels in the catalog, which the badge reads.
    tools: registry.tools.map(({ id, detection: { label: _label, examples: _examples, ...rules } }) => ({
      id,
      detection: rules,
    })),
    wrappers: registry.wrappers.map(({ sources: _sources, examples: _examples, ...wrapper }) => wrapper),
    proxySuffixes: registry.meta.proxies.flatMap((proxy) => proxy.suffixes),
  };
}

/** What the registry page's table reads of a tool beyond the key facts; its comparison reads the full entry. */
export interface TableRowInput extends Omit<Glance, 'hasNotes'> {
  residency: Pick<Tool['residency'], 'available'> & { unconfirmed?: unknown };
}

export function tableRowOf(tool: Tool): TableRowInput {
  const { hasNotes: _, ...glance } = glanceOf(tool);
  return { ...glance, residency: { available: tool.residency.available, ...open(tool.residency) } };
}

/** The other names a tool is known by, in either language, each once; for search. */
export function aliasesOf(registry: Pick<Registry, 'tools'>): Record<string, string[]> {
  return Object.fromEntries(
    registry.tools.flatMap((tool) =>
      tool.aliases ? [[tool.id, [...new Set(LANGS.flatMap((lang) => tool.aliases![lang]))]]] : [],
    ),
  );
}

/** A JSON.parse of a string literal is faster for V8 than the same data as an object literal. */
const parsed = (value: unknown): string => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

/** Each virtual module's code, from the validated registry. */
const MODULES: Record<string, (registry: Registry) => string> = {
  'virtual:registry/catalog': (registry) =>
    `export const catalog = ${parsed(catalogOf(registry))};\nexport const dataAsOf = ${JSON.stringify(registry.meta.dataAsOf)};\n`,
  'virtual:registry/glance': (registry) => `export default ${parsed(glancesOf(registry))};\n`,
  /** The registry page's table, in that page's bundle only. */
  'virtual:registry/table-rows': (registry) =>
    `export default ${parsed(Object.fromEntries(registry.tools.map((tool) => [tool.id, tableRowOf(tool)])))};\n`,
  /** Search's other names, in a chunk the popup loads after start. */
  'virtual:registry/aliases': (registry) => `export default ${parsed(aliasesOf(registry))};\n`,
  'virtual:registry/rules': (registry) => {
    const { tools, wrappers, proxySuffixes } = rulesOf(registry);
    return `export const tools = ${parsed(tools)};\nexport const wrappers = ${parsed(wrappers)};\nexport const proxySuffixes = ${JSON.stringify(proxySuffixes)};\n`;
  },
};

/**
 * The one way runtime code reads the registry at start: virtual modules projected from the registry that
 * `loadRegistry` validated, so every bundle gets exactly the fields it runs on, and nothing unvalidated.
 * Full entries, loaded when a section opens, stay JSON chunks of data/tools (lib/ui/popup-registry.ts).
 */
export function registryPlugin(registry: Registry): Plugin {
  return {
    name: 'meeting-privacy-lens:registry',
    resolveId: (id) => (Object.hasOwn(MODULES, id) ? `\0${id}` : undefined),
    load(id) {
      const module = id.startsWith('\0') && Object.hasOwn(MODULES, id.slice(1)) ? MODULES[id.slice(1)] : undefined;
      return module?.(registry);
    },
  };
}
