import type { DetectableTool } from './rules';

/**
 * Manifest match patterns for every registered tool host. They serve as both the content script's
 * `matches` and the extension's host permissions, so the registry stays the only list of hosts.
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
