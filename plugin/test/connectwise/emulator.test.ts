/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { generateTenant } from '../../../test/cw-emulator/generator.js';
import { startCwEmulator, type CwEmulator } from '../../../test/cw-emulator/server.js';
import type { CwRecord, Tenant, TenantCollection } from '../../../test/cw-emulator/types.js';
import { ConnectWiseClient } from '../../src/connectwise/client.js';
import { extract, type ExtractSummary } from '../../src/connectwise/extractor.js';
import { DocumentFiles } from '../../src/store/documentFiles.js';
import { WorkStore, type SourceKind } from '../../src/store/workStore.js';

/** Kinds stored under the same name as the emulator's tenant collection. */
const SAME_NAME: Array<SourceKind & TenantCollection> = [
  'members',
  'boards',
  'boardStatuses',
  'boardTypes',
  'boardSubTypes',
  'boardItems',
  'boardTeams',
  'priorities',
  'slas',
  'slaPriorities',
  'userDefinedFields',
  'companies',
  'companySites',
  'companyNotes',
  'contacts',
  'tickets',
  'ticketNotes',
  'timeEntries',
  'configurationTypes',
  'configurationStatuses',
  'configurations',
  'catalogItems',
  'agreementTypes',
  'agreements',
  'agreementAdditions',
  'kbCategories',
  'kbSubCategories',
  'kbArticles',
  'invoices',
  'projects',
];
const DOCUMENT_KINDS: Record<string, SourceKind> = {
  Ticket: 'ticketDocuments',
  Company: 'companyDocuments',
  Configuration: 'configurationDocuments',
  Agreement: 'agreementDocuments',
  Project: 'projectDocuments',
};

