import { describe, expect, it } from 'vitest';
import { assessmentLine, glanceOf, KEY_FACTS, keyFactRows, MARK_SIGNS, type KeyFactId } from '@/lib/shared/key-facts';
import { escapeMarkdown, summaryToMarkdown } from '@/lib/ui/markdown';
import { summaryToPlainText } from '@/lib/ui/plain-text';
import type { Assessment, Tool } from '@/lib/shared/registry/build/schema';
import { buildSummary } from '@/lib/ui/summary';
import { exampleTool, registry, teams } from './support/registry';

/** The example tool with some facts changed, to see how the first screen follows the structured facts. */
function variant(change: (tool: Tool) => void): Tool {
  const tool = exampleTool();
  change(tool);
  return tool;
}

const fact = (tool: Tool, id: KeyFactId, lang: 'de' | 'en' = 'en') =>
  keyFactRows(glanceOf(tool), lang).find((row) => row.id === id)!;

/** An assessment with the fields the marks read; the rest is filler. */
function assessment(fields: Partial<Assessment> & Pick<Assessment, 'date' | 'kind' | 'tone' | 'points'>): Assessment {
  const text = { de: 'x', en: 'x' };
  return {
    assessor: text,
    short: { de: 'Behörde', en: 'Authority' },
    scope: text,
    verdict: { de: 'rot', en: 'red' },
    summary: text,
    url: 'https://example.com/a',
    accessed: '2026-12-05',
    ...fields,
  };
}

const agreementConcern = assessment({
  date: '2021-02-18',
  kind: 'authority',
  tone: 'negative',
  points: [{ point: 'agreement', finding: 'concern' }],
});

