import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
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
