import { describe, expect, it } from 'vitest';
import { escapeMarkdown, summaryToMarkdown } from '@/lib/markdown';
import { summaryToPlainText } from '@/lib/plain-text';
import { glanceOf, type KeyFactInput } from '@/lib/registry/glance';
import type { Tool } from '@/lib/registry/schema';
import { buildSummary, keyFactRows, MARK_SIGNS, type KeyFactId } from '@/lib/summary';
import { teams } from './support/registry';

/** The Teams entry with some key facts changed, to see how the first screen follows the structured facts. */
function variant(change: (tool: Tool) => void): Tool {
  const tool = structuredClone(teams);
  change(tool);
  return tool;
}

const fact = (tool: KeyFactInput, id: KeyFactId, lang: 'de' | 'en' = 'en') => keyFactRows(tool, lang).find((row) => row.id === id)!;

describe('key facts come from the structured registry facts', () => {
  it('are the same from a full entry and from the Glance the start-up bundle carries', () => {
    for (const lang of ['de', 'en'] as const) expect(keyFactRows(glanceOf(teams), lang)).toEqual(keyFactRows(teams, lang));
  });

  it('answers every question for Teams in English', () => {
    expect(keyFactRows(teams, 'en').map(({ id, mark, text }) => [id, mark, text])).toEqual([
      ['who', 'info', 'Microsoft Corporation (United States) and the organisation that invites you'],
      ['where', 'caution', 'United States · EU-US Data Privacy Framework and standard contractual clauses'],
      ['recording', 'caution', "Possible, started by the organiser and permitted participants; kept in the provider's cloud; transcripts possible"],
      ['ai', 'caution', 'Available; off until someone turns it on'],
      ['e2ee', 'caution', 'Optional, off by default (not in the browser, limited number of participants, no recording, no transcription and no AI)'],
      ['dpa', 'ok', 'Offered to customers · part of the terms'],
    ]);
  });

  it('answers in German with the same marks', () => {
    const german = keyFactRows(teams, 'de');
    expect(german.map((row) => row.mark)).toEqual(keyFactRows(teams, 'en').map((row) => row.mark));
    expect(german[1]!.text).toBe('Vereinigte Staaten · EU-US Data Privacy Framework und Standardvertragsklauseln');
  });

  it.each([
    ['data that stays in the EU', (tool: Tool) => (tool.transfer = { ...tool.transfer, thirdCountry: false, countries: [], mechanisms: ['none-needed'] }), 'where', 'ok', 'Stay in the EU/EEA'],
    ['a self-hosted server', (tool: Tool) => ((tool.hosting = 'self-hosted'), (tool.transfer = { ...tool.transfer, thirdCountry: null, countries: [] })), 'where', 'info', 'Depends on who runs the server'],
    ['a country with an adequacy decision only', (tool: Tool) => (tool.transfer = { ...tool.transfer, countries: ['CH'], mechanisms: ['adequacy'] }), 'where', 'info', 'Switzerland · adequacy decision'],
    ['no recording and no transcription', (tool: Tool) => ((tool.keyFacts.recording = { available: 'no', defaultOn: false, storedAt: [], startedBy: [] }), (tool.keyFacts.transcription = { available: 'no', defaultOn: false })), 'recording', 'ok', 'No recording; no transcripts'],
    ['encryption on by default', (tool: Tool) => (tool.keyFacts.e2ee = { available: 'yes', defaultOn: true, limits: [] }), 'e2ee', 'ok', 'On by default'],
    ['no end-to-end encryption', (tool: Tool) => (tool.keyFacts.e2ee = { available: 'no', defaultOn: false, limits: [] }), 'e2ee', 'caution', 'Not available'],
    ['AI that is on by default', (tool: Tool) => (tool.keyFacts.ai = { available: 'yes', defaultOn: true }), 'ai', 'caution', 'Available; on by default'],
    ['no AI', (tool: Tool) => (tool.keyFacts.ai = { available: 'no', defaultOn: false }), 'ai', 'ok', 'None'],
    ['an unknown answer', (tool: Tool) => (tool.keyFacts.ai = { available: 'unknown', defaultOn: null }), 'ai', 'unknown', 'Not known'],
    ['a consumer service', (tool: Tool) => (tool.dpa = { ...tool.dpa, status: 'not-applicable', how: undefined }), 'dpa', 'info', 'Not applicable: a consumer service'],
  ] as const)('%s', (_, change, id, mark, text) => {
    expect(fact(variant(change), id)).toMatchObject({ mark, text });
  });

  it('names the provider alone for a consumer service, and the operator for a self-hosted one', () => {
    expect(fact(variant((tool) => (tool.dpa.status = 'not-applicable')), 'who').text).toBe('Microsoft Corporation (United States)');
    expect(fact(variant((tool) => (tool.hosting = 'self-hosted')), 'who').text).toBe('The organisation that runs this server');
  });

  it('keeps an unconfirmed fact marked in the first screen too', () => {
    expect(fact(teams, 'dpa').unconfirmed).toBe(false);
    const open = variant((tool) => (tool.dpa.unconfirmed = { de: 'offen', en: 'still open' }));
    expect(fact(open, 'dpa').unconfirmed).toBe(true);
    expect(fact(glanceOf(open), 'dpa').unconfirmed).toBe(true);
  });
});

