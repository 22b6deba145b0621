import type { DetectableTool } from './rules';
import type { Wrapper } from './wrappers';

/**
 * Manifest match patterns for every registered tool host: the extension's host permissions, so the browser
 * reports the address of tabs on these hosts and no others. The registry stays the only list of hosts.
 */
export function toolMatchPatterns(tools: readonly DetectableTool[]): string[] {
  const patterns = new Set<string>();
  for (const { detection } of tools) {
    for (const { domain, subdomains } of detection.hosts) {
      patterns.add(`https://${subdomains ? '*.' : ''}${domain}/*`);
    }
  }
  return [...patterns].sort();
}

/** Match patterns for the hosts of the link wrappers the extension can undo (used for link menus, never as permissions). */
export function wrapperMatchPatterns(wrappers: readonly Wrapper[]): string[] {
  return [...new Set(wrappers.flatMap((wrapper) => wrapper.domains.map((domain) => `https://*.${domain}/*`)))].sort();
}
