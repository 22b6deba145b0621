import { checkRegistry, formatProblem } from '../lib/registry/check.ts';
import { readRegistryFiles } from '../lib/registry/node.ts';

const { files, meta, unreadable } = readRegistryFiles(process.cwd());
const { registry, problems: invalid } = checkRegistry(files, meta);
const problems = [...unreadable, ...invalid];
if (!registry || problems.length) {
  console.error(`Registry check failed with ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(`Registry OK: ${registry!.tools.length} tools, data as of ${registry!.meta.dataAsOf}.`);
