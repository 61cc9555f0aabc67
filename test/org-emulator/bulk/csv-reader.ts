/** Bulk API 2.0 `lineEnding` values: the record terminator a job's CSV must use. */
export type LineEnding = 'LF' | 'CRLF';

/** The upload breaks a rule the org checks for the whole job (wrong line ending, malformed quoting). */
export class CsvInputError extends Error {}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Splits Bulk CSV text into records as it arrives, chunk by chunk, so an upload of any size is never held whole.
 *
 * The job's line ending applies to record terminators only: a line break inside a quoted value is data, whatever
 * its form. This follows the Bulk API 2.0 guide ("Prepare CSV Files": double quotes escape characters "that would
 * otherwise get interpreted as field delimiters or line endings"; its sample CSV with a semicolon delimiter carries a
 * line break inside a quoted Description). A terminator of the other form fails the job with the org's
 * `ClientInputError : LineEnding is invalid on user data` message.
 */
export class CsvRecordReader {
  private buffer = '';
  private started = false;
  private readonly delimiter: number;

  public constructor(
    delimiter: string,
    private readonly lineEnding: LineEnding,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Adds decoded text and returns the records completed by it (empty lines are skipped). */
  public push(text: string): string[][] {
    this.buffer += text;
    if (!this.started && this.buffer.length > 0) {
      this.started = true;
      if (this.buffer.charCodeAt(0) === 0xfeff) this.buffer = this.buffer.slice(1);
    }
    return this.drain(false);
  }

  /** Ends the input: the last record may lack a terminator. */
  public end(): string[][] {
    return this.drain(true);
  }

  private drain(final: boolean): string[][] {
    const records: string[][] = [];
    let at = 0;
    for (;;) {
      const parsed = this.parseRecord(at, final);
      if (!parsed) break;
      at = parsed.next;
      if (!(parsed.cells.length === 1 && parsed.cells[0] === '' && !parsed.quoted)) records.push(parsed.cells);
      if (at >= this.buffer.length) break;
    }
    this.buffer = this.buffer.slice(at);
    return records;
  }

  /**
   * One record starting at `from`, or undefined when the buffer ends before its terminator (and more may come).
   * Fields are scanned with indexOf, so long values cost little more than a copy.
   */
  // eslint-disable-next-line complexity -- the CSV grammar: quoted field, plain field, delimiter, terminator
  private parseRecord(from: number, final: boolean): { cells: string[]; next: number; quoted: boolean } | undefined {
    const text = this.buffer;
    const cells: string[] = [];
    let at = from;
    let quoted = false;
    for (;;) {
      if (at >= text.length) {
        if (!final || (at === from && cells.length === 0)) return undefined;
        cells.push('');
        return { cells, next: at, quoted };
      }
      let value: string;
      if (text.charCodeAt(at) === QUOTE) {
        quoted = true;
        let parts = '';
        let pos = at + 1;
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close < 0) {
            if (!final) return undefined;
            throw new CsvInputError('ClientInputError : Unterminated quoted field at end of data');
          }
          if (close + 1 >= text.length && !final) return undefined;
          parts += text.slice(pos, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += '"';
            pos = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
        value = parts;
        at = pos;
        const next = text.charCodeAt(at);
        if (at < text.length && next !== this.delimiter && next !== LF && next !== CR)
          throw new CsvInputError(`ClientInputError : Invalid character after a closing quote: ${text[at]}`);
      } else {
        let end = at;
        while (end < text.length) {
          const c = text.charCodeAt(end);
          if (c === this.delimiter || c === LF || c === CR) break;
          if (c === QUOTE) throw new CsvInputError('ClientInputError : A double quote inside an unquoted field');
          end++;
        }
        if (end >= text.length && !final) return undefined;
        value = text.slice(at, end);
        at = end;
      }
      cells.push(value);
      if (at >= text.length) {
        if (!final) return undefined;
        return { cells, next: at, quoted };
      }
      const c = text.charCodeAt(at);
      if (c === this.delimiter) {
        at++;
        continue;
      }
      // A record terminator: CR must be followed by LF (wait for the next chunk to know).
      if (c === CR) {
        if (at + 1 >= text.length && !final) return undefined;
        if (text.charCodeAt(at + 1) !== LF)
          throw new CsvInputError('ClientInputError : A carriage return outside quotes');
        if (this.lineEnding !== 'CRLF') throw this.lineEndingError();
        return { cells, next: at + 2, quoted };
      }
      if (this.lineEnding !== 'LF') throw this.lineEndingError();
      return { cells, next: at + 1, quoted };
    }
  }

  private lineEndingError(): CsvInputError {
    return new CsvInputError(
      `ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is ${this.lineEnding}`,
    );
  }
}

/** One CSV line the way the org writes result files: every value quoted, `""` inside, the job's line ending. */
export function formatCsvRow(cells: unknown[], delimiter: string, lineEnding: string): string {
  const line = cells
    .map((v) => `"${(v === null || v === undefined ? '' : String(v)).replace(/"/g, '""')}"`)
    .join(delimiter);
  return line + (lineEnding === 'CRLF' ? '\r\n' : '\n');
}
