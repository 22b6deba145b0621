import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReporter } from '@/lib/page-reporter';

export default defineContentScript({
  // Filled from the registry's hosts by wxt.config.ts.
  matches: [],
  runAt: 'document_start',
  main(ctx) {
    startPageReporter(ctx);
  },
});
