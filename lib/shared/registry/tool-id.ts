// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
/** A tool's id from its registry file path (`data/tools/<id>.json`); the registry check requires the two to agree. */
export function idFromPath(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.json$/, '');
}
