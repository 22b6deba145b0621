import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseRegistry, RegistryError, type Registry, type RegistryProblem } from './index';

/**
 * Reads the registry's raw JSON from disk, for Node-side tools only (build config, checks, benchmark).
 * A file that is not valid JSON is reported as a problem of that file, not thrown.
 */
export function readRegistryFiles(root: string): {
  files: Record<string, unknown>;
  meta: unknown;
  unreadable: RegistryProblem[];
} {
  const dir = join(root, 'data', 'tools');
  const files: Record<string, unknown> = {};
  const unreadable: RegistryProblem[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const path = join(dir, name);
    const key = relative(root, path);
    try {
      files[key] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      unreadable.push({ file: key, path: '', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  const meta: unknown = JSON.parse(readFileSync(join(root, 'data', 'registry.json'), 'utf8'));
  return { files, meta, unreadable };
}

/** Loads and validates the registry from disk; throws a RegistryError naming every bad file and field. */
export function loadRegistry(root: string): Registry {
  const { files, meta, unreadable } = readRegistryFiles(root);
  if (unreadable.length) throw new RegistryError(unreadable);
  return parseRegistry(files, meta);
}
