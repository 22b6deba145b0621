import { proxySuffixes, tools, wrappers } from 'virtual:registry/rules';
import { createDetector, type Detector } from '../detection/engine';
import type { DetectableTool } from './build/rules-schema';
import type { LinkWrapper } from './build/wrappers-schema';

/** Every tool's detection rules as projected at build time (lib/registry/build/projections.ts), without examples. */
export const detectableTools: readonly DetectableTool[] = tools;

/** Redirect wrappers of mail gateways and link trackers, undone before a link is detected. */
export const linkWrappers: readonly LinkWrapper[] = wrappers;

/**
 * Detects the conferencing tool behind an address, optionally helped by page signals from a scan.
 * Pure and total: any input gives a Detection or null, never an exception.
 */
export const detectTool: Detector = createDetector(detectableTools, proxySuffixes);

/** {@link detectTool}, also knowing the hosts an organisation's policy names (host name to tool id). */
export function detectorWith(organisationHosts: ReadonlyMap<string, string>): Detector {
  return organisationHosts.size ? createDetector(detectableTools, proxySuffixes, organisationHosts) : detectTool;
}
