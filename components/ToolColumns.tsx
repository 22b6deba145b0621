import type { Tool } from '@/lib/shared/registry/build/schema';
import { useLang } from './hooks';

/** A comparison's column headers: one per tool, by its name in the display language. */
export function ToolColumns({ tools }: { tools: readonly Pick<Tool, 'id' | 'name'>[] }) {
  const lang = useLang();
  return tools.map((tool) => (
    <th key={tool.id} scope="col">
      {tool.name[lang]}
    </th>
  ));
}
