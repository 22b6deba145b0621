import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectableTools, detectTool, linkWrappers } from '@/lib/registry/rules';
import { markerQuery, scanPage } from '@/lib/scan';

// Injected on the popup's request only (scripting.executeScript); its return value is the scan.
export default defineUnlistedScript(() => scanPage(document, detectTool, linkWrappers, markerQuery(detectableTools)));
