import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReporter } from '@/lib/page-reporter';

export default defineContentScript({
  // Filled from the registry's hosts by wxt.config.ts.
  matches: [],
  runAt: 'document_idle',
  // WXT would otherwise post a message naming the extension to every page, telling it we are here.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startPageReporter(ctx);
  },
});
