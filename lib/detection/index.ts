import { detectableTools } from '../registry/detection-rules';
import { createDetector, type Detector } from './engine';

export { createDetector, parseWebUrl, type Detection, type Evidence, type PageSignals } from './engine';

/**
 * Detects the conferencing tool behind an address, optionally helped by page signals from a scan.
 * Pure and total: any input gives a Detection or null, never an exception.
 */
export const detectTool: Detector = createDetector(detectableTools);
