import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toMarkdownTable } from '@/lib/export';
import { comparedFacts, exportComparison } from '@/lib/registry-page/compare';
import { COLUMNS, exportTable, FILTERS, sortRows, tableRows } from '@/lib/registry-page/table';
import { tableRowOf } from '@/lib/registry/build/projections';
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
    expect(toMarkdownTable({ header: ['a', 'b'], rows: [['x | y', 'two\nlines']] })).toBe('| a | b |\n| --- | --- |\n| x \\| y | two lines |\n');
  });
});

const rows = tableRows(
  registry.tools.map(({ id, name, status, detection }) => ({ id, name, status, label: detection.label })),
  Object.fromEntries(registry.tools.map((tool) => [tool.id, tableRowOf(tool)])),
  'en',
);

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

describe('a comparison', () => {
  const tools = ['microsoft-teams', 'zoom', 'webex'].map((id) => registry.byId.get(id)!);

  it('has one row per fact, the same facts for every tool, more than the six key facts', () => {
    const facts = tools.map((tool) => comparedFacts(tool, 'de').map((fact) => fact.id));
    expect(new Set(facts.map((ids) => ids.join()))).toHaveProperty('size', 1);
    expect(facts[0]!.length).toBeGreaterThan(6);
    const table = exportComparison(tools, 'en');
    expect(table.header.slice(1)).toEqual(tools.map((tool) => tool.name.en));
    expect(table.rows).toHaveLength(facts[0]!.length);
    const csv = toCsv(table).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv).toHaveLength(facts[0]!.length + 1);
  });
});
