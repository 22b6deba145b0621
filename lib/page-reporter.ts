import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging/send';

/** Reports at most this often while a page keeps changing its address. */
export const REPORT_INTERVAL_MS = 250;

/**
 * Tells the background which address the tab shows: once when the page has loaded, then after every
 * change without a reload (single-page apps such as Teams, Meet and Slack). The background also
 * watches `tabs.onUpdated`, but Chromium does not always report the new address there, so the
 * first report is what makes detection certain.
 *
 * The address is read from `location` in the extension's isolated world, never from what the page
 * posts or dispatches, and bursts of changes collapse into one trailing report.
 */
export function startPageReporter(ctx: ContentScriptContext, report = (url: string) => sendMessage('pageChanged', { url })): void {
  let lastSent = '';
  let timer: number | undefined;

  const flush = (): void => {
    timer = undefined;
    const url = location.href;
    if (url === lastSent || ctx.isInvalid) return;
    lastSent = url;
    report(url).catch(() => {
      // The background may be restarting; the next change reports again.
      lastSent = '';
    });
  };

  flush();
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    timer ??= ctx.setTimeout(flush, REPORT_INTERVAL_MS);
  });
}