describe('key facts come from the structured registry facts', () => {
  it('answers every question as one sentence from the structured facts, in English', () => {
    expect(keyFactRows(glanceOf(exampleTool()), 'en').map(({ id, mark, text }) => [id, mark, text])).toEqual([
      [
        'who',
        'ok',
        'The organisation holding this meeting (if internal, your employer) is responsible; Example Inc. processes for it by agreement.',
      ],
      ['where', 'caution', 'Your data may also leave the EU/EEA: United States.'],
      ['recording', 'caution', 'This meeting can be recorded by the organiser, and transcribed.'],
      ['ai', 'caution', 'AI features exist, off until the organisation or the organiser turns them on.'],
      [
        'e2ee',
        'caution',
        'Not end-to-end encrypted in the browser; in the app, once the organisation or the organiser turns it on.',
      ],
    ]);
  });

  it('answers in German with the same marks, naming the roles as the GDPR does', () => {
    const german = keyFactRows(glanceOf(exampleTool()), 'de');
    expect(german.map((row) => row.mark)).toEqual(keyFactRows(glanceOf(exampleTool()), 'en').map((row) => row.mark));
    expect(german[0]!.text).toMatch(
      /^Verantwortlicher ist die Organisation, .*Example Inc\. verarbeitet in ihrem Auftrag/,
    );
    expect(german[1]!.text).toBe('Ihre Daten können auch die EU/den EWR verlassen: Vereinigte Staaten.');
  });

  it.each([
    [
      'data that stays in the EU',
      (tool: Tool) =>
        (tool.transfer = { ...tool.transfer, thirdCountry: false, countries: [], mechanisms: ['none-needed'] }),
      'where',
      'ok',
      'Your data stays in the EU/EEA.',
    ],
    [
      'data that stays in the EU with a provider subject to US law',
      (tool: Tool) => (
        (tool.transfer = { ...tool.transfer, thirdCountry: false, countries: [], mechanisms: ['none-needed'] }),
        (tool.usLaw = { subject: true, note: { de: 'x', en: 'x' } })
      ),
      'where',
      'caution',
      'Your data stays in the EU/EEA, but the provider is subject to US law (CLOUD Act), which reaches it there too.',
    ],
    [
      'a self-hosted server',
      (tool: Tool) => (
        (tool.hosting = 'self-hosted'),
        (tool.transfer = { ...tool.transfer, thirdCountry: null, countries: [] })
      ),
      'where',
      'info',
      'Where your data goes depends on who runs the server.',
    ],
    [
      'a country with an adequacy decision only',
      (tool: Tool) => (tool.transfer = { ...tool.transfer, countries: ['CH'], mechanisms: ['adequacy'] }),
      'where',
      'info',
      'Your data may also go to countries whose protection the EU recognises as adequate: Switzerland.',
    ],
    [
      'no recording and no transcription',
      (tool: Tool) => (
        (tool.keyFacts.recording = { available: 'no', defaultOn: false, storedAt: [], startedBy: [] }),
        (tool.keyFacts.transcription = { available: 'no', defaultOn: false })
      ),
      'recording',
      'ok',
      'Meetings cannot be recorded or transcribed.',
    ],
    [
      'recording whose consent is joining, per the provider',
      (tool: Tool) =>
        (tool.keyFacts.recording.participants = { consent: 'joining-counts', notice: 'not-stated', source: 0 }),
      'recording',
      'caution',
      `This meeting can be recorded by the organiser, and transcribed. According to Microsoft Teams, joining counts as consent to recording.`,
    ],
    [
      'recording everyone is told of',
      (tool: Tool) => (tool.keyFacts.recording.participants = { consent: 'not-stated', notice: 'everyone', source: 0 }),
      'recording',
      'caution',
      'This meeting can be recorded by the organiser, and transcribed. Everyone sees when it is recording.',
    ],
    [
      'encryption on by default',
      (tool: Tool) => (tool.keyFacts.e2ee = { available: 'yes', defaultOn: true, limits: [] }),
      'e2ee',
      'ok',
      'Calls are end-to-end encrypted by default.',
    ],
    [
      'encryption on by default for one-to-one calls',
      (tool: Tool) =>
        (tool.keyFacts.e2ee = { available: 'yes', defaultOn: true, limits: ['one-to-one-only', 'disables-recording'] }),
      'e2ee',
      'ok',
      'Calls are end-to-end encrypted by default (one-to-one calls only).',
    ],
    [
      'encryption on by default but not in the browser',
      (tool: Tool) => (tool.keyFacts.e2ee = { available: 'yes', defaultOn: true, limits: ['not-in-browser'] }),
      'e2ee',
      'caution',
      'Not end-to-end encrypted in the browser, only in the app.',
    ],
    [
      'encryption off by default in the browser too',
      (tool: Tool) => (tool.keyFacts.e2ee = { available: 'yes', defaultOn: false, limits: [] }),
      'e2ee',
      'caution',
      'End-to-end encryption exists, off until the organisation or the organiser turns it on.',
    ],
    [
      'encryption whose default depends on the settings',
      (tool: Tool) => (tool.keyFacts.e2ee = { available: 'yes', defaultOn: null, limits: [] }),
      'e2ee',
      'info',
      'Whether calls are end-to-end encrypted is up to the organisation or the organiser.',
    ],
    [
      'no end-to-end encryption',
      (tool: Tool) => (tool.keyFacts.e2ee = { available: 'no', defaultOn: false, limits: [] }),
      'e2ee',
      'caution',
      'Calls are not end-to-end encrypted.',
    ],
    [
      'AI that is on by default',
      (tool: Tool) => (tool.keyFacts.ai = { available: 'yes', defaultOn: true }),
      'ai',
      'caution',
      'AI features are on unless the organisation or the organiser turns them off.',
    ],
    [
      'no AI',
      (tool: Tool) => (tool.keyFacts.ai = { available: 'no', defaultOn: false }),
      'ai',
      'ok',
      'This tool has no AI features.',
    ],
    [
      'an unknown answer',
      (tool: Tool) => (tool.keyFacts.ai = { available: 'unknown', defaultOn: null }),
      'ai',
      'unknown',
      'Whether it has AI features is not known.',
    ],
    [
      'a consumer service',
      (tool: Tool) =>
        (tool.dpa = { ...tool.dpa, status: 'not-applicable', reason: 'consumer-service', how: undefined }),
      'who',
      'info',
      'Example Inc. itself is responsible for your data (a consumer service).',
    ],
    [
      'a self-hosted server, whose operator answers',
      (tool: Tool) => (
        (tool.hosting = 'self-hosted'),
        (tool.dpa = { ...tool.dpa, status: 'not-applicable', reason: 'self-hosted', how: undefined })
      ),
      'who',
      'info',
      'The organisation that runs this server is responsible for your data; ask it.',
    ],
    [
      'a provider that offers no agreement',
      (tool: Tool) => (tool.dpa = { ...tool.dpa, status: 'not-offered', how: undefined }),
      'who',
      'caution',
      'The organisation holding this meeting (if internal, your employer) is responsible; Example Inc. processes for it, without an agreement on offer.',
    ],
  ] as const)('%s', (_, change, id, mark, text) => {
    expect(fact(variant(change), id)).toMatchObject({ mark, text });
  });

  it('names the EEA entity that is answerable: the controller of a consumer service, the processor a customer contracts with', () => {
    const eu = (acts: 'controller' | 'processor' | 'representative') => ({
      name: 'Example Ireland Ltd',
      address: 'Dublin',
      country: 'IE',
      acts,
      role: { de: 'x', en: 'x' },
    });
    const consumer = variant(
      (tool) => (
        (tool.dpa = { ...tool.dpa, status: 'not-applicable', reason: 'consumer-service', how: undefined }),
        (tool.provider.euEntity = eu('controller'))
      ),
    );
    expect(fact(consumer, 'who').text).toBe(
      'Example Ireland Ltd itself is responsible for your data (a consumer service).',
    );
    expect(
      fact(
        variant((tool) => (tool.provider.euEntity = eu('processor'))),
        'who',
      ).text,
    ).toContain('Example Ireland Ltd processes for it');
    expect(
      fact(
        variant((tool) => (tool.provider.euEntity = eu('controller'))),
        'who',
      ).text,
    ).toMatch(
      /Example Inc\. processes for it by agreement\. For the provider’s own purposes, Example Ireland Ltd is responsible\.$/,
    );
    // A representative under Art. 27 answers for nothing a participant asks about.
    expect(
      fact(
        variant((tool) => (tool.provider.euEntity = eu('representative'))),
        'who',
      ).text,
    ).not.toContain('Example Ireland');
  });

  it('keeps an unconfirmed fact marked in the first screen too', () => {
    expect(fact(exampleTool(), 'who').unconfirmed).toBe(false);
    const open = variant((tool) => (tool.dpa.unconfirmed = { de: 'offen', en: 'still open' }));
    expect(fact(open, 'who').unconfirmed).toBe(true);
  });
});

