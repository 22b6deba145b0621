import type { Plugin } from 'vite';
import { glanceOf } from '../key-facts';
import type { Registry } from './check';

const ID = 'virtual:glance';

/**
 * Serves `virtual:glance`: every tool's first-screen projection (lib/key-facts.ts) by id, from the validated
 * registry, so the first screen renders without waiting for the tool's full entry.
 */
export function glancePlugin(registry: Registry): Plugin {
  return {
    name: 'meeting-privacy-lens:glance',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      const json = JSON.stringify(Object.fromEntries(registry.tools.map((tool) => [tool.id, glanceOf(tool)])));
      // A JSON.parse of a string literal is faster for V8 than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
  };
}
