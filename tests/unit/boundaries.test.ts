import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

// The rules written at the top of lib/shared/registry/build/: a break in either would otherwise show only as a
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

const isBuild = (path: string): boolean => path.includes('lib/shared/registry/build/');

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

/** The runtime a file belongs to, from its folder; null for code outside lib/. */
const runtimeOf = (path: string): string | null => /\/lib\/(shared|background|page-scan|ui)\//.exec(path)?.[1] ?? null;

describe('lib/ by runtime', () => {
  it('has no loose files: each file sits in the folder of the runtime it runs in', () => {
    const loose = Object.keys(sources).filter((path) => path.startsWith('../../lib/') && runtimeOf(path) === null);
    expect(loose).toEqual([]);
  });

  /** The one crossing by design: the background injects the page scan's functions into tabs. */
  const allowed = (from: string | null, to: string | null): boolean =>
    to === null || to === from || to === 'shared' || (from === 'background' && to === 'page-scan');

  it('imports only its own runtime and shared/: never components/, never another runtime', () => {
    const crossing = Object.entries(sources)
      .filter(([path]) => path.startsWith('../../lib/'))
      .flatMap(([path, code]) => {
        const own = runtimeOf(path);
        return imports(code)
          .map(([, specifier]) => target(path, specifier))
          .filter((to) => to.startsWith('../../'))
          .filter((to) => to.startsWith('../../components/') || !allowed(own, runtimeOf(to)))
          .map((to) => `${path} -> ${to}`);
      });
    expect(Object.keys(sources).filter((path) => runtimeOf(path) === 'ui').length).toBeGreaterThan(5);
    expect(crossing).toEqual([]);
  });
});
