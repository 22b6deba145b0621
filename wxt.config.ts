import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { toolMatchPatterns } from './lib/shared/detection/match-patterns';
import { registryPlugin } from './lib/shared/registry/build/projections';
import { DEFAULT_LANG } from './lib/shared/lang';
import { loadRegistry } from './lib/shared/registry/build/node';

// Fails the build with every invalid file and field named.
const registry = loadRegistry(import.meta.dirname);
const toolHosts = toolMatchPatterns(registry.tools);

/** Modules of the popup's start-up script, and those among them that load only when asked for. */
const START =
  /node_modules[\\/](react|react-dom|scheduler|zustand|zod)[\\/]|[\\/](lib[\\/](shared|ui)|components)[\\/]|virtual:registry\/(catalog|glance|aliases)/;
const LATER =
  /[\\/]lib[\\/]ui[\\/](summary|markdown|plain-text|export|registry-page[\\/])|[\\/]components[\\/](SummaryDetails|registry-page[\\/])|[\\/]data[\\/]tools[\\/]/;

/**
 * The popup's first screen loads as one script: React, the stores, the shared code and the first screen's views.
 * What loads later (the details, the copies, the registry page's comparison, each tool's full entry) keeps
 * chunks of its own. Only for the build of the extension's pages; the background and the page scan are single
 * scripts already.
 */
function startChunk(): Plugin {
  let pages = false;
  return {
    name: 'mpl:start-chunk',
    apply: 'build',
    options(options) {
      pages = JSON.stringify(options.input ?? '').includes('popup');
    },
    outputOptions(output) {
      if (!pages) return;
      return {
        ...output,
        codeSplitting: { groups: [{ name: 'start', test: (id) => START.test(id) && !LATER.test(id) }] },
      };
    },
  };
}

/** The toolbar icon, rendered from assets/icon.svg by `npm run icons`. */
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/** The keyboard shortcut that opens the popup; README says which browsers' and tools' shortcuts it avoids. */
export const SHORTCUT = 'Alt+Shift+X';

/**
 * End-to-end builds (`--mode e2e`) may add fixture hosts, because tests cannot grant `activeTab` with a
 * toolbar click. The shipped build never has them; a test checks its manifest.
 */
const fixtureHosts =
  process.env.MPL_FIXTURE_HOSTS?.split(',')
    .map((host) => host.trim())
    .filter(Boolean)
    .map((host) => `https://${host}/*`) ?? [];

/**
 * A fixed public key for end-to-end builds only, so the unpacked test extension has a stable id that a policy
 * file can name (tests/e2e/policy.ts computes it). The shipped build has none: the stores assign the id.
 */
const e2eKey = (mode: string) =>
  mode === 'e2e' ? { key: readFileSync(join(import.meta.dirname, 'tests/e2e/extension-key.txt'), 'utf8').trim() } : {};

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // What runtime code reads of the registry: projections of the validated registry (lib/shared/registry/build/projections.ts).
  vite: () => ({ plugins: [registryPlugin(registry), startChunk()] }),
  manifest: ({ browser, mode }) => ({
    // Name and description in the browser's language, from public/_locales.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: DEFAULT_LANG,
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: [...toolHosts, ...(mode === 'e2e' ? fixtureHosts : [])],
    icons: ICONS,
    // WXT fills in the popup; Firefox's Manifest V2 calls the toolbar button browser_action.
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_icon: ICONS },
    // Opens the popup from the keyboard, which also grants activeTab for the scan.
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: SHORTCUT } },
    },
    // The organisation's policy (lib/shared/policy.ts, docs/ADMIN.md). Firefox reads it from policies.json without a schema.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed-schema.json' }, ...e2eKey(mode) }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // A GUID of our own: the add-on id may never change once listed.
          id: '{6d0b23cf-2a0a-4b71-9969-3151689f4128}',
          // data_collection_permissions (Firefox 140, Firefox for Android 142)
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  // Mozilla asks for the sources of minified code: what `npm ci && npm run build:firefox` needs, nothing else.
  zip: {
    excludeSources: [
      'screenshots/**',
      'tests/**',
      'bench/**',
      'scripts/**',
      'store/**',
      'docs/**',
      'vitest.config.ts',
      'playwright.config.ts',
    ],
  },
  hooks: {
    // The licences travel with every package: the code's (MIT), the registry data's (CC BY 4.0) and the
    // notices of the bundled libraries.
    'build:publicAssets': (wxt, files) => {
      for (const [source, dest] of [
        ['LICENSE', 'LICENSE.txt'],
        ['data/LICENSE.md', 'LICENSE-DATA.md'],
        ['THIRD_PARTY_NOTICES.md', 'THIRD_PARTY_NOTICES.md'],
      ] as const) {
        files.push({ absoluteSrc: join(wxt.config.root, source), relativeDest: dest });
      }
    },
    // The popup runs nearly all of its bundle at once. V8's explicit compile hint compiles it eagerly while
    // the script streams in, instead of lazily on the main thread (bench: about 8 ms less JS before the summary).
    'build:done': (wxt, output) => {
      for (const chunk of output.steps.flatMap((step) => step.chunks)) {
        if (chunk.type !== 'chunk' || !/^chunks\/(popup|start)-[\w-]+\.js$/.test(chunk.fileName)) continue;
        const file = join(wxt.config.outDir, chunk.fileName);
        writeFileSync(file, `//# allFunctionsCalledOnLoad\n${readFileSync(file, 'utf8')}`);
      }
    },
  },
});