describe('every tool in the registry gets one plain sentence per key fact', () => {
  it.each(['de', 'en'] as const)(
    'in %s: no empty, undefined or unfilled text, and rows that tell the big tools apart',
    (lang) => {
      for (const tool of registry.tools) {
        const rows = keyFactRows(glanceOf(tool), lang);
        expect(rows.map((row) => row.id)).toEqual([...KEY_FACTS]);
        for (const row of rows) {
          expect(row.text, `${tool.id} ${row.id}`).toMatch(/^\S.*[.)]$/);
          expect(row.text, `${tool.id} ${row.id}`).not.toMatch(/undefined|null|NaN|\{\w+\}|\s[,;.]|\s{2}/);
          expect(row.label).not.toBe('');
        }
        const actions = buildSummary(tool, lang, '2026-11-23').sections.find((section) => section.id === 'actions')!;
        expect(JSON.stringify(actions.blocks), tool.id).not.toMatch(/undefined|\{\w+\}/);
      }
      const texts = (id: string) => keyFactRows(glanceOf(registry.byId.get(id)!), lang).map((row) => row.text);
      expect(texts('webex')).not.toEqual(texts('microsoft-teams'));
    },
  );
});

describe('the agreement weighs what authorities found, in the row on who is responsible', () => {
  it('is not ✓ while a current authority assessment finds the agreement wanting, and says who found it', () => {
    const row = fact(
      variant((tool) => (tool.assessments = [agreementConcern])),
      'who',
    );
    expect(row.mark).toBe('caution');
    expect(row.text).toContain('by agreement; Authority found defects (2021)');
    expect(
      fact(
        variant((tool) => (tool.assessments = [agreementConcern])),
        'who',
        'de',
      ).text,
    ).toContain('Behörde fand Mängel (2021)');
  });

  it('counts the provider’s own-purpose processing the same way', () => {
    const ownPurposes = {
      ...agreementConcern,
      points: [{ point: 'own-purposes', finding: 'concern' }],
    } satisfies Assessment;
    expect(
      fact(
        variant((tool) => (tool.assessments = [ownPurposes])),
        'who',
      ).mark,
    ).toBe('caution');
  });

  it('is ✓ again once a newer assessment supersedes the finding', () => {
    const resolved = assessment({
      date: '2024-04-18',
      kind: 'government-dpia',
      tone: 'positive',
      points: [{ point: 'agreement', finding: 'resolved' }],
    });
    const row = fact(
      variant((tool) => (tool.assessments = [resolved, { ...agreementConcern, supersededBy: 0 }])),
      'who',
    );
    expect(row.mark).toBe('ok');
    expect(row.text).not.toContain('defects');
  });

  it('does not count consumer tests and research as an authority’s finding', () => {
    const test = { ...agreementConcern, kind: 'consumer-test' } satisfies Assessment;
    expect(
      fact(
        variant((tool) => (tool.assessments = [test])),
        'who',
      ).mark,
    ).toBe('ok');
  });

  it('says the finding in the agreement’s details too', () => {
    const dpa = buildSummary(
      variant((tool) => (tool.assessments = [agreementConcern])),
      'en',
      '2026-11-23',
    ).sections.find((section) => section.id === 'dpa')!;
    expect(JSON.stringify(dpa.blocks)).toContain('Authority found defects (2021)');
  });
});

