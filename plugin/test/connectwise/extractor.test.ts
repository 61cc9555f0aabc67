/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ConnectWiseClient } from '../../src/connectwise/client.js';
import { ConnectWiseError } from '../../src/connectwise/errors.js';
import { extract, type ExtractProgressEvent, type ExtractSummary } from '../../src/connectwise/extractor.js';
import { WorkStore, type SourceKind } from '../../src/store/workStore.js';
import { fakeTenant, sampleTenant, type FakeTenantData } from './fakeTenant.js';
import {
  FAST_BACKOFF,
  startStub,
  TEST_CREDENTIALS,
  type StubReply,
  type StubRequest,
  type StubServer,
} from './stubServer.js';

const ALL_KINDS: SourceKind[] = [
  'members',
  'boards',
  'boardStatuses',
  'priorities',
  'companies',
  'contacts',
  'tickets',
  'ticketNotes',
];

function counts(store: WorkStore): Record<string, number> {
  return Object.fromEntries(ALL_KINDS.map((kind) => [kind, store.countSource(kind)]));
}

const FULL_COUNTS = {
  members: 2,
  boards: 2,
  boardStatuses: 3,
  priorities: 1,
  companies: 5,
  contacts: 3,
  tickets: 7,
  ticketNotes: 14,
};

