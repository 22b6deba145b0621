// Build code: runs in Node at build time (wxt.config.ts, the registry check, tests, the bench). Runtime code
// imports only `type`s from here: one value import would pull full zod and the registry's authoring data into a bundle.
// Reached from wxt.config.ts, which loads before Vite's `@/` alias exists: relative imports only, no `@/`.
import type { z } from 'zod';
import { createDetector } from '../../detection/engine';
import { unwrapLink } from '../../detection/links';
import { checkGlossary, GlossarySchema, textsOf, type CheckedText } from './glossary';
import { exampleParts } from './rules-schema';
import { WrappersSchema, type Wrapper } from './wrappers-schema';
import { RegistryMetaSchema, ToolSchema, UiStringsSchema, type RegistryMeta, type Tool } from './schema';
import { idFromPath } from '../tool-id';

export interface Registry {
  meta: RegistryMeta;
  tools: readonly Tool[];
  byId: ReadonlyMap<string, Tool>;
  wrappers: readonly Wrapper[];
}

/** Everything under `data/`, as read from disk or bundled, before validation. */
export interface RawRegistry {
  /** Tool entries keyed by file path (`data/tools/<id>.json`). */
  tools: Readonly<Record<string, unknown>>;
  /** `data/registry.json`. */
  meta: unknown;
  /** `data/link-wrappers.json`. */
  wrappers: unknown;
  /** `data/ui-strings.json`; omitted where only the registry is checked. */
  uiStrings?: unknown;
  /** `data/ui-strings-registry-page.json`, the registry page's own strings; omitted with `uiStrings`. */
  registryPageStrings?: unknown;
  /** `data/glossary.json`; when given, every registry text and interface string is held to it. */
  glossary?: unknown;
}

export const DATA_FILES = {
  meta: 'data/registry.json',
  wrappers: 'data/link-wrappers.json',
  uiStrings: 'data/ui-strings.json',
  registryPageStrings: 'data/ui-strings-registry-page.json',
  glossary: 'data/glossary.json',
} as const;

export interface RegistryProblem {
  file: string;
  /** Dotted path to the field, e.g. `links.privacyPolicy.en.url`. */
  path: string;
  message: string;
}

export class RegistryError extends Error {
  constructor(readonly problems: readonly RegistryProblem[]) {
    super(`The tool registry is invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RegistryError';
  }
}

/** One line per problem: `file: path: message`. */
export function formatProblem({ file, path, message }: RegistryProblem): string {
  return `${file}: ${path || '(root)'}: ${message}`;
}

function problemsOf(file: string, error: z.ZodError): RegistryProblem[] {
  return error.issues.map((issue) => ({ file, path: issue.path.join('.'), message: issue.message }));
}

/**
 * The grid: every example must detect its own tool and nothing else; every counter-example must detect
 * nothing. Examples are addresses as people meet them, so wrapped ones are unwrapped first.
 */
function detectionProblems(
  tools: readonly Tool[],
  meta: RegistryMeta,
  fileOf: (id: string) => string,
): RegistryProblem[] {
  const detect = createDetector(
    tools,
    meta.proxies.flatMap((proxy) => proxy.suffixes),
  );
  const problems: RegistryProblem[] = [];
  for (const tool of tools) {
    tool.detection.examples.match.forEach((example, index) => {
      const { url, signals } = exampleParts(example);
      const found = detect(url, signals)?.toolId ?? 'nothing';
      if (found !== tool.id) {
        problems.push({
          file: fileOf(tool.id),
          path: `detection.examples.match.${index}`,
          message: `example ${url} detects ${found}, not ${tool.id}`,
        });
      }
    });
    tool.detection.examples.noMatch.forEach((example, index) => {
      const { url, signals } = exampleParts(example);
      const found = detect(url, signals)?.toolId;
      if (found) {
        problems.push({
          file: fileOf(tool.id),
          path: `detection.examples.noMatch.${index}`,
          message: `${url} must not be detected, but detects ${found}`,
        });
      }
    });
  }
  return problems;
}

/** Every wrapper example must unwrap to its target. */
function wrapperProblems(wrappers: readonly Wrapper[]): RegistryProblem[] {
  return wrappers.flatMap((wrapper, index) =>
    wrapper.examples.flatMap(({ wrapped, target }, example) => {
      const unwrapped = unwrapLink(wrapped, wrappers);
      return unwrapped === target
        ? []
        : [
            {
              file: DATA_FILES.wrappers,
              path: `wrappers.${index}.examples.${example}`,
              message: `unwraps to ${unwrapped}, not ${target}`,
            },
          ];
    }),
  );
}

/** The glossary's variants wherever a registry text or an interface string uses one. */
function glossaryProblems(raw: RawRegistry, tools: readonly Tool[], fileOf: (id: string) => string): RegistryProblem[] {
  if (raw.glossary === undefined) return [];
  const glossary = GlossarySchema.safeParse(raw.glossary);
  if (!glossary.success) return problemsOf(DATA_FILES.glossary, glossary.error);
  function* texts(): Generator<CheckedText> {
    for (const tool of tools) yield* textsOf(fileOf(tool.id), tool);
    for (const file of ['uiStrings', 'registryPageStrings'] as const) {
      // Each key is a path of its own: `fact.dpa` is one key, not `fact` then `dpa`.
      if (isRecord(raw[file]))
        for (const [key, text] of Object.entries(raw[file]))
          yield* [...textsOf(DATA_FILES[file], text)].map((found) => ({ ...found, path: key }));
    }
  }
  return checkGlossary(glossary.data, texts()).map(({ file, path, lang, found, use }) => ({
    file,
    path: `${path}.${lang}`,
    message: `"${found}" is not the glossary's word: use "${use}" (${DATA_FILES.glossary})`,
  }));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Validates the raw registry data and reports every problem with its file and field. */