describe('what a participant can do', () => {
  const actions = (tool: Tool, lang: 'de' | 'en' = 'en') =>
    buildSummary(tool, lang, '2026-11-23')
      .sections.find((section) => section.id === 'actions')!
      .blocks.flatMap((block) =>
        block.kind === 'list'
          ? block.lines.map((line) => line.text)
          : block.kind === 'paragraph'
            ? [block.line.text]
            : [],
      );

  it('names the rights with their articles and the limits of erasure, never deletion as an outcome', () => {
    const lines = actions(exampleTool());
    for (const article of ['Art. 15 GDPR', 'Art. 21 GDPR', 'Art. 17(1) and (3) GDPR', 'Art. 77 GDPR'])
      expect(lines.join(' ')).toContain(article);
    expect(lines.join(' ')).not.toMatch(/data is deleted/i);
    expect(actions(exampleTool(), 'de').join(' ')).toContain('Art. 17 Abs. 1 und 3 DSGVO');
  });

  it('sends the participant to the organiser and the organisation’s data-protection officer, or to the provider of a consumer service', () => {
    expect(actions(exampleTool()).join(' ')).toMatch(
      /The organiser: .*data-protection officer of the organisation running the meeting/,
    );
    const consumer = variant(
      (tool) => (tool.dpa = { ...tool.dpa, status: 'not-applicable', reason: 'consumer-service', how: undefined }),
    );
    expect(actions(consumer).join(' ')).toContain('Example Inc., the controller');
  });

  it('is tool-aware where the registry knows: consent by joining, a recording notice, dial-in', () => {
    const joining = variant(
      (tool) => (tool.keyFacts.recording.participants = { consent: 'joining-counts', notice: 'not-stated', source: 0 }),
    );
    expect(actions(joining).join(' ')).toContain('joining a recorded meeting counts as consent');
    const notice = variant(
      (tool) => (tool.keyFacts.recording.participants = { consent: 'not-stated', notice: 'everyone', source: 0 }),
    );
    expect(actions(notice)).toContain('While the meeting is recorded, everyone is shown a notice.');
    const dialIn = (has: boolean) =>
      actions(
        variant(
          (tool) =>
            (tool.collected = [
              ...tool.collected.filter((group) => group.category !== 'dial-in'),
              ...(has ? [{ category: 'dial-in' as const, items: [{ de: 'Nummer', en: 'Number' }] }] : []),
            ]),
        ),
      ).some((line) => line.startsWith('Dial in by phone'));
    expect([dialIn(true), dialIn(false)]).toEqual([true, false]);
  });
});

