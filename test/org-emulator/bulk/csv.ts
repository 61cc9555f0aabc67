import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Bulk API 2.0 `columnDelimiter` names and the characters they stand for. */
export const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`',
};

/** Parses uploaded CSV into a header and rows of cells (quoted fields may span lines). */
export function parseCsv(text: string, delimiter: string): { header: string[]; rows: string[][] } {
  const all = parse(text, { delimiter, bom: true, relax_quotes: false, skip_empty_lines: true });
  const [header = [], ...rows] = all;
  return { header: header.map((h) => h.trim()), rows };
}

/** Writes result CSV the way the org does: every value quoted, LF or CRLF line endings. */
export function writeCsv(header: string[], rows: unknown[][], delimiter = ',', lineEnding = 'LF'): string {
  return stringify([header, ...rows], {
    delimiter,
    quoted: true,
    quoted_empty: true,
    record_delimiter: lineEnding === 'CRLF' ? 'windows' : 'unix',
    cast: { boolean: (v) => String(v), number: (v) => String(v) },
  });
}