const info = (record: CwRecord): Record<string, string> => record._info as Record<string, string>;
const later = (time: string, minutes: number): string =>
  new Date(Date.parse(time) + minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

function liveIds(store: WorkStore, kind: SourceKind): number[] {
  return store
    .sourceRecords(kind)
    .filter((record) => !record.deleted)
    .map((record) => record.id);
}

// The tests that talk to the shared ConnectWise emulator rather than a hand-written stub.
describe('extract against the ConnectWise emulator', () => {
  let dir: string;
  let cw: CwEmulator;
  let tenant: Tenant;
  let store: WorkStore;
  let first: ExtractSummary;

  const client = (): ConnectWiseClient =>
    new ConnectWiseClient({
      site: cw.site,
      companyId: cw.companyId,
      publicKey: cw.publicKey,
      privateKey: cw.privateKey,
      clientId: cw.clientId,
      pageSize: 50,
    });

  before(async function () {
    this.timeout(60_000);
    dir = mkdtempSync(join(tmpdir(), 'cwm-emulator-'));
    tenant = generateTenant({ seed: 7, companies: 30 });
    // One file whose bytes this test states outright.
    tenant.documents!.push({
      recordType: 'Ticket',
      recordId: tenant.tickets[0].id,
      info: { id: 99_999, fileName: 'Grüße "final".txt', size: 13, _info: { lastUpdated: '2025-01-01T00:00:00Z' } },
      content: 'Hello, Zoë!\n',
    });
    cw = await startCwEmulator({ tenant });
    store = WorkStore.open({ dir, cwCompanyId: cw.companyId, orgId: '00D000000000001' });
    first = await extract({ client: client(), store });
  });

  after(async () => {
    store?.close();
    await cw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every record of every kind the tenant holds, as served', () => {
    for (const kind of SAME_NAME) {
      const served = tenant[kind] ?? [];
      expect(store.countSource(kind), kind).to.equal(served.length);
      expect(first.kinds[kind].read, kind).to.equal(served.length);
      expect(served.length, kind).to.be.above(0);
    }
    for (const [recordType, kind] of Object.entries(DOCUMENT_KINDS)) {
      const served = tenant.documents!.filter((entry) => entry.recordType === recordType);
      expect(store.countSource(kind), kind).to.equal(served.length);
    }
    expect(first.kinds.ticketAllNotes.notSelected).to.equal(true);
    expect(first.requests).to.equal(cw.requestCount());
    expect(store.sourceRecords('tickets')[0].payload).to.deep.equal(tenant.tickets[0]);
  });

  it('keeps children under their parents and ticket time under its ticket', () => {
    const agreement = tenant.agreementAdditions![0].agreementId as number;
    expect(store.sourceRecords('agreementAdditions', { parentId: agreement }).map((r) => r.id)).to.deep.equal(
      tenant.agreementAdditions!.filter((a) => a.agreementId === agreement).map((a) => a.id),
    );
    const timed = tenant.timeEntries!.find((entry) => entry.chargeToType === 'ServiceTicket')!;
    const stored = store.sourceRecords('timeEntries', { parentId: timed.chargeToId as number }).map((r) => r.id);
    expect(stored).to.include(timed.id);
    const internal = tenant.timeEntries!.find((entry) => entry.chargeToType === 'ChargeCode');
    if (internal) {
      expect(store.sourceRecords('timeEntries').find((r) => r.id === internal.id)?.parentId).to.equal(undefined);
    }
  });

  it('downloads document files beside the store, links excepted', () => {
    const files = new DocumentFiles(store);
    const hello = files.get(99_999)!;
    expect(hello.fileName).to.equal('Grüße "final".txt');
    expect(readFileSync(hello.path, 'utf8')).to.equal('Hello, Zoë!\n');
    expect(hello.sha256).to.equal(createHash('sha256').update('Hello, Zoë!\n').digest('hex'));
    const withBytes = tenant.documents!.filter((entry) => entry.info.urlFlag !== true);
    const links = tenant.documents!.filter((entry) => entry.info.urlFlag === true);
    for (const entry of withBytes)
      expect(files.get(entry.info.id)?.size, String(entry.info.id)).to.equal(entry.info.size);
    for (const entry of links) expect(files.get(entry.info.id)).to.equal(undefined);
    const downloaded = Object.values(DOCUMENT_KINDS).reduce(
      (sum, kind) => sum + (first.kinds[kind].downloaded ?? 0),
      0,
    );
    expect(downloaded).to.equal(withBytes.length);
  });

  it('then reads changes, additions and deletions, and the store matches the tenant again', async function () {
    this.timeout(60_000);
    const watermark = store.getWatermark('tickets')!;
    const changedAt = later(watermark, 5);
    // Changed: a ticket's summary; a company's name.
    const ticket = tenant.tickets[3];
    ticket.summary = 'Changed after the first extraction';
    info(ticket).lastUpdated = changedAt;
    const company = tenant.companies[2];
    company.name = 'Renamed & Co';
    info(company).lastUpdated = changedAt;
    // Added: a ticket with one note.
    const addedId = tenant.tickets[tenant.tickets.length - 1].id + 10;
    tenant.tickets.push({ ...tenant.tickets[0], id: addedId, summary: 'Brand new', _info: { lastUpdated: changedAt } });
    tenant.ticketNotes.push({ id: 9_000_000, ticketId: addedId, text: 'New note', _info: { lastUpdated: changedAt } });
    // Deleted: a contact, a configuration, and a ticket (whose notes go with it); no lastUpdated anywhere.
    const [contact] = tenant.contacts.splice(5, 1);
    const [configuration] = tenant.configurations!.splice(1, 1);
    const [goneTicket] = tenant.tickets.splice(7, 1);
    tenant.ticketNotes = tenant.ticketNotes.filter((note) => note.ticketId !== goneTicket.id);
    // A merge: deletedFlag set, lastUpdated untouched (api-notes §8.4).
    const merged = tenant.companies.find((candidate) => candidate.deletedFlag !== true && candidate.id !== company.id)!;
    merged.deletedFlag = true;
    merged.dateDeleted = changedAt;
    // A note deleted under the changed ticket.
    const noteIndex = tenant.ticketNotes.findIndex((note) => note.ticketId === ticket.id);
    const [goneNote] = tenant.ticketNotes.splice(noteIndex, 1);

    const noticedAfter = new Date().toISOString();
    const summary = await extract({ client: client(), store });

    expect(summary.kinds.tickets).to.include({ mode: 'delta', deleted: 1 });
    expect(summary.kinds.contacts).to.include({ mode: 'delta', deleted: 1 });
    expect(summary.kinds.configurations.deleted).to.equal(1);
    for (const kind of SAME_NAME) {
      expect(liveIds(store, kind), kind).to.deep.equal((tenant[kind] ?? []).map((record) => record.id));
    }
    const byId = (kind: SourceKind, id: number) => store.sourceRecords(kind).find((record) => record.id === id)!;
    expect(byId('tickets', ticket.id).payload.summary).to.equal('Changed after the first extraction');
    expect(byId('companies', company.id).payload.name).to.equal('Renamed & Co');
    expect(store.sourceRecords('ticketNotes', { parentId: addedId }).map((note) => note.payload.text)).to.deep.equal([
      'New note',
    ]);
    for (const [kind, id] of [
      ['contacts', contact.id],
      ['configurations', configuration.id],
      ['tickets', goneTicket.id],
      ['ticketNotes', goneNote.id],
    ] as Array<[SourceKind, number]>) {
      const record = byId(kind, id);
      expect(record.deleted, `${kind} ${id}`).to.equal(true);
      expect(record.deletion?.how).to.equal('gone');
      expect(record.deletion!.noticedAt >= noticedAfter).to.equal(true);
    }
    for (const note of store.sourceRecords('ticketNotes', { parentId: goneTicket.id })) {
      expect(note.deleted, `note ${note.id} of the deleted ticket`).to.equal(true);
    }
    const flagged = byId('companies', merged.id);
    expect(flagged.payload.deletedFlag).to.equal(true);
    expect(flagged.deleted).to.equal(undefined);
    expect(flagged.deletion?.how).to.equal('deletedFlag');
  });
});