describe('extract', () => {
  let dir: string;
  let store: WorkStore;
  let stub: StubServer | undefined;
  let tenant: FakeTenantData;
  let intercept: ((request: StubRequest) => StubReply | undefined) | undefined;

  const client = (): ConnectWiseClient =>
    new ConnectWiseClient({
      ...TEST_CREDENTIALS,
      baseUrl: stub!.baseUrl,
      pageSize: 2,
      maxRetries: 1,
      backoff: FAST_BACKOFF,
    });
  const notesRequested = (requests: StubRequest[]): number[] =>
    requests.flatMap((request) => {
      const match = /^service\/tickets\/(\d+)\/notes$/.exec(request.path);
      return match ? [Number(match[1])] : [];
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cwm-extract-'));
    store = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: 'org' });
    tenant = sampleTenant();
    intercept = undefined;
    stub = await startStub(fakeTenant(tenant, { intercept: (request) => intercept?.(request) }));
  });

  afterEach(async () => {
    store.close();
    await stub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every kind into the store as received', async () => {
    const events: ExtractProgressEvent[] = [];
    const summary = await extract({ client: client(), store, onProgress: (event) => events.push(event) });

    expect(counts(store)).to.deep.equal(FULL_COUNTS);
    expect(summary.resumed).to.equal(false);
    for (const kind of ALL_KINDS) {
      expect(summary.kinds[kind]).to.include({
        read: FULL_COUNTS[kind as keyof typeof FULL_COUNTS],
        mode: 'full',
        skipped: false,
      });
    }
    // companies: one count, then pages of 2, 2 and 1; notes: one request per ticket.
    expect(summary.kinds.companies.requests).to.equal(4);
    expect(summary.kinds.ticketNotes.requests).to.equal(7);
    expect(summary.kinds.boardStatuses.requests).to.equal(2);
    expect(summary.requests).to.equal(stub!.requests.length);

    const [note] = store.sourceRecords('ticketNotes', { parentId: 103 });
    expect(note).to.deep.equal({
      kind: 'ticketNotes',
      id: 1031,
      parentId: 103,
      lastUpdated: '2024-03-03T10:00:00Z',
      payload: tenant.notes[103][0],
    });
    expect((store.sourceRecords('members')[0].payload._info as { updatedBy: string }).updatedBy).to.equal('jdoe      ');
    expect(store.sourceRecords('boardStatuses', { parentId: 1 }).map((record) => record.id)).to.deep.equal([11, 12]);

    expect(store.getWatermark('tickets')).to.equal('2024-03-07T10:00:00Z');
    expect(store.getWatermark('companies')).to.equal('2024-03-05T10:00:00Z');
    expect(
      events.filter((event) => event.kind === 'companies').map((event) => [event.read, event.total])
    ).to.deep.equal([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(events.filter((event) => event.kind === 'ticketNotes').at(-1)).to.deep.include({
      read: 14,
      parentsDone: 7,
      parentsTotal: 7,
    });
  });

  it('pages the big tables forward-only and the small ones by id', async () => {
    await extract({ client: client(), store });
    const first = (path: string): StubRequest => stub!.requests.find((request) => request.path === path)!;
    expect(first('service/tickets').headers['pagination-type']).to.equal('forward-only');
    expect(first('service/tickets').query.has('orderBy')).to.equal(false);
    expect(first('company/contacts').headers['pagination-type']).to.equal('forward-only');
    expect(first('system/members').headers['pagination-type']).to.equal(undefined);
    expect(first('system/members').query.get('orderBy')).to.equal('id asc');
    const ticketPages = stub!.requests.filter((request) => request.path === 'service/tickets');
    expect(ticketPages.map((request) => request.query.get('pageId'))).to.deep.equal([null, '102', '104', '106']);
  });

  it('reads only what changed since the watermark, less the overlap, and the notes of changed tickets', async () => {
    await extract({ client: client(), store });
    const before = stub!.requests.length;

    // 104 changed after the watermark; 102 changed five minutes before it (inside the overlap).
    Object.assign(tenant.tickets[3], { summary: 'Ticket 104 again', _info: { lastUpdated: '2024-03-07T10:05:00Z' } });
    Object.assign(tenant.tickets[1], { summary: 'Ticket 102 edited', _info: { lastUpdated: '2024-03-07T09:55:00Z' } });
    tenant.notes[104] = [
      tenant.notes[104][1],
      { id: 1049, ticketId: 104, text: 'New note', _info: { lastUpdated: '2024-03-07T10:05:00Z' } },
    ];

    const summary = await extract({ client: client(), store });
    const delta = stub!.requests.slice(before);

    expect(summary.kinds.tickets).to.include({ mode: 'delta', read: 3, watermark: '2024-03-07T10:05:00Z' });
    const ticketQuery = delta.find((request) => request.path === 'service/tickets')!.query.get('conditions');
    expect(ticketQuery).to.equal('lastUpdated > [2024-03-07T09:50:00Z]');
    expect(notesRequested(delta).sort()).to.deep.equal([102, 104, 107]);
    expect(summary.kinds.ticketNotes).to.include({ mode: 'delta', read: 6 });
    expect(summary.kinds.companies).to.include({ read: 1, mode: 'delta' });

    expect(store.sourceRecords('tickets').find((record) => record.id === 102)?.payload.summary).to.equal(
      'Ticket 102 edited'
    );
    const notes104 = store.sourceRecords('ticketNotes', { parentId: 104 });
    expect(notes104.map((note) => [note.id, note.deleted ?? false])).to.deep.equal([
      [1041, true],
      [1042, false],
      [1049, false],
    ]);
    expect(counts(store)).to.deep.equal({ ...FULL_COUNTS, ticketNotes: 15 });
  });

  it('takes an explicit since over the watermarks', async () => {
    const summary = await extract({ client: client(), store, since: '2024-03-05T00:00:00Z', overlapMinutes: 0 });
    expect(summary.kinds.companies).to.include({ read: 1, mode: 'delta' });
    expect(summary.kinds.tickets.read).to.equal(3);
    const query = stub!.requests.find((request) => request.path === 'company/companies')!.query.get('conditions');
    expect(query).to.equal('lastUpdated > [2024-03-05T00:00:00Z]');
  });

  it('resumes a killed ticket read from the last stored id without re-reading finished kinds', async () => {
    intercept = (request) =>
      request.path === 'service/tickets' && request.query.get('pageId') === '104'
        ? { status: 503, raw: '<html>Service Unavailable</html>' }
        : undefined;
    const error = await extract({ client: client(), store }).then(
      () => undefined,
      (failure: unknown) => failure
    );
    expect(error).to.be.instanceOf(ConnectWiseError);
    expect((error as ConnectWiseError).status).to.equal(503);
    expect(store.countSource('tickets')).to.equal(4);
    expect(store.getWatermark('tickets')).to.equal(undefined);

    intercept = undefined;
    const before = stub!.requests.length;
    const summary: ExtractSummary = await extract({ client: client(), store });
    const second = stub!.requests.slice(before);

    expect(summary.resumed).to.equal(true);
    for (const kind of ['members', 'boards', 'boardStatuses', 'priorities', 'companies', 'contacts'] as const) {
      expect(summary.kinds[kind]).to.include({ skipped: true, requests: 0 });
    }
    expect(second.some((request) => request.path === 'company/companies')).to.equal(false);
    const ticketRequests = second.filter((request) => request.path === 'service/tickets');
    expect(ticketRequests[0].query.get('conditions')).to.equal('id > 104');
    expect(summary.kinds.tickets.read).to.equal(3);
    expect(summary.kinds.ticketNotes.read).to.equal(14);
    expect(counts(store)).to.deep.equal(FULL_COUNTS);
    expect(store.getWatermark('tickets')).to.equal('2024-03-07T10:00:00Z');

    // Finished: the next call is a new run, a delta that finds nothing new.
    const after = await extract({ client: client(), store });
    expect(after.resumed).to.equal(false);
    expect(after.kinds.tickets).to.include({ mode: 'delta', read: 1 });
  });

  it('resumes killed note reads with only the tickets not yet done', async () => {
    intercept = (request) =>
      request.path === 'service/tickets/105/notes'
        ? { status: 500, body: { code: 'Error', message: 'boom' } }
        : undefined;
    await extract({ client: client(), store, concurrency: 2 }).catch(() => undefined);
    const doneFirst = [...new Set(store.sourceRecords('ticketNotes').map((note) => note.parentId!))];
    expect(doneFirst).to.not.include(105);
    expect(doneFirst.length).to.be.within(1, 6);

    intercept = undefined;
    const before = stub!.requests.length;
    const summary = await extract({ client: client(), store, concurrency: 2 });
    const retried = notesRequested(stub!.requests.slice(before));

    expect(summary.kinds.tickets.skipped).to.equal(true);
    expect(retried).to.include(105);
    expect(retried.filter((id) => doneFirst.includes(id))).to.deep.equal([]);
    expect([...doneFirst, ...retried].sort()).to.deep.equal([101, 102, 103, 104, 105, 106, 107]);
    expect(counts(store)).to.deep.equal(FULL_COUNTS);
  });

  it('keeps at most `concurrency` note requests in flight', async () => {
    let active = 0;
    let peak = 0;
    const inner = fakeTenant(tenant);
    await stub!.close();
    stub = await startStub(async (request, root) => {
      if (!request.path.endsWith('/notes')) return inner(request, root);
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active--;
      return inner(request, root);
    });
    await extract({ client: client(), store, concurrency: 3 });
    expect(peak).to.equal(3);
  });

  it('carries on when a ticket disappeared before its notes were read', async () => {
    intercept = (request) =>
      request.path === 'service/tickets/103/notes'
        ? { status: 404, body: { code: 'NotFound', message: 'Ticket 103 not found', errors: null } }
        : undefined;
    const summary = await extract({ client: client(), store });
    expect(summary.kinds.ticketNotes).to.include({ read: 12, missingParents: 1 });
  });

  it('stops with a clear error when the credentials are wrong', async () => {
    const wrong = new ConnectWiseClient({
      ...TEST_CREDENTIALS,
      privateKey: 'WrongPrivateKey-0000',
      baseUrl: stub!.baseUrl,
    });
    const error = (await extract({ client: wrong, store }).catch((failure: unknown) => failure)) as ConnectWiseError;
    expect(error.status).to.equal(401);
    expect(error.message).to.not.include('WrongPrivateKey-0000');
    expect(counts(store).members).to.equal(0);
  });
});
