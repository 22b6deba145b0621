import { escapeMarkdown } from '@/lib/ui/markdown';

/** A table to export: a header row and body rows of plain text, all of the same length. */
export interface TextTable {
  header: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}

/**
 * Quotes a CSV field as RFC 4180 asks: a field holding a comma, a quote or a line break is put in quotes,
 * with its quotes doubled; any other field stays as it is.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The table as CSV (RFC 4180: comma-separated, CRLF line ends), led by a UTF-8 byte order mark, without which
 * spreadsheet programs read the file in a legacy encoding and garble "Übermittlung" and "·".
 */
export function toCsv({ header, rows }: TextTable): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A cell of a Markdown table: Markdown escaped, pipes escaped, line breaks made spaces (a row is one line). */
const markdownCell = (value: string): string =>
  escapeMarkdown(value)
    .replaceAll('|', '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ') || ' ';

/** The table as a GitHub-flavoured Markdown table. */
export function toMarkdownTable({ header, rows }: TextTable): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}