export function checkRegistry(raw: RawRegistry): { registry: Registry | null; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  const meta = RegistryMetaSchema.safeParse(raw.meta);
  if (!meta.success) problems.push(...problemsOf(DATA_FILES.meta, meta.error));
  const wrappers = WrappersSchema.safeParse(raw.wrappers);
  if (!wrappers.success) problems.push(...problemsOf(DATA_FILES.wrappers, wrappers.error));
  else problems.push(...wrapperProblems(wrappers.data.wrappers));
  for (const file of ['uiStrings', 'registryPageStrings'] as const) {
    if (raw[file] === undefined) continue;
    const strings = UiStringsSchema.safeParse(raw[file]);
    if (!strings.success) problems.push(...problemsOf(DATA_FILES[file], strings.error));
  }
  if (isRecord(raw.uiStrings) && isRecord(raw.registryPageStrings)) {
    for (const key of Object.keys(raw.registryPageStrings)) {
      if (key in raw.uiStrings)
        problems.push({
          file: DATA_FILES.registryPageStrings,
          path: key,
          message: `also defined in ${DATA_FILES.uiStrings}`,
        });
    }
  }

  const tools: Tool[] = [];
  const fileById = new Map<string, string>();
  for (const [file, entry] of Object.entries(raw.tools).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = ToolSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...problemsOf(file, parsed.error));
      continue;
    }
    const tool = parsed.data;
    if (fileById.has(tool.id)) {
      problems.push({ file, path: 'id', message: `duplicate id "${tool.id}", also used in ${fileById.get(tool.id)}` });
      continue;
    }
    if (idFromPath(file) !== tool.id)
      problems.push({ file, path: 'id', message: `id "${tool.id}" must match the file name` });
    fileById.set(tool.id, file);
    tools.push(tool);
  }
  if (Object.keys(raw.tools).length === 0)
    problems.push({ file: 'data/tools', path: '', message: 'no tool entries found' });
  if (!meta.success || !wrappers.success) return { registry: null, problems };

  problems.push(...detectionProblems(tools, meta.data, (id) => fileById.get(id) ?? id));
  problems.push(...glossaryProblems(raw, tools, (id) => fileById.get(id) ?? id));
  meta.data.mostUsed.forEach((id, index) => {
    if (!fileById.has(id))
      problems.push({ file: DATA_FILES.meta, path: `mostUsed.${index}`, message: `no tool has the id "${id}"` });
  });
  if (problems.length) return { registry: null, problems };
  const byId = new Map(tools.map((tool) => [tool.id, tool]));
  return { registry: { meta: meta.data, tools, byId, wrappers: wrappers.data.wrappers }, problems };
}

/** Like {@link checkRegistry}, but throws a {@link RegistryError} listing every problem. */
export function parseRegistry(raw: RawRegistry): Registry {
  const { registry, problems } = checkRegistry(raw);
  if (!registry) throw new RegistryError(problems);
  return registry;
}
