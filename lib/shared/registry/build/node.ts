// Build code: runs in Node at build time (wxt.config.ts, the registry check, tests, the bench). Runtime code
// imports only `type`s from here: one value import would pull full zod and the registry's authoring data into a bundle.
// Reached from wxt.config.ts, which loads before Vite's `@/` alias exists: relative imports only, no `@/`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DATA_FILES,
  parseRegistry,
  RegistryError,
  type RawRegistry,
  type Registry,
  type RegistryProblem,
} from './check';

/**
 * Reads the registry's raw JSON from disk, for Node-side tools only (build config, registry check,
 * benchmark). A file that is not valid JSON is reported as a problem of that file, not thrown.
 */
export function readRegistryFiles(root: string): { raw: RawRegistry; unreadable: RegistryProblem[] } {
  const unreadable: RegistryProblem[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(root, file), 'utf8'));
    } catch (error) {
      unreadable.push({ file, path: '', message: `not readable as JSON: ${(error as Error).message}` });
      return undefined;
    }
  };
  const tools: Record<string, unknown> = {};
  for (const name of readdirSync(join(root, 'data', 'tools')).filter((file) => file.endsWith('.json'))) {
    const file = `data/tools/${name}`;
    const entry = read(file);
    if (entry !== undefined) tools[file] = entry;
  }
  const raw = {
    tools,
    meta: read(DATA_FILES.meta),
    wrappers: read(DATA_FILES.wrappers),
    uiStrings: read(DATA_FILES.uiStrings),
    registryPageStrings: read(DATA_FILES.registryPageStrings),
    glossary: read(DATA_FILES.glossary),
  };
  return { raw, unreadable };
}

/** Loads and validates the registry and the interface strings from disk; throws a RegistryError naming every bad file and field. */
export function loadRegistry(root: string): Registry {
  const { raw, unreadable } = readRegistryFiles(root);
  if (unreadable.length) throw new RegistryError(unreadable);
  return parseRegistry(raw);
}
