import type { z } from 'zod';
import { createDetector, exampleParts } from '../detection/engine';
import { idFromPath } from './tool-id';
import { RegistryMetaSchema, ToolSchema, type RegistryMeta, type Tool } from './schema';

export interface Registry {
  meta: RegistryMeta;
  tools: readonly Tool[];
  byId: ReadonlyMap<string, Tool>;
}

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

/** Every example must detect its own tool and nothing else; every counter-example must detect nothing. */
function detectionProblems(tools: readonly Tool[], fileOf: (id: string) => string): RegistryProblem[] {
  const detect = createDetector(tools);
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
    tool.detection.examples.noMatch.forEach((url, index) => {
      const found = detect(url)?.toolId;
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

/**
 * Validates raw registry data and reports every problem with its file and field.
 * @param files tool entries keyed by file path, as read from `data/tools/`
 * @param meta the contents of `data/registry.json`
 */
export function checkRegistry(
  files: Readonly<Record<string, unknown>>,
  meta: unknown,
  metaFile = 'data/registry.json',
): { registry: Registry | null; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  const parsedMeta = RegistryMetaSchema.safeParse(meta);
  if (!parsedMeta.success) problems.push(...problemsOf(metaFile, parsedMeta.error));

  const tools: Tool[] = [];
  const fileById = new Map<string, string>();
  for (const [file, raw] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = ToolSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsOf(file, parsed.error));
      continue;
    }
    const tool = parsed.data;
    if (fileById.has(tool.id)) {
      problems.push({ file, path: 'id', message: `duplicate id "${tool.id}", also used in ${fileById.get(tool.id)}` });
      continue;
    }
    if (idFromPath(file) !== tool.id) {
      problems.push({ file, path: 'id', message: `id "${tool.id}" must match the file name` });
    }
    fileById.set(tool.id, file);
    tools.push(tool);
  }
  if (Object.keys(files).length === 0) problems.push({ file: 'data/tools', path: '', message: 'no tool entries found' });

  problems.push(...detectionProblems(tools, (id) => fileById.get(id) ?? id));
  if (problems.length || !parsedMeta.success) return { registry: null, problems };
  return {
    registry: { meta: parsedMeta.data, tools, byId: new Map(tools.map((tool) => [tool.id, tool])) },
    problems,
  };
}

/** Like {@link checkRegistry}, but throws a {@link RegistryError} listing every problem. */
export function parseRegistry(files: Readonly<Record<string, unknown>>, meta: unknown): Registry {
  const { registry, problems } = checkRegistry(files, meta);
  if (!registry) throw new RegistryError(problems);
  return registry;
}
