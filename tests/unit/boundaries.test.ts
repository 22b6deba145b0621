import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '@/lib/shared/lang';

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

describe('display languages', () => {
  /** Code without its comments, which may name languages freely. */
  const code = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  /** A language code as a string, an object key or a property: `'de'`, `en:`, `.de`. */
  const languageCode = (lang: string) =>
    new RegExp(`['"\`]${lang}['"\`]|(?<![\\w.-])${lang}\\s*:|(?<=[\\w)\\]])\\.${lang}\\b`);

  it('are named in one code file, lib/shared/lang.ts: a third language is one code change plus its data', () => {
    const naming = Object.entries(sources)
      .filter(([path]) => !path.endsWith('lib/shared/lang.ts'))
      .flatMap(([path, source]) =>
        LANGS.filter((lang) => languageCode(lang).test(code(source))).map((lang) => `${path}: ${lang}`),
      );
    expect(Object.keys(sources).some((path) => path.endsWith('lib/shared/lang.ts'))).toBe(true);
    expect(naming).toEqual([]);
  });

  it('the check finds a language code written elsewhere', () => {
    for (const sample of ["if (lang === 'en')", 'const names = { de: 1 }', 'tool.name.en'])
      expect(
        LANGS.some((lang) => languageCode(lang).test(code(sample))),
        sample,
      ).toBe(true);
    expect(LANGS.some((lang) => languageCode(lang).test(code('// the English (en) text\nconst x = given;')))).toBe(
      false,
    );
  });
});
