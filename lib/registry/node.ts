import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseRegistry, RegistryError, type Registry, type RegistryProblem } from './check';
import { UiStringsSchema } from './schema';

/**
 * Reads the registry's raw JSON from disk, for Node-side tools only (build config, checks, benchmark).
 * A file that is not valid JSON is reported as a problem of that file, not thrown; so are invalid
 * interface strings (data/ui-strings.json), which the extension trusts at run time like the registry.
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
  const strings = UiStringsSchema.safeParse(JSON.parse(readFileSync(join(root, 'data', 'ui-strings.json'), 'utf8')));
  if (!strings.success) {
    unreadable.push(
      ...strings.error.issues.map((issue) => ({ file: 'data/ui-strings.json', path: issue.path.join('.'), message: issue.message })),
    );
  }
  return { files, meta, unreadable };
}

/** Loads and validates the registry from disk; throws a RegistryError naming every bad file and field. */
export function loadRegistry(root: string): Registry {
  const { files, meta, unreadable } = readRegistryFiles(root);
  if (unreadable.length) throw new RegistryError(unreadable);
  return parseRegistry(files, meta);
}
