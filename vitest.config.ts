import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { projectionsPlugin } from './lib/registry/projections';
import { loadRegistry } from './lib/registry/node';

export default defineConfig({
  // WxtVitest brings WXT's plugins but not the build's own; the registry's projections (`virtual:glance`, …) are added here.
  plugins: [WxtVitest(), projectionsPlugin(loadRegistry(import.meta.dirname))],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // Fixture pages name scripts and frames on other hosts; nothing is ever fetched.
    environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
    restoreMocks: true,
    // `vitest bench` (run by `npm run bench`, never by `npm test`).
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