describe('the first screen’s assessment line', () => {
  it('shows the newest assessment no newer one replaces: who, when and the verdict, in both languages', () => {
    const older = { ...agreementConcern, supersededBy: 0 };
    const newer = assessment({
      date: '2024-04-18',
      kind: 'government-dpia',
      tone: 'mixed',
      points: [],
      short: { de: 'SURF', en: 'SURF' },
      verdict: { de: 'mittlere Risiken', en: 'medium risks' },
    });
    const glance = glanceOf(variant((tool) => (tool.assessments = [newer, older])));
    expect(assessmentLine(glance, 'en')).toMatchObject({
      mark: 'info',
      text: 'SURF, Apr 2024: “medium risks”',
      count: 2,
    });
    expect(assessmentLine(glance, 'de')?.text).toBe('SURF, Apr. 2024: „mittlere Risiken“');
  });

  it('is absent where no assessment is recorded', () => {
    expect(assessmentLine(glanceOf(exampleTool()), 'en')).toBeNull();
  });

  it('reads as a sentence for every assessed tool in the registry, in both languages', () => {
    for (const tool of registry.tools.filter((entry) => entry.assessments?.length)) {
      for (const lang of ['de', 'en'] as const)
        expect(assessmentLine(glanceOf(tool), lang)?.text).toMatch(/^[^{}]+, .+ \d{4}: [„“].+[“”]$/);
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
    const model = buildSummary(
      variant((tool) => ((tool.notes = []), (tool.statements = []))),
      'en',
      '2026-11-23',
    );
    expect(model.sections.map((section) => section.id)).not.toContain('notes');
  });

  it('escapes Markdown in registry text, so it stays literal', () => {
    const tool = variant(
      (entry) => (entry.summary = { de: '*fett* [x](javascript:alert(1))', en: '*bold* [x](javascript:alert(1))' }),
    );
    expect(summaryToMarkdown(buildSummary(tool, 'en', '2026-11-23'), 'en')).toContain(
      '\\*bold\\* \\[x\\](javascript:alert(1))',
    );
  });
});

describe('copies that paste well', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`the plain-text summary has the popup's signs and labels, bare links and the data date, and no markup (${lang})`, () => {
      const model = buildSummary(teams, lang, '2026-11-23');
      const text = summaryToPlainText(model, lang);
      expect(text.split('\n')[0]).toBe(model.name);
      for (const fact of model.keyFacts) expect(text).toContain(`${MARK_SIGNS[fact.mark]} ${fact.label}: ${fact.text}`);
      for (const source of model.sources.filter((source) => source.url))
        expect(text).toContain(`\n    ${source.url}\n`);
      expect(text).toContain(model.footer);
      // Addresses are bare links and keep their own characters; everything else carries no markup.
      const prose = text
        .split('\n')
        .filter((line) => !/^ {4}https:\/\//.test(line))
        .join('\n');
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
