/** `npm run registry:check`: validates every registry file and the interface strings, naming file and field of each problem. */
import { checkRegistry, formatProblem } from '../lib/shared/registry/build/check.ts';
import { readRegistryFiles } from '../lib/shared/registry/build/node.ts';

const { raw, unreadable } = readRegistryFiles(process.cwd());
const { registry, problems } = checkRegistry(raw);
const all = [...unreadable, ...problems];
if (!registry || all.length) {
  console.error(`Registry check failed with ${all.length} problem(s):`);
  for (const problem of all) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
const sources = registry.tools.reduce((sum, tool) => sum + tool.sources.length, 0);
console.log(
  `Registry OK: ${registry.tools.length} tools, ${sources} sources, ${registry.wrappers.length} link wrappers, data as of ${registry.meta.dataAsOf}.`,
);
