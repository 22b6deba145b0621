/**
 * `npm run icons`: renders assets/icon.svg to the PNG sizes the manifest declares (public/icon/<size>.png),
 * with Chromium, so the committed PNGs always match the SVG source.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: resolve(root, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
  console.log(`Wrote public/icon/{${ICON_SIZES.join(',')}}.png from assets/icon.svg.`);
} finally {
  await browser.close();
}
