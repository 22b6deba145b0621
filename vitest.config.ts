import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { registryPlugin } from './lib/shared/registry/build/projections';
import { loadRegistry } from './lib/shared/registry/build/node';

export default defineConfig({
  // WxtVitest brings WXT's plugins but not the build's own; the registry's virtual modules are added here.
  plugins: [WxtVitest(), registryPlugin(loadRegistry(import.meta.dirname))],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/support/setup.ts'],
    environment: 'happy-dom',
    // Fixture pages name scripts and frames on other hosts; nothing is ever fetched.
    environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
    restoreMocks: true,
    // `vitest bench` (run by `npm run bench`, never by `npm test`).
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
