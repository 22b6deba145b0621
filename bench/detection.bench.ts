/**
 * Detection cost per URL with the real registry and with it padded to 1,000 and 10,000 tools. Run by
 * `npm run bench` through Vitest's benchmark fixture (`vitest bench --run`), never by `npm test`.
 * The URL mix is fixed, so a slowdown can only come from the registry's size.
 */
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'vitest';
import { createDetector } from '@/lib/shared/detection/engine';
import { exampleParts, type DetectableTool } from '@/lib/shared/registry/build/rules-schema';
import type { PageSignals } from '@/lib/shared/detection/shapes';
import { loadRegistry } from '@/lib/shared/registry/build/node';

// The full registry, for its examples; the shipped rules leave them out.
const { tools: registryTools } = loadRegistry(dirname(import.meta.dirname));

const syntheticHost = (index: number): string => `tool${index}.example-conf.test`;

/** `count` made-up tools with one host each (every other one with subdomains) and two meeting paths. */
const syntheticTools = (count: number): DetectableTool[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `synthetic-${index}`,
    detection: {
      hosts: [{ domain: syntheticHost(index), subdomains: index % 2 === 0 }],
      meetingPaths: ['^/j/\\d+', '^/meet/[a-z0-9-]+'],
    },
  }));

// The registry's own examples, addresses on synthetic hosts every padded registry has, and unrelated sites.
const words = ['news', 'shop', 'mail', 'docs', 'blog', 'cloud', 'maps', 'video', 'forum', 'bank'];
const inputs: Array<{ url: string; signals?: PageSignals }> = [
  ...registryTools.flatMap((tool) => [
    ...tool.detection.examples.match.map(exampleParts),
    ...tool.detection.examples.noMatch.map(exampleParts),
  ]),
  ...Array.from({ length: 300 }, (_, index) => ({
    url: `https://${index % 4 ? '' : 'eu.'}${syntheticHost((index * 7) % 900)}${['/j/4815162342?pwd=x', '/meet/weekly-sync', '/settings', '/'][index % 4]}`,
  })),
  ...Array.from({ length: 300 }, (_, index) => ({
    url: `https://${words[index % 10]}.${words[(index * 3) % 10]}${index}.example/${words[(index * 7) % 10]}/${index * 7919}?ref=x#top`,
  })),
];

const sizes = [registryTools.length, 1_000, 10_000];

test('detection per URL with the real registry and 1,000 and 10,000 tools', async ({ bench }) => {
  const detectors = sizes.map((size) =>
    createDetector([...registryTools, ...syntheticTools(size - registryTools.length)]),
  );
  const runs = detectors.map((detect, index) =>
    bench(`${sizes[index]} tools`, () => {
      for (const { url, signals } of inputs) detect(url, signals);
    }),
  );
  const results = await bench.compare(...runs);
  const nsPerUrl = sizes.map((size) => (results.get(`${size} tools`).latency.p50 * 1e6) / inputs.length);
  const out = process.env.MPL_DETECTION_BENCH;
  if (out)
    writeFileSync(
      out,
      JSON.stringify({
        urls: inputs.length,
        sizes: sizes.map((tools, index) => ({ tools, nsPerUrl: nsPerUrl[index] })),
        ratio: nsPerUrl[2]! / nsPerUrl[0]!,
      }),
    );
});
