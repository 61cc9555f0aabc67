/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SourceKind, SourceRecord, WorkStore } from '../../store/workStore.js';
import { locateColumns, recogniseKind, type ExportKind } from './captions.js';
import { decodeExport, type ExportEncoding } from './decode.js';
import type { DateOrder } from './localTime.js';
import {
  companyRecord,
  contactRecord,
  memberRecord,
  ticketRecord,
  type ExportRow,
  type MapContext,
  type RowProblem,
} from './mappers.js';
import { syntheticId } from './syntheticId.js';

/** Options of {@link importCsvExport}. */
export interface CsvImportOptions {
  /** The folder holding the exported `.csv` files. */
  dir: string;
  store: WorkStore;
  /** The IANA time zone the exporting member's dates are in, e.g. `America/New_York`. */
  timeZone: string;
  /** Day and month order of the exporting locale. Default `MDY` (US English). */
  dateOrder?: DateOrder;
}

/** One file of the folder and what became of it. */
export interface CsvFileReport {
  file: string;
  encoding: ExportEncoding;
  /** Undefined when the header matched no known export; the file is then skipped. */
  kind?: ExportKind;
  rows: number;
  stored: number;
  /** Columns kept only as text custom fields (custom-field columns, or captions not known here). */
  unmapped: string[];
}

/** What an import read, stored, and could not carry. */
export interface CsvImportReport {
  files: CsvFileReport[];
  stored: Partial<Record<SourceKind, number>>;
  problems: RowProblem[];
  /** What a CSV export cannot hold that the API would have given; the same for every import. */
  notCarried: string[];
}

/** Stated once, because it is true of every export (api-notes §9). */
const NOT_CARRIED = [
  'ConnectWise record ids of companies, contacts and members: stand-in negative ids are used, stable across imports',
  'references by id: companies, contacts, boards, statuses and priorities are matched by name, which can be ambiguous',
  'custom-field metadata: field types, entry methods and list options; custom-field columns arrive as text',
  'child collections: ticket notes (so case descriptions), time entries, company sites and notes, communication items beyond the exported email and phones, documents',
  '_info metadata not in a column: updatedBy, and lastUpdated unless exported',
  'deletions: an export holds what the view showed, so nothing is flagged deleted',
  'SLAs, agreements, configurations and the other objects no list export was given for',
];

const ORDER: readonly ExportKind[] = ['members', 'companies', 'contacts', 'tickets'];

interface ParsedFile {
  report: CsvFileReport;
  headers: string[];
  rows: string[][];
}

function readFile(dir: string, file: string): ParsedFile {
  const { text, encoding } = decodeExport(readFileSync(join(dir, file)));
  // relax_column_count: exports from older versions end some rows early; missing cells read as empty.
  const table: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true });
  const [headers = [], ...rows] = table;
  const kind = recogniseKind(headers);
  const report: CsvFileReport = { file, encoding, rows: rows.length, stored: 0, unmapped: [] };
  if (kind) report.kind = kind;
  return { report, headers, rows };
}

function* exportRows(parsed: ParsedFile, kind: ExportKind): Iterable<ExportRow> {
  const { columns, unmapped } = locateColumns(kind, parsed.headers);
  parsed.report.unmapped = unmapped;
  const extraIndexes = unmapped.map((caption) => parsed.headers.indexOf(caption));
  for (let index = 0; index < parsed.rows.length; index++) {
    const cells = parsed.rows[index];
    yield {
      file: parsed.report.file,
      row: index + 2,
      get: (field: string): string | undefined => {
        const at = columns.get(field);
        return at === undefined ? undefined : (cells[at] ?? '');
      },
      extras: extraIndexes.map((at, position) => [unmapped[position], cells[at] ?? '']),
    };
  }
}

