import { describe, expect, it } from 'vitest';
import teams from '@/data/tools/microsoft-teams.json';
import zoom from '@/data/tools/zoom.json';
import { checkRegistry, formatProblem } from '@/lib/registry';
import { registry } from '@/lib/registry/bundled';

const meta = { dataAsOf: '2026-11-22' };
const clone = <T>(value: T): T => structuredClone(value);

/** Checks a registry made of the real Teams entry after `mutate`, returning its problems as lines. */
function problemsAfter(mutate: (entry: Record<string, any>) => void, extra: Record<string, unknown> = {}): string[] {
  const entry = clone(teams) as Record<string, any>;
  mutate(entry);
  const files = { 'data/tools/microsoft-teams.json': entry, 'data/tools/zoom.json': clone(zoom), ...extra };
  return checkRegistry(files, meta).problems.map(formatProblem);
}

describe('the bundled registry', () => {
  it('parses, with the Teams entry in it', () => {
    expect(registry.byId.get('microsoft-teams')?.name.en).toBe('Microsoft Teams');
  });

  it('has sources and a last-reviewed date for every entry', () => {
    for (const tool of registry.tools) {
      expect(tool.sources.length, tool.id).toBeGreaterThan(0);
      expect(tool.lastReviewed, tool.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('a malformed entry is rejected with a message naming file and field', () => {
  it.each([
    ['a missing English text', (e: any) => delete e.summary.en, 'data/tools/microsoft-teams.json: summary.en:'],
    ['an empty German item', (e: any) => (e.collected[0].items[0].de = ' '), 'collected.0.items.0.de: must not be empty'],
    ['an http privacy-policy link', (e: any) => (e.links.privacyPolicy.de.url = 'http://privacy.microsoft.com/'), 'links.privacyPolicy.de.url: must be an https:// URL'],
    ['a javascript: link', (e: any) => (e.dpa.url = 'javascript:alert(1)'), 'dpa.url: must be an https:// URL'],
    ['a bad review date', (e: any) => (e.lastReviewed = '2026-13-40'), 'lastReviewed: must be a date as YYYY-MM-DD'],
    ['an unknown data category', (e: any) => (e.collected[0].category = 'biometrics'), 'collected.0.category:'],
    ['an empty item list', (e: any) => (e.collected[1].items = []), 'collected.1.items: must list at least one item'],
    ['an unknown legal-basis article', (e: any) => (e.legalBases[0].article = '7(1)(z)'), 'legalBases.0.article:'],
    ['an id that is not kebab-case', (e: any) => (e.id = 'Microsoft Teams'), 'id: must be kebab-case'],
    ['no sources', (e: any) => (e.sources = []), 'sources: needs at least one source'],
    ['an unknown field', (e: any) => (e.rating = 5), 'Unrecognized key'],
    ['a badge label that is too long', (e: any) => (e.detection.label = 'TEAMS'), 'detection.label:'],
    ['too few example URLs', (e: any) => (e.detection.examples.match = ['https://teams.microsoft.com/v2/']), 'detection.examples.match: needs at least 3 example URLs'],
    ['an unanchored path pattern', (e: any) => (e.detection.meetingPaths = ['meet/']), 'detection.meetingPaths.0: must be a valid regular expression anchored with ^'],
    ['an example URL of another tool', (e: any) => e.detection.examples.match.push('https://zoom.us/j/123'), 'detection.examples.match.5: example https://zoom.us/j/123 detects zoom, not microsoft-teams'],
    ['a counter-example that matches', (e: any) => e.detection.examples.noMatch.push('https://teams.microsoft.com/v2/'), 'detection.examples.noMatch.3: https://teams.microsoft.com/v2/ must not be detected'],
    ['a country that is not a code', (e: any) => (e.provider.country = 'USA'), 'provider.country: must be an ISO 3166-1 alpha-2 country code'],
    ['a discontinued status without a date', (e: any) => (e.status = { state: 'discontinued', note: { de: 'x', en: 'x' } }), 'status.since'],
  ])('%s', (_, mutate, expected) => {
    const problems = problemsAfter(mutate);
    expect(problems.join('\n')).toContain(expected);
  });

  it('a duplicate id', () => {
    const copy = clone(teams);
    const problems = problemsAfter(() => {}, { 'data/tools/zz-copy.json': copy }).join('\n');
    expect(problems).toContain('data/tools/zz-copy.json: id: duplicate id "microsoft-teams"');
  });

  it('an id that differs from its file name', () => {
    const { problems } = checkRegistry({ 'data/tools/teams.json': clone(teams) }, meta);
    expect(problems.map(formatProblem)).toContain('data/tools/teams.json: id: id "microsoft-teams" must match the file name');
  });

  it('a bad data-as-of date', () => {
    const { problems } = checkRegistry({ 'data/tools/microsoft-teams.json': clone(teams) }, { dataAsOf: 'soon' });
    expect(problems.map(formatProblem).join('\n')).toContain('data/registry.json: dataAsOf: must be a date as YYYY-MM-DD');
  });
});
