import type { DetectableTool } from '../detection/engine';
import { idFromPath } from './catalog';
import type { DetectionRules } from './schema';

const rules = import.meta.glob<DetectionRules>('../../data/tools/*.json', { eager: true, import: 'detection' });

/** Every tool's detection rules, without the rest of its entry: all the background and the engine need. */
export const detectableTools: readonly DetectableTool[] = Object.entries(rules).map(([path, detection]) => ({
  id: idFromPath(path),
  detection,
}));

export const detectionById: ReadonlyMap<string, DetectionRules> = new Map(detectableTools.map((tool) => [tool.id, tool.detection]));
