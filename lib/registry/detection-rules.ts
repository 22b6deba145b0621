import meta from '../../data/registry.json';
import wrapperData from '../../data/link-wrappers.json';
import { createDetector, type Detector } from '../detection/engine';
import type { DetectableTool, DetectionRules } from '../detection/rules';
import type { Wrapper } from '../detection/wrappers';
import { idFromPath } from './tool-id';

// The registry was validated at build time (wxt.config.ts), so these are trusted here.
const rules = import.meta.glob<DetectionRules>('../../data/tools/*.json', { eager: true, import: 'detection' });

/** Every tool's detection rules, without the rest of its entry: all the background and the engine need. */
export const detectableTools: readonly DetectableTool[] = Object.entries(rules).map(([path, detection]) => ({
  id: idFromPath(path),
  detection,
}));

export const detectionById: ReadonlyMap<string, DetectionRules> = new Map(detectableTools.map((tool) => [tool.id, tool.detection]));

/** Redirect wrappers of mail gateways and link trackers, undone before a link is detected. */
export const linkWrappers = wrapperData.wrappers as readonly Wrapper[];

/**
 * Detects the conferencing tool behind an address, optionally helped by page signals from a scan.
 * Pure and total: any input gives a Detection or null, never an exception.
 */
const proxySuffixes = meta.proxies.flatMap((proxy) => proxy.suffixes);
export const detectTool: Detector = createDetector(detectableTools, proxySuffixes);

/** {@link detectTool}, also knowing the hosts an organisation's policy names (host name to tool id). */
export function detectorWith(organisationHosts: ReadonlyMap<string, string>): Detector {
  return organisationHosts.size ? createDetector(detectableTools, proxySuffixes, organisationHosts) : detectTool;
}
