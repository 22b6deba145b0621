import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toMarkdownTable } from '@/lib/ui/export';
import { comparedFacts, exportComparison } from '@/lib/ui/registry-page/compare';
import {
  COLUMNS,
  columnsFor,
  exportTable,
  FILTERS,
  filtersFor,
  sortRows,
  tableRows,
} from '@/lib/ui/registry-page/table';
import { parsePolicy } from '@/lib/shared/policy';
import { tableRowOf } from '@/lib/shared/registry/build/projections';
import { registry } from './support/registry';

describe('CSV as RFC 4180 has it', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
    ['Übermittlung · ✓', 'Übermittlung · ✓'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('starts with a byte order mark for spreadsheet programs and ends every record with CRLF', () => {
    const csv = toCsv({ header: ['Fact', 'A'], rows: [['x', 'y, z']] });
    expect(csv).toBe('\uFEFFFact,A\r\nx,"y, z"\r\n');
  });
});

describe('Markdown tables', () => {
  it('escape pipes and keep each row on one line', () => {
    expect(toMarkdownTable({ header: ['a', 'b'], rows: [['x | y', 'two\nlines']] })).toBe(
      '| a | b |\n| --- | --- |\n| x \\| y | two lines |\n',
    );
  });
});

const entries = registry.tools.map(({ id, name, status, detection }) => ({ id, name, status, label: detection.label }));
const inputs = Object.fromEntries(registry.tools.map((tool) => [tool.id, tableRowOf(tool)]));
const rows = tableRows(entries, inputs, 'en');

describe('the registry page table', () => {
  it('has a row for every tool and a column for every entry in the column list', () => {
    const table = exportTable(rows, 'en');
    expect(table.rows).toHaveLength(registry.tools.length);
    expect(table.header).toHaveLength(COLUMNS.length);
    for (const row of table.rows) expect(row).toHaveLength(COLUMNS.length);
  });

  it('filters to the tools whose structured facts pass, and no others', () => {
    for (const filter of FILTERS) {
      const passing = rows.filter(filter.test).map((row) => row.entry.id);
      expect(passing.length, filter.id).toBeGreaterThan(0);
      expect(passing.length, filter.id).toBeLessThan(rows.length);
    }
    const euOnly = rows.filter(FILTERS.find((filter) => filter.id === 'eu-only')!.test);
    for (const row of euOnly) expect(registry.byId.get(row.entry.id)!.transfer.thirdCountry).toBe(false);
  });

  it('sorts by a column both ways', () => {
    const up = sortRows(rows, { column: 'tool', direction: 'ascending' }, 'en').map((row) => row.entry.name.en);
    const down = sortRows(rows, { column: 'tool', direction: 'descending' }, 'en').map((row) => row.entry.name.en);
    expect(down).toEqual([...up].reverse());
    expect(up).toEqual([...up].sort((a, b) => a.localeCompare(b, 'en')));
  });
});

describe("the organisation's verdict on the registry page", () => {
  const known = { has: (id: string) => registry.byId.has(id) };
  const { policy } = parsePolicy(
    {
      organisation: { name: 'Example GmbH' },
      tools: { zoom: { status: 'approved' }, webex: { status: 'approved' }, skype: { status: 'not-approved' } },
    },
    known,
  );
  const withPolicy = tableRows(entries, inputs, 'de', policy);

  it('adds no column and no filter without a policy', () => {
    expect(columnsFor(null)).toBe(COLUMNS);
    expect(filtersFor(null)).toBe(FILTERS);
    expect(rows.every((row) => row.verdict === undefined)).toBe(true);
  });

  it("shows the organisation's verdict, named after it, right after the tool, and exports it", () => {
    const columns = columnsFor(policy);
    expect(columns.map((column) => column.id).slice(0, 2)).toEqual(['tool', 'verdict']);
    const table = exportTable(
      sortRows(withPolicy, { column: 'tool', direction: 'ascending' }, 'de', columns),
      'de',
      columns,
    );
    expect(table.header[1]).toBe('Entscheidung von Example GmbH');
    const byTool = new Map(table.rows.map((row) => [row[0], row[1]]));
    expect(byTool.get('Zoom')).toBe('✓ Freigegeben');
    expect(byTool.get('Skype')).toBe('! Nicht freigegeben');
    expect(byTool.get('Signal')).toBe('? Keine Entscheidung');
  });

  it('"approved here" keeps exactly the approved tools, and a default verdict counts', () => {
    const approved = filtersFor(policy).find((filter) => filter.id === 'approved')!;
    expect(
      withPolicy
        .filter(approved.test)
        .map((row) => row.entry.id)
        .sort(),
    ).toEqual(['webex', 'zoom']);
    const { policy: byDefault } = parsePolicy(
      { defaultStatus: 'approved', tools: { zoom: { status: 'not-approved' } } },
      known,
    );
    const all = tableRows(entries, inputs, 'en', byDefault).filter(approved.test);
    expect(all).toHaveLength(registry.tools.length - 1);
    expect(all.map((row) => row.entry.id)).not.toContain('zoom');
  });

  it('sorts approved tools first by the verdict column', () => {
    const sorted = sortRows(withPolicy, { column: 'verdict', direction: 'ascending' }, 'de', columnsFor(policy)).map(
      (row) => row.verdict,
    );
    expect(sorted.slice(0, 2)).toEqual(['approved', 'approved']);
    expect(sorted.at(-1)).toBeUndefined();
  });

  it('leads a comparison with the verdict where a policy is set', () => {
    const zoom = registry.byId.get('zoom')!;
    expect(comparedFacts(zoom, 'en', policy)[0]).toMatchObject({
      id: 'verdict',
      label: 'Verdict of Example GmbH',
      cell: { text: 'Approved', mark: 'ok' },
    });
    expect(comparedFacts(zoom, 'en').some((fact) => fact.id === 'verdict')).toBe(false);
  });
});

describe('a comparison', () => {
  const tools = ['microsoft-teams', 'zoom', 'webex'].map((id) => registry.byId.get(id)!);

  it('has one row per fact, the same facts for every tool, more than the six key facts', () => {
    const facts = tools.map((tool) => comparedFacts(tool, 'de').map((fact) => fact.id));
    expect(new Set(facts.map((ids) => ids.join()))).toHaveProperty('size', 1);
    expect(facts[0]!.length).toBeGreaterThan(6);
    const table = exportComparison(tools, 'en');
    expect(table.header.slice(1)).toEqual(tools.map((tool) => tool.name.en));
    expect(table.rows).toHaveLength(facts[0]!.length);
    const csv = toCsv(table)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv).toHaveLength(facts[0]!.length + 1);
  });
});
