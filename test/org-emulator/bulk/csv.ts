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