describe('the popup and the Markdown export share one view model', () => {
  it('carries every key fact, section, source, statement and link into the Markdown', () => {
    const model = buildSummary(teams, 'en', '2026-11-23');
    const markdown = summaryToMarkdown(model, 'en');
    const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
    for (const row of model.keyFacts) expect(unescape(markdown)).toContain(`${row.label}:** ${row.text}`);
    for (const section of model.sections) expect(markdown).toContain(`\n## ${section.title}\n`);
    for (const source of model.sources) if (source.url) expect(markdown).toContain(`(<${source.url}>)`);
    for (const statement of teams.statements ?? []) expect(unescape(markdown)).toContain(statement.text.en);
    expect(markdown).toContain('(<https://privacy.microsoft.com/de-de/privacystatement>)');
    expect(markdown).toContain('Data as of 23 November 2026');
  });

  it('attributes the organisation’s own claims to its notice', () => {
    const dpa = buildSummary(teams, 'de', '2026-11-23').sections.find((section) => section.id === 'dpa')!;
    const statements = dpa.blocks.filter((block) => block.kind === 'statement');
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({ source: 1, sourceTitle: teams.sources[0]!.title });
  });

  it('leaves out a section with nothing in it', () => {
    const model = buildSummary(variant((tool) => ((tool.notes = []), (tool.statements = []))), 'en', '2026-11-23');
    expect(model.sections.map((section) => section.id)).not.toContain('notes');
  });

  it('escapes Markdown in registry text, so it stays literal', () => {
    const tool = variant((entry) => (entry.summary = { de: '*fett* [x](javascript:alert(1))', en: '*bold* [x](javascript:alert(1))' }));
    expect(summaryToMarkdown(buildSummary(tool, 'en', '2026-11-23'), 'en')).toContain('\\*bold\\* \\[x\\](javascript:alert(1))');
  });
});

describe('copies that paste well', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`the plain-text summary has the popup's signs and labels, bare links and the data date, and no markup (${lang})`, () => {
      const model = buildSummary(teams, lang, '2026-11-23');
      const text = summaryToPlainText(model, lang);
      expect(text.split('\n')[0]).toBe(model.name);
      for (const fact of model.keyFacts) expect(text).toContain(`${MARK_SIGNS[fact.mark]} ${fact.label}: ${fact.text}`);
      for (const source of model.sources.filter((source) => source.url)) expect(text).toContain(`\n    ${source.url}\n`);
      expect(text).toContain(model.footer);
      expect(text).not.toMatch(/[\\*_#]|\]\(/);
    });
  }

  it('the Markdown escapes only what Markdown reads, so "Art. 6(1)(b)" stays as it is', () => {
    const markdown = summaryToMarkdown(buildSummary(teams, 'en', '2026-11-23'), 'en');
    expect(markdown).toContain('Art. 6(1)(b) GDPR');
    expect(markdown).not.toContain('\\(');
    expect(markdown).not.toMatch(/\n\n\n/);
    for (const sign of ['⚠', 'ⓘ']) expect(markdown).not.toContain(sign);
  });

  it.each([
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['snake_case stays, _emphasis_ does not', 'snake_case stays, \\_emphasis\\_ does not'],
    ['a <script> tag and &amp;', 'a \\<script> tag and \\&amp;'],
    ['costs (in EUR) [estimate]', 'costs (in EUR) \\[estimate\\]'],
  ])('escapes %j as %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});
