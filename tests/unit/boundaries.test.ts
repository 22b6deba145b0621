import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

// The rules written at the top of lib/registry/build/: a break in either would otherwise show only as a
// larger bundle or a build that cannot load its config.
const sources = import.meta.glob<string>(
  ['../../lib/**/*.ts', '../../components/**/*.tsx', '../../entrypoints/**/*.{ts,tsx}'],
  {
    eager: true,
    query: '?raw',
    import: 'default',
  },
);

/** `[statement, specifier]` of every static import and re-export in a file. */
const imports = (code: string): Array<[string, string]> =>
  [...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*'([^']+)'/gm)].map((match) => [match[0], match[1]!]);

const isBuild = (path: string): boolean => path.includes('lib/registry/build/');

/** Where an import leads, as a path like the glob's keys: relative specifiers resolved, `@/` as the root. */
const target = (from: string, specifier: string): string =>
  specifier.startsWith('.') ? posix.join(posix.dirname(from), specifier) : specifier.replace(/^@\//, '../../');

describe('build code and runtime code', () => {
  it('runtime code imports only types from the build code, so no bundle carries its schemas or authoring data', () => {
    const valueImports = Object.entries(sources)
      .filter(([path]) => !isBuild(path))
      .flatMap(([path, code]) =>
        imports(code)
          .filter(
            ([statement, specifier]) =>
              isBuild(target(path, specifier)) && !/^(?:import|export) type\b/.test(statement),
          )
          .map(([statement]) => `${path}: ${statement}`),
      );
    expect(valueImports).toEqual([]);
  });

  it('build code uses relative imports, which wxt.config.ts can load before the `@/` alias exists', () => {
    const aliased = Object.entries(sources)
      .filter(([path]) => isBuild(path))
      .flatMap(([path, code]) =>
        imports(code)
          .filter(([, specifier]) => specifier.startsWith('@/'))
          .map(([statement]) => `${path}: ${statement}`),
      );
    expect(Object.keys(sources).filter(isBuild).length).toBeGreaterThan(3);
    expect(aliased).toEqual([]);
  });
});
