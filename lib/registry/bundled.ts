import meta from '../../data/registry.json';
import { parseRegistry, type Registry } from './index';

const files = import.meta.glob('../../data/tools/*.json', { eager: true, import: 'default' });

/** The registry bundled with the extension, parsed once per extension page or worker. */
export const registry: Registry = parseRegistry(files, meta);
