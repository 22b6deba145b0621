import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { linkMenuClicked, registerBackground } from '@/lib/background/background';

export default defineBackground(() => {
  registerBackground();
  // End-to-end builds only (`--mode e2e`; the shipped build has none of this, a test checks): ways in for
  // tests, which cannot click a menu, and in Firefox cannot open the extension's pages themselves.
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, { mplLinkMenuClicked: linkMenuClicked });
    if (import.meta.env.FIREFOX)
      browser.runtime.onInstalled.addListener(
        () => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?harness') }),
      );
  }
});
