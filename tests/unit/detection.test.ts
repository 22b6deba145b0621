import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleParts } from '@/lib/shared/registry/build/rules-schema';
import { detectTool } from '@/lib/shared/registry/rules';
import { registry } from './support/registry';

// Every tool's own examples and counter-examples (the grid) are checked by the registry check, which runs
// before these tests and on every build; the cases here are about the engine's behaviour.

describe('Teams detection', () => {
  it.each([
    ['https://teams.microsoft.com/v2/', 'app'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d', 'meeting'],
    ['https://teams.microsoft.com/meet/1234567890123?p=abc', 'meeting'],
    ['https://teams.cloud.microsoft/', 'app'],
    ['https://TEAMS.Microsoft.com./v2/', 'app'],
  ])('recognises %s as a Teams %s page', (url, context) => {
    expect(detectTool(url)).toMatchObject({ toolId: 'microsoft-teams', context });
  });

  it.each([
    'https://teams.microsoft.com.evil.example/',
    'https://example.com/?u=https://teams.microsoft.com/',
    'https://example.com/teams.microsoft.com/l/meetup-join/x',
    'https://evilteams.microsoft.com.example/',
    'https://microsoft.com/teams',
    'ftp://teams.microsoft.com/',
    'javascript:alert(1)//teams.microsoft.com',
    'data:text/html,teams.microsoft.com',
    'teams.microsoft.com',
    '',
  ])('rejects the lookalike %s', (url) => {
    expect(detectTool(url)).toBeNull();
  });
});

describe('reverse proxies that serve a tool under their own suffix', () => {
  it.each([
    ['https://teams.microsoft.com.mcas.ms/v2/', 'microsoft-teams'],
    ['https://gov.teams.microsoft.us.mcas-gov.us/l/meetup-join/19%3ameeting_x%40thread.v2/0', 'microsoft-teams'],
    ['https://meet.google.com.mcas.ms/abc-defg-hij', 'google-meet'],
  ])('reads %s as the inner tool host', (url, toolId) => {
    expect(detectTool(url)?.toolId).toBe(toolId);
  });

  it.each([
    'https://mcas.ms/',
    'https://evil.mcas.ms/l/meetup-join/x',
    'https://teams.microsoft.com.mcas.ms.evil.example/v2/',
    'https://www.example.com.mcas.ms/',
  ])('detects nothing on %s', (url) => {
    expect(detectTool(url)).toBeNull();
  });
});

describe('evidence', () => {
  /** Every string the registry itself can put into evidence: registered hosts and marker values. */
  const registryStrings = new Set(
    registry.tools.flatMap((tool) => [
      ...tool.detection.hosts.map((host) => host.domain),
      ...(tool.detection.markers ?? []).flatMap((set) => set.all.map((marker) => marker.value)),
    ]),
  );

  it('names only registry rules, never the page’s own host, path, query or fragment, for every example of every tool', () => {
    for (const tool of registry.tools) {
      for (const example of tool.detection.examples.match) {
        const { url, signals } = exampleParts(example);
        for (const item of detectTool(url, signals)?.evidence ?? []) {
          if ('value' in item) expect(registryStrings, `${tool.id}: ${url}`).toContain(item.value);
        }
      }
    }
  });

  it('names the registered host, not the subdomain the organisation chose', () => {
    expect(detectTool('https://acme-secret-project.webex.com/meet/jane')?.evidence).toEqual([
      { type: 'host', value: 'webex.com' },
    ]);
  });
});

/**
 * A call's time budget in the property tests: a detection takes about a microsecond, a pattern that backtracks
 * catastrophically seconds; 100 ms leaves room for a busy machine's pauses and still catches the second.
 */
const CALL_BUDGET_MS = 100;

/** Runs `detect` and fails if the call alone took longer than the budget. */
function timed<T>(detect: () => T): T {
  const started = performance.now();
  const result = detect();
  expect(performance.now() - started).toBeLessThan(CALL_BUDGET_MS);
  return result;
}

describe('detectTool never throws, and answers every input within its time budget', () => {
  it('on arbitrary strings, and answers only with registry tools', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const result = timed(() => detectTool(input));
        return result === null || registry.byId.has(result.toolId);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('on arbitrary URLs with page signals, including long repetitive paths', () => {
    const signals = fc.record(
      {
        globals: fc.array(fc.string()),
        scripts: fc.array(fc.webUrl()),
        selectors: fc.array(fc.string()),
        title: fc.string(),
        frames: fc.array(fc.oneof(fc.webUrl(), fc.string())),
      },
      { requiredKeys: [] },
    );
    const url = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(
          fc.constantFrom('https://teams.microsoft.com/', 'https://x.example/', 'https://zoom.us/'),
          fc.stringMatching(/^[a-z/?#&=.]{0,40}$/),
          fc.nat(2000),
        )
        .map(
          ([base, unit, times]) =>
            `${base}${unit.repeat(Math.min(times, Math.floor(8000 / Math.max(unit.length, 1))))}`,
        ),
    );
    fc.assert(
      fc.property(url, signals, (address, page) => {
        const result = timed(() => detectTool(address, page));
        return result === null || registry.byId.has(result.toolId);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('on values that are not strings', () => {
    for (const input of [undefined, null, 42, {}, [], Symbol('x')]) expect(detectTool(input as string)).toBeNull();
  });
});
