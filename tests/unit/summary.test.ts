import { describe, expect, it } from 'vitest';
import { assessmentLine, glanceOf, keyFactRows, MARK_SIGNS, type KeyFactId } from '@/lib/key-facts';
import { escapeMarkdown, summaryToMarkdown } from '@/lib/markdown';
import { summaryToPlainText } from '@/lib/plain-text';
import type { Assessment, Tool } from '@/lib/registry/build/schema';
import { buildSummary } from '@/lib/summary';
import { exampleTool, registry, teams } from './support/registry';

/** The example tool with some facts changed, to see how the first screen follows the structured facts. */
function variant(change: (tool: Tool) => void): Tool {
  const tool = exampleTool();
  change(tool);
  return tool;
}

const fact = (tool: Tool, id: KeyFactId, lang: 'de' | 'en' = 'en') => keyFactRows(glanceOf(tool), lang).find((row) => row.id === id)!;

/** An assessment with the fields the marks read; the rest is filler. */
function assessment(fields: Partial<Assessment> & Pick<Assessment, 'date' | 'kind' | 'tone' | 'points'>): Assessment {
  const text = { de: 'x', en: 'x' };
  return { assessor: text, short: { de: 'Behörde', en: 'Authority' }, scope: text, verdict: { de: 'rot', en: 'red' }, summary: text, url: 'https://example.com/a', accessed: '2026-12-05', ...fields };
}

const agreementConcern = assessment({ date: '2021-02-18', kind: 'authority', tone: 'negative', points: [{ point: 'agreement', finding: 'concern' }] });

describe('key facts come from the structured registry facts', () => {
  it('answers every question from the structured facts, in English', () => {
    expect(keyFactRows(glanceOf(exampleTool()), 'en').map(({ id, mark, text }) => [id, mark, text])).toEqual([
      ['who', 'info', 'Example Inc. (United States) and the organisation that invites you'],
      ['where', 'caution', 'United States · adequacy decision (DPF) and standard contractual clauses'],
      ['recording', 'caution', "Possible, started by the organiser; kept in the provider's cloud; transcripts possible"],
      ['ai', 'caution', 'Available; off until someone turns it on'],
      ['e2ee', 'caution', 'Optional, off by default (not in the browser)'],
      ['dpa', 'ok', 'Offered to customers · part of the terms'],
    ]);
  });

  it('answers in German with the same marks', () => {
    const german = keyFactRows(glanceOf(exampleTool()), 'de');
    expect(german.map((row) => row.mark)).toEqual(keyFactRows(glanceOf(exampleTool()), 'en').map((row) => row.mark));
    expect(german[1]!.text).toBe('Vereinigte Staaten · Angemessenheitsbeschluss (DPF) und Standarddatenschutzklauseln');
  });

  it.each([
    ['data that stays in the EU', (tool: Tool) => (tool.transfer = { ...tool.transfer, thirdCountry: false, countries: [], mechanisms: ['none-needed'] }), 'where', 'ok', 'Stay in the EU/EEA'],
    ['data that stays in the EU with a provider subject to US law', (tool: Tool) => ((tool.transfer = { ...tool.transfer, thirdCountry: false, countries: [], mechanisms: ['none-needed'] }), (tool.usLaw = { subject: true, note: { de: 'x', en: 'x' } })), 'where', 'caution', 'Stay in the EU/EEA · US law applies (CLOUD Act)'],
    ['a self-hosted server', (tool: Tool) => ((tool.hosting = 'self-hosted'), (tool.transfer = { ...tool.transfer, thirdCountry: null, countries: [] })), 'where', 'info', 'Depends on who runs the server'],
    ['a country with an adequacy decision only', (tool: Tool) => (tool.transfer = { ...tool.transfer, countries: ['CH'], mechanisms: ['adequacy'] }), 'where', 'info', 'Switzerland · adequacy decision'],
    ['no recording and no transcription', (tool: Tool) => ((tool.keyFacts.recording = { available: 'no', defaultOn: false, storedAt: [], startedBy: [] }), (tool.keyFacts.transcription = { available: 'no', defaultOn: false })), 'recording', 'ok', 'No recording; no transcripts'],
    ['encryption on by default', (tool: Tool) => (tool.keyFacts.e2ee = { available: 'yes', defaultOn: true, limits: [] }), 'e2ee', 'ok', 'On by default'],
    ['encryption whose default depends on the settings', (tool: Tool) => (tool.keyFacts.e2ee = { available: 'yes', defaultOn: null, limits: [] }), 'e2ee', 'info', 'Depends on the settings'],
    ['no end-to-end encryption', (tool: Tool) => (tool.keyFacts.e2ee = { available: 'no', defaultOn: false, limits: [] }), 'e2ee', 'caution', 'Not available'],
    ['AI that is on by default', (tool: Tool) => (tool.keyFacts.ai = { available: 'yes', defaultOn: true }), 'ai', 'caution', 'Available; on by default'],
    ['no AI', (tool: Tool) => (tool.keyFacts.ai = { available: 'no', defaultOn: false }), 'ai', 'ok', 'None'],
    ['an unknown answer', (tool: Tool) => (tool.keyFacts.ai = { available: 'unknown', defaultOn: null }), 'ai', 'unknown', 'Not known'],
    ['a consumer service', (tool: Tool) => (tool.dpa = { ...tool.dpa, status: 'not-applicable', reason: 'consumer-service', how: undefined }), 'dpa', 'info', 'Not applicable: the provider is the controller itself (a consumer service)'],
    ['a self-hosted server, whose operator answers', (tool: Tool) => ((tool.hosting = 'self-hosted'), (tool.dpa = { ...tool.dpa, status: 'not-applicable', reason: 'self-hosted', how: undefined })), 'dpa', 'info', 'Not applicable: the organisation runs the server itself; ask it'],
  ] as const)('%s', (_, change, id, mark, text) => {
    expect(fact(variant(change), id)).toMatchObject({ mark, text });
  });

  it('names the provider alone for a consumer service, and the operator for a self-hosted one', () => {
    expect(fact(variant((tool) => ((tool.dpa.status = 'not-applicable'), (tool.dpa.reason = 'consumer-service'))), 'who').text).toBe('Example Inc. (United States)');
    expect(fact(variant((tool) => (tool.hosting = 'self-hosted')), 'who').text).toBe('The organisation that runs this server');
  });

  it('keeps an unconfirmed fact marked in the first screen too', () => {
    expect(fact(exampleTool(), 'dpa').unconfirmed).toBe(false);
    const open = variant((tool) => (tool.dpa.unconfirmed = { de: 'offen', en: 'still open' }));
    expect(fact(open, 'dpa').unconfirmed).toBe(true);
  });
});

