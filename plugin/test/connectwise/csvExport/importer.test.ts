/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { importCsvExport, type CsvImportReport } from '../../../src/connectwise/csvExport/importer.js';
import { syntheticId } from '../../../src/connectwise/csvExport/syntheticId.js';
import { WorkStore, type SourceKind } from '../../../src/store/workStore.js';

const FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'connectwise',
  'csv-export',
);

describe('CSV export import', () => {
  let dir: string;
  let store: WorkStore;
  let report: CsvImportReport;
  const payloads = (kind: SourceKind): Array<Record<string, unknown>> =>
    store.sourceRecords(kind).map((record) => record.payload);
  const byName = (kind: SourceKind, key: string, value: string): Record<string, unknown> =>
    payloads(kind).find((payload) => payload[key] === value)!;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cwm-csv-'));
    cpSync(FIXTURES, join(dir, 'export'), { recursive: true });
    store = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: 'org' });
    report = importCsvExport({ dir: join(dir, 'export'), store, timeZone: 'America/New_York' });
  });

  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recognises each file by its header and its encoding by its bytes, and skips what it does not know', () => {
    const files = Object.fromEntries(
      report.files.map((file) => [file.file, [file.kind, file.encoding, file.rows, file.stored]]),
    );
    expect(files).to.deep.equal({
      'companies.csv': ['companies', 'utf-8-bom', 3, 3],
      'contacts.csv': ['contacts', 'windows-1252', 3, 3],
      'members.csv': ['members', 'utf-8-bom', 2, 2],
      'opportunities.csv': [undefined, 'utf-8', 1, 0],
      'tickets.csv': ['tickets', 'utf-8', 4, 3],
    });
    expect(report.stored).to.deep.equal({
      members: 2,
      companies: 3,
      contacts: 3,
      tickets: 3,
      boards: 2,
      boardStatuses: 3,
      priorities: 2,
    });
  });

  it('stores companies in the API shape, quoted newlines and parents by name included', () => {
    const obrien = byName('companies', 'identifier', 'OBrien');
    expect(obrien).to.deep.include({
      id: syntheticId('company', 'OBrien'),
      name: "O'Brien & Sons, LLC",
      addressLine2: 'Suite 4\r\nBack entrance',
      status: { id: syntheticId('companyStatus', 'Active'), name: 'Active' },
      customFields: [{ id: syntheticId('customField', 'Region'), caption: 'Region', type: 'Text', value: 'West' }],
    });
    expect(obrien._info).to.deep.equal({
      source: 'csv-export',
      file: 'companies.csv',
      row: '2',
      dateEntered: '2024-03-14T00:00:00Z',
    });
    expect(byName('companies', 'identifier', 'Acme')).to.deep.include({
      name: '"Acme" Holdings',
      parentCompany: { id: syntheticId('company', 'OBrien'), identifier: 'OBrien', name: "O'Brien & Sons, LLC" },
    });
    expect((byName('companies', 'identifier', 'Acme')._info as Record<string, string>).dateEntered).to.equal(
      '2024-07-04T18:05:00Z',
    );
    expect(byName('companies', 'identifier', 'Mueller').parentCompany).to.deep.equal({ name: 'Nobody Inc' });
    expect(byName('companies', 'identifier', 'Acme')).to.not.have.property('addressLine2');
  });

  it('decodes Windows-1252 contacts and links them to companies by name', () => {
    const francois = byName('contacts', 'firstName', 'François');
    expect(francois.lastName).to.equal('O\u2019Brien');
    expect(francois.inactiveFlag).to.equal(true);
    expect(francois.company).to.deep.equal({
      id: syntheticId('company', 'Acme'),
      identifier: 'Acme',
      name: '"Acme" Holdings',
    });
    expect(francois.communicationItems).to.deep.equal([
      {
        id: syntheticId('communication', `${String(francois.id)}|Email`),
        type: { name: 'Email' },
        value: 'francois@acme.example.com',
        defaultFlag: true,
        communicationType: 'Email',
      },
    ]);
    const pat = byName('contacts', 'firstName', 'Pat');
    expect(pat).to.not.have.property('lastName');
    expect((pat.communicationItems as Array<Record<string, unknown>>).map((item) => item.value)).to.deep.equal([
      '9375550199',
    ]);
  });

  it('stores tickets with UTC times, references by name, and the boards, statuses and priorities they name', () => {
    const printer = store.sourceRecords('tickets').find((record) => record.id === 101)!;
    expect(printer.lastUpdated).to.equal('2024-03-15T13:00:00Z');
    expect(printer.payload).to.deep.include({
      summary: 'Printer offline',
      board: { id: syntheticId('board', 'Help Desk'), name: 'Help Desk' },
      status: { id: syntheticId('status', 'Help Desk|New'), name: 'New' },
      owner: { id: syntheticId('member', 'jdoe'), identifier: 'jdoe' },
      closedFlag: false,
      customFields: [
        { id: syntheticId('customField', 'Root Cause'), caption: 'Root Cause', type: 'Text', value: 'Hardware' },
      ],
    });
    const zoe = byName('contacts', 'firstName', 'Zoë');
    expect(printer.payload.contact).to.deep.equal({ id: zoe.id, name: 'Zoë Müller' });
    expect((printer.payload._info as Record<string, string>).dateEntered).to.equal('2024-03-14T18:05:00Z');
    const report102 = payloads('tickets').find((payload) => payload.id === 102)!;
    expect(report102).to.deep.include({
      summary: 'Can\'t open "Q3 Report.xlsx"',
      closedFlag: true,
      closedDate: '2024-01-05T00:00:00Z',
      resources: 'asmith, jdoe',
    });
    expect(
      store
        .sourceRecords('boardStatuses', { parentId: syntheticId('board', 'Help Desk') })
        .map((r) => r.payload.name)
        .sort(),
    ).to.deep.equal(['Closed', 'New']);
    expect(payloads('members').map((member) => member.id)).to.include(syntheticId('member', 'jdoe'));
  });

  it('reports the rows it could not read and what no export carries', () => {
    expect(report.problems).to.deep.equal([
      {
        file: 'companies.csv',
        row: 4,
        column: 'parentCompany',
        message: 'parent "Nobody Inc" is not in the export; left as a name only',
      },
      { file: 'tickets.csv', row: 4, column: 'dateEntered', message: '"31/31/2024" is not a date in the MDY order' },
      { file: 'tickets.csv', row: 5, column: 'id', message: '"X12" is not a ticket number; the row is skipped' },
    ]);
    expect(report.files.find((file) => file.file === 'tickets.csv')?.unmapped).to.deep.equal(['Root Cause']);
    expect(report.notCarried.join('\n'))
      .to.match(/custom-field metadata/)
      .and.match(/ticket notes/)
      .and.match(/ids/);
  });
});
