// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
import type { DetectableTool } from '../registry/build/rules-schema';
import type { LinkWrapper } from '../registry/build/wrappers-schema';

/** A host's match pattern, with its subdomains if the rule covers them. */
const hostPattern = ({ domain, subdomains }: { domain: string; subdomains: boolean | 'only' }): string =>
  `https://${subdomains ? '*.' : ''}${domain}/*`;

/**
 * Manifest match patterns for the registered tool hosts the extension follows: its host permissions, so the
 * browser reports the address of tabs on these hosts and no others. Hosts marked `watch: false` are left out.
 * The registry stays the only list of hosts.
 */
export function toolMatchPatterns(tools: readonly DetectableTool[]): string[] {
  const hosts = tools.flatMap(({ detection }) => detection.hosts.filter((host) => host.watch !== false));
  // A host under a domain already followed with its subdomains asks for nothing more (events.zoom.us, *.zoom.us).
  const wildcards = hosts.filter((host) => host.subdomains).map((host) => host.domain);
  const covered = (host: { domain: string; subdomains: boolean | 'only' }) =>
    wildcards.some((domain) => host.domain.endsWith(`.${domain}`) || (domain === host.domain && !host.subdomains));
  return [...new Set(hosts.filter((host) => !covered(host)).map(hostPattern))].sort();
}

/** Match patterns for every registered tool host, followed or not: for the link menu, never as permissions. */
export function linkMatchPatterns(tools: readonly DetectableTool[]): string[] {
  return [...new Set(tools.flatMap(({ detection }) => detection.hosts.map(hostPattern)))].sort();
}

/** The literal start of an anchored path pattern: `^/l\\.php$` gives `/l.php`, `^/(?:url)?$` gives `/`. */
function literalPrefix(pattern: string): string {
  let prefix = '';
  for (let index = 1; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\' && /[^\w]/.test(pattern[index + 1] ?? '')) prefix += pattern[++index];
    else if ('?*{'.includes(char))
      return prefix.slice(0, -1); // the character before may be absent
    else if ('.^$+()[]|\\'.includes(char)) break;
    else prefix += char;
  }
  return prefix;
}

/**
 * Match patterns for links through the wrappers the extension can undo, as narrow as each wrapper's path
 * allows (`*://*.google.com/url*`, not all of google.com). Used for the link menu, never as permissions.
 */
export function wrapperMatchPatterns(wrappers: readonly LinkWrapper[]): string[] {
  const patterns = wrappers.flatMap((wrapper) =>
    wrapper.domains.map((domain) => `*://*.${domain}${literalPrefix(wrapper.path)}*`),
  );
  return [...new Set(patterns)].sort();
}
