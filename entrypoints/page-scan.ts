import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectableTools, detectTool, linkWrappers } from '@/lib/shared/registry/rules';
import { markerQuery, scanPage } from '@/lib/page-scan/scan';

// Injected on the popup's request only (scripting.executeScript); its return value is the scan.
export default defineUnlistedScript(() => scanPage(document, detectTool, linkWrappers, markerQuery(detectableTools)));
