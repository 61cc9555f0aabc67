/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ConnectWiseClient } from '../../src/connectwise/client.js';
import { fileNameFrom } from '../../src/connectwise/contentDisposition.js';
import { extract } from '../../src/connectwise/extractor.js';
import { WorkStore } from '../../src/store/workStore.js';
import { fakeTenant, sampleTenant } from './fakeTenant.js';
import { FAST_BACKOFF, startStub, TEST_CREDENTIALS, type StubServer } from './stubServer.js';

describe('extract: breadth, limits and tenants that lack endpoints', () => {
  let dir: string;
  let store: WorkStore;
  let stub: StubServer | undefined;
  const client = (): ConnectWiseClient =>
    new ConnectWiseClient({
      ...TEST_CREDENTIALS,
      baseUrl: stub!.baseUrl,
      pageSize: 2,
      maxRetries: 1,
      backoff: FAST_BACKOFF,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cwm-breadth-'));
    store = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: 'org' });
  });

  afterEach(async () => {
    store.close();
    await stub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports kinds the tenant does not offer as unavailable and reads the rest', async () => {
    const inner = fakeTenant(sampleTenant());
    stub = await startStub((request, root) =>
      request.path.startsWith('finance/invoices')
        ? { status: 403, body: { code: 'Forbidden', message: 'Insufficient permissions' } }
        : inner(request, root),
    );
    const summary = await extract({ client: client(), store });
    // The stub knows only the service-desk core; everything else answers "endpoint does not exist".
    expect(summary.kinds.timeEntries.unavailable).to.equal('the endpoint does not exist on this tenant');
    expect(summary.kinds.boardTypes.unavailable).to.equal('the endpoint does not exist on this tenant');
    expect(summary.kinds.ticketDocuments.unavailable).to.equal('the endpoint does not exist on this tenant');
    expect(summary.kinds.invoices.unavailable).to.equal('the API member may not read it (security role)');
    expect(summary.kinds.tickets).to.include({ read: 7, skipped: false });
    expect(store.countSource('ticketNotes')).to.equal(14);
    // A step stops once the endpoint is known missing: at most one request per lane (4) per record type.
    const ticketDocuments = stub.requests.filter(
      (request) => request.path === 'system/documents' && request.query.get('recordType') === 'Ticket',
    );
    expect(ticketDocuments.length).to.be.within(1, 4);
  });

  it('keeps every step together within the concurrency limit', async () => {
    let active = 0;
    let peak = 0;
    const inner = fakeTenant(sampleTenant());
    stub = await startStub(async (request, root) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return inner(request, root);
    });
    await extract({ client: client(), store, concurrency: 2 });
    expect(peak).to.equal(2);
  });

  it('reads only the kinds asked for, with the parents they need', async () => {
    stub = await startStub(fakeTenant(sampleTenant()));
    const summary = await extract({ client: client(), store, kinds: ['boardStatuses'] });
    expect(summary.kinds.boards.read).to.equal(2);
    expect(summary.kinds.boardStatuses.read).to.equal(3);
    expect(summary.kinds.tickets.notSelected).to.equal(true);
    expect(stub.requests.some((request) => request.path.startsWith('service/tickets'))).to.equal(false);
  });

  it('reads file names from Content-Disposition in each form ConnectWise sends', () => {
    expect(fileNameFrom('attachment; filename=log.txt')).to.equal('log.txt');
    expect(fileNameFrom('attachment; filename="error log.txt"')).to.equal('error log.txt');
    expect(fileNameFrom('attachment; filename="Pr_fbericht.pdf"; filename*=UTF-8\'\'Pr%C3%BCfbericht.pdf')).to.equal(
      'Prüfbericht.pdf',
    );
    expect(fileNameFrom(null)).to.equal(undefined);
  });
});