/** Boards, their statuses and the priorities, as the tickets name them. */
function setupFromTickets(tickets: SourceRecord[]): SourceRecord[] {
  const found = new Map<string, SourceRecord>();
  const add = (kind: SourceKind, reference: unknown, parentId?: number): void => {
    const ref = reference as { id?: number; name?: string } | undefined;
    if (ref?.id === undefined || found.has(`${kind}:${ref.id}`)) return;
    const record: SourceRecord = {
      kind,
      id: ref.id,
      payload: { id: ref.id, name: ref.name, _info: { source: 'csv-export' } },
    };
    if (parentId !== undefined) {
      record.parentId = parentId;
      record.payload.board = { id: parentId };
    }
    found.set(`${kind}:${ref.id}`, record);
  };
  for (const ticket of tickets) {
    const board = ticket.payload.board as { id: number } | undefined;
    add('boards', board);
    if (board) add('boardStatuses', ticket.payload.status, board.id);
    add('priorities', ticket.payload.priority);
  }
  return [...found.values()];
}

/**
 * Reads a folder of ConnectWise CSV exports (companies, contacts, tickets, members list views)
 * into the work store, in the same kinds and payload shapes the API extraction stores, and
 * reports what the exports could not carry. The captions and formats assumed are listed in
 * `csvExport/README.md`; a file whose header matches no known export is listed and skipped.
 *
 * @example
 * const report = importCsvExport({ dir: './export', store, timeZone: 'America/New_York' });
 */
export function importCsvExport(options: CsvImportOptions): CsvImportReport {
  const files = readdirSync(options.dir)
    .filter((file) => file.toLowerCase().endsWith('.csv'))
    .sort()
    .map((file) => readFile(options.dir, file));
  const ctx: MapContext = {
    timeZone: options.timeZone,
    dateOrder: options.dateOrder ?? 'MDY',
    problems: [],
    companiesByName: new Map(),
    contactsByName: new Map(),
  };
  // Fails early on a zone name Intl does not know, rather than on the first date.
  new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone });
  const report: CsvImportReport = {
    files: files.map((file) => file.report),
    stored: {},
    problems: ctx.problems,
    notCarried: NOT_CARRIED,
  };
  const mappers = { members: memberRecord, companies: companyRecord, contacts: contactRecord, tickets: ticketRecord };
  for (const kind of ORDER) {
    const records: SourceRecord[] = [];
    for (const file of files.filter((candidate) => candidate.report.kind === kind)) {
      for (const row of exportRows(file, kind)) {
        const mapped = mappers[kind](ctx, row);
        if (mapped) {
          records.push(mapped);
          file.report.stored++;
        }
      }
    }
    if (kind === 'companies') resolveCompanies(ctx, records);
    const all = kind === 'tickets' ? [...records, ...setupFromTickets(records)] : records;
    options.store.putSourceRecords(all);
    for (const record of all) report.stored[record.kind] = (report.stored[record.kind] ?? 0) + 1;
  }
  return report;
}

/** Indexes companies by name for the later files, and links parents named in a Parent Company column. */
function resolveCompanies(ctx: MapContext, companies: SourceRecord[]): void {
  for (const company of companies) {
    const name = String(company.payload.name).toLowerCase();
    ctx.companiesByName.set(name, ctx.companiesByName.has(name) ? null : String(company.payload.identifier));
  }
  for (const company of companies) {
    const parent = company.payload.parentCompany as { name: string } | undefined;
    if (!parent) continue;
    const identifier = ctx.companiesByName.get(parent.name.toLowerCase());
    if (identifier) {
      company.payload.parentCompany = { id: syntheticId('company', identifier), identifier, name: parent.name };
    } else {
      const info = company.payload._info as Record<string, string>;
      ctx.problems.push({
        file: info.file,
        row: Number(info.row),
        column: 'parentCompany',
        message: `parent "${parent.name}" is ${identifier === null ? 'not unique' : 'not in the export'}; left as a name only`,
      });
    }
  }
}