describe('the agreement row weighs what authorities found', () => {
  it('is not ✓ while a current authority assessment finds the agreement wanting, and says who found it', () => {
    const row = fact(variant((tool) => (tool.assessments = [agreementConcern])), 'dpa');
    expect(row).toMatchObject({ mark: 'caution', text: 'Offered to customers · Authority found defects (2021)' });
    expect(fact(variant((tool) => (tool.assessments = [agreementConcern])), 'dpa', 'de').text).toContain('Behörde fand Mängel (2021)');
  });

  it('counts the provider’s own-purpose processing the same way', () => {
    const ownPurposes = { ...agreementConcern, points: [{ point: 'own-purposes', finding: 'concern' }] } satisfies Assessment;
    expect(fact(variant((tool) => (tool.assessments = [ownPurposes])), 'dpa').mark).toBe('caution');
  });

  it('is ✓ again once a newer assessment supersedes the finding', () => {
    const resolved = assessment({ date: '2024-04-18', kind: 'government-dpia', tone: 'positive', points: [{ point: 'agreement', finding: 'resolved' }] });
    const row = fact(variant((tool) => (tool.assessments = [resolved, { ...agreementConcern, supersededBy: 0 }])), 'dpa');
    expect(row).toMatchObject({ mark: 'ok', text: 'Offered to customers · part of the terms' });
  });

  it('does not count consumer tests and research as an authority’s finding', () => {
    const test = { ...agreementConcern, kind: 'consumer-test' } satisfies Assessment;
    expect(fact(variant((tool) => (tool.assessments = [test])), 'dpa').mark).toBe('ok');
  });
});

describe('the first screen’s assessment line', () => {
  it('shows the newest assessment no newer one replaces: who, when and the verdict, in both languages', () => {
    const older = { ...agreementConcern, supersededBy: 0 };
    const newer = assessment({ date: '2024-04-18', kind: 'government-dpia', tone: 'mixed', points: [], short: { de: 'SURF', en: 'SURF' }, verdict: { de: 'mittlere Risiken', en: 'medium risks' } });
    const glance = glanceOf(variant((tool) => (tool.assessments = [newer, older])));
    expect(assessmentLine(glance, 'en')).toMatchObject({ mark: 'info', text: 'SURF, Apr 2024: “medium risks”', count: 2 });
    expect(assessmentLine(glance, 'de')?.text).toBe('SURF, Apr. 2024: „mittlere Risiken“');
  });

  it('is absent where no assessment is recorded', () => {
    expect(assessmentLine(glanceOf(exampleTool()), 'en')).toBeNull();
  });

  it('reads as a sentence for every assessed tool in the registry, in both languages', () => {
    for (const tool of registry.tools.filter((entry) => entry.assessments?.length)) {
      for (const lang of ['de', 'en'] as const) expect(assessmentLine(glanceOf(tool), lang)?.text).toMatch(/^[^{}]+, .+ \d{4}: [„“].+[“”]$/);
    }
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
    expect(markdown).toContain(model.footer);
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
      // Addresses are bare links and keep their own characters; everything else carries no markup.
      const prose = text.split('\n').filter((line) => !/^ {4}https:\/\//.test(line)).join('\n');
      expect(prose).not.toMatch(/[\\*#]|\]\(|\b_|_\b/);
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
