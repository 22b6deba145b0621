// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
import type { DetectableTool, Marker } from '../registry/build/rules-schema';
import type { Detection, Evidence, PageSignals } from './shapes';

export type Detector = (url: string, signals?: PageSignals) => Detection | null;

interface HostRule {
  toolId: string;
  subdomains: boolean | 'only';
  paths: RegExp | null;
}

interface CompiledTool {
  id: string;
  meeting: RegExp | null;
  anyHostPaths: RegExp | null;
  markers: Marker[][];
}

/**
 * Only this much of an address is read: it keeps every match cheap, and the host and the start of the path,
 * which identify a tool, always lie within it.
 */
const MAX_URL_LENGTH = 8192;

function anyOf(sources: readonly string[] | undefined): RegExp | null {
  if (!sources?.length) return null;
  return new RegExp(sources.map((source) => `(?:${source})`).join('|'));
}

/** Parses an http(s) URL, or returns null for anything else. */
export function parseWebUrl(input: unknown): URL | null {
  if (typeof input !== 'string') return null;
  let url: URL;
  try {
    url = new URL(input.slice(0, MAX_URL_LENGTH));
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname) return null;
  return url;
}

/**
 * The host a page really comes from. Reverse proxies such as Microsoft Defender for Cloud Apps serve
 * `teams.microsoft.com` as `teams.microsoft.com.mcas.ms`; with their suffix removed, the inner host is
 * looked up like any other.
 */
function hostOf(url: URL, proxySuffixes: readonly string[]): string {
  const host = url.hostname.replace(/\.$/, '');
  const proxy = proxySuffixes.find((suffix) => host.endsWith(`.${suffix}`));
  return proxy ? host.slice(0, -proxy.length - 1) : host;
}

/** Parent domains of a host from the most to the least specific: a.b.c -> a.b.c, b.c, c. */
function* suffixes(host: string): Generator<string> {
  let rest = host;
  while (rest) {
    yield rest;
    const dot = rest.indexOf('.');
    if (dot < 0) return;
    rest = rest.slice(dot + 1);
  }
}

/** A script's host and path as `//host/path`: markers match where a script comes from, never its query. */
function scriptPlaces(scripts: readonly string[] | undefined): string[] {
  return (scripts ?? []).flatMap((src) => {
    const url = parseWebUrl(src);
    return url ? [`//${url.hostname}${url.pathname}`] : [];
  });
}

function markerPresent(marker: Marker, signals: PageSignals, scripts: () => string[]): boolean {
  switch (marker.type) {
    case 'global':
      return signals.globals?.includes(marker.value) ?? false;
    case 'selector':
      return signals.selectors?.includes(marker.value) ?? false;
    case 'script':
      return scripts().some((place) => place.includes(marker.value));
    case 'title':
      return signals.title?.includes(marker.value) ?? false;
  }
}

/**
 * Builds a detector over a set of tools. Hosts are indexed, so the cost of a lookup depends on
 * the number of labels in the host, not on the number of tools.
 * @param proxySuffixes host suffixes of reverse proxies that serve other sites under their own name
 * @param organisationHosts exact host names an organisation's policy assigns to a tool (lib/policy.ts)
 */
export function createDetector(
  tools: readonly DetectableTool[],
  proxySuffixes: readonly string[] = [],
  organisationHosts: ReadonlyMap<string, string> = new Map(),
): Detector {
  const byHost = new Map<string, HostRule[]>();
  const excluded = new Set<string>();
  const compiled = new Map<string, CompiledTool>();
  const anyHost: CompiledTool[] = [];
  const withMarkers: CompiledTool[] = [];

  for (const { id, detection } of tools) {
    const tool: CompiledTool = {
      id,
      meeting: anyOf(detection.meetingPaths),
      anyHostPaths: anyOf(detection.anyHostPaths),
      markers: detection.markers?.map((set) => set.all) ?? [],
    };
    compiled.set(id, tool);
    if (tool.anyHostPaths) anyHost.push(tool);
    if (tool.markers.length) withMarkers.push(tool);
    for (const host of detection.hosts) {
      const rules = byHost.get(host.domain) ?? [];
      rules.push({ toolId: id, subdomains: host.subdomains, paths: anyOf(host.paths) });
      byHost.set(host.domain, rules);
    }
    for (const host of detection.excludeHosts ?? []) excluded.add(host);
  }

  function contextOf(tool: CompiledTool, location: string): 'meeting' | 'app' {
    return tool.meeting?.test(location) ? 'meeting' : 'app';
  }

  function byAddress(url: URL): Detection | null {
    const host = hostOf(url, proxySuffixes);
    const location = url.pathname + url.search + url.hash;
    // The organisation knows what runs on its own hosts better than any registry rule.
    const own = compiled.get(organisationHosts.get(host) ?? '');
    if (own) return { toolId: own.id, context: contextOf(own, location), evidence: [{ type: 'policy' }] };
    for (const suffix of suffixes(host)) {
      if (excluded.has(suffix)) return null;
      for (const rule of byHost.get(suffix) ?? []) {
        if (suffix === host ? rule.subdomains === 'only' : !rule.subdomains) continue;
        if (rule.paths && !rule.paths.test(location)) continue;
        const tool = compiled.get(rule.toolId)!;
        return { toolId: tool.id, context: contextOf(tool, location), evidence: [{ type: 'host', value: suffix }] };
      }
    }
    for (const tool of anyHost) {
      if (tool.anyHostPaths!.test(location)) {
        return { toolId: tool.id, context: contextOf(tool, location), evidence: [{ type: 'path' }] };
      }
    }
    return null;
  }

  function byFrames(frames: readonly string[]): Detection | null {
    for (const src of frames) {
      const url = parseWebUrl(src);
      const found = url && byAddress(url);
      if (found) {
        const evidence = found.evidence.map((item): Evidence =>
          item.type === 'host' ? { type: 'frame', value: item.value } : item,
        );
        return { toolId: found.toolId, context: 'embedded', evidence };
      }
    }
    return null;
  }

  function byMarkers(url: URL, signals: PageSignals): Detection | null {
    const location = url.pathname + url.search + url.hash;
    let places: string[] | undefined;
    const scripts = () => (places ??= scriptPlaces(signals.scripts));
    for (const tool of withMarkers) {
      const set = tool.markers.find((all) => all.every((marker) => markerPresent(marker, signals, scripts)));
      if (set) {
        return {
          toolId: tool.id,
          context: contextOf(tool, location),
          evidence: set.map(({ type, value }): Evidence => ({ type, value })),
        };
      }
    }
    return null;
  }

  return function detect(input, signals) {
    try {
      const url = parseWebUrl(input);
      if (!url) return null;
      // The address decides first: a page cannot claim another tool's markers on a known host.
      return byAddress(url) ?? (signals ? (byFrames(signals.frames ?? []) ?? byMarkers(url, signals)) : null);
    } catch {
      return null;
    }
  };
}
