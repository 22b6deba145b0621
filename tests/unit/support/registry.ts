import meta from '../../data/registry.json';
import { parseRegistry, type Registry } from './index';

const files = import.meta.glob('../../data/tools/*.json', { eager: true, import: 'default' });

/**
 * Every entry, fully parsed and checked: for tests and tools that need the whole registry at once. The
 * extension itself reads the lighter catalog.ts, detection-rules.ts and entries.ts.
 */
export const registry: Registry = parseRegistry(files, meta);
