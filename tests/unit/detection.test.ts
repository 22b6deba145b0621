import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/lib/detection';
import { exampleParts } from '@/lib/detection/engine';
import { registry } from '@/lib/registry/bundled';

describe('the grid: every example detects its own tool and no other', () => {
  for (const tool of registry.tools) {
    describe(tool.id, () => {
      for (const example of tool.detection.examples.match) {
        const { url, signals } = exampleParts(example);
        it(`detects ${url}${signals ? ' with page markers' : ''}`, () => {
          expect(detectTool(url, signals)?.toolId).toBe(tool.id);
        });
      }
      for (const url of tool.detection.examples.noMatch) {
        it(`detects nothing on ${url}`, () => {
          expect(detectTool(url)).toBeNull();
        });
      }
    });
  }
});

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

  it('says which host matched', () => {
    expect(detectTool('https://teams.microsoft.com/v2/')?.evidence).toEqual([{ type: 'host', value: 'teams.microsoft.com' }]);
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

describe('detectTool never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (input) => {
      const result = detectTool(input);
      return result === null || registry.byId.has(result.toolId);
    }), { numRuns: 10_000 });
  });

  it('on arbitrary URLs and page signals', () => {
    const signals = fc.record({
      globals: fc.array(fc.string()),
      scripts: fc.array(fc.webUrl()),
      selectors: fc.array(fc.string()),
      title: fc.string(),
      frames: fc.array(fc.oneof(fc.webUrl(), fc.string())),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), signals, (url, page) => {
      const result = detectTool(url, page);
      return result === null || registry.byId.has(result.toolId);
    }), { numRuns: 10_000 });
  });

  it('on values that are not strings', () => {
    for (const input of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(detectTool(input as unknown as string)).toBeNull();
    }
  });
});
