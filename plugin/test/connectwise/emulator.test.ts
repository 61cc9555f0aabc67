/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { generateTenant } from '../../../test/cw-emulator/generator.js';
import { startCwEmulator, type CwEmulator } from '../../../test/cw-emulator/server.js';
import { ConnectWiseClient } from '../../src/connectwise/client.js';
import { extract } from '../../src/connectwise/extractor.js';
import { WorkStore, type SourceKind } from '../../src/store/workStore.js';

// The one test that talks to the shared ConnectWise emulator rather than a hand-written stub.
describe('extract against the ConnectWise emulator', () => {
  let dir: string;
  let cw: CwEmulator;
  let store: WorkStore;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cwm-emulator-'));
    cw = await startCwEmulator({ tenant: generateTenant({ seed: 7, companies: 30 }) });
    store = WorkStore.open({ dir, cwCompanyId: cw.companyId, orgId: '00D000000000001' });
  });

  after(async () => {
    store?.close();
    await cw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = (): ConnectWiseClient =>
    new ConnectWiseClient({
      site: cw.site,
      companyId: cw.companyId,
      publicKey: cw.publicKey,
      privateKey: cw.privateKey,
      clientId: cw.clientId,
      pageSize: 50,
    });

  it('stores every record of every kind the tenant holds', async function () {
    this.timeout(60_000);
    const summary = await extract({ client: client(), store });
    const kinds: SourceKind[] = [
      'members',
      'boards',
      'boardStatuses',
      'priorities',
      'companies',
      'contacts',
      'tickets',
      'ticketNotes',
    ];
    for (const kind of kinds) {
      expect(store.countSource(kind), kind).to.equal(cw.tenant[kind].length);
      expect(summary.kinds[kind].read, kind).to.equal(cw.tenant[kind].length);
    }
    expect(summary.requests).to.equal(cw.requestCount());
    const ticket = cw.tenant.tickets[0];
    expect(store.sourceRecords('tickets')[0].payload).to.deep.equal(ticket);
  });

  it('then reads a changed ticket and its notes as a delta', async function () {
    this.timeout(60_000);
    const ticket = cw.tenant.tickets[3];
    const info = ticket._info as Record<string, string>;
    ticket.summary = 'Changed after the first extraction';
    info.lastUpdated = new Date(Date.parse(store.getWatermark('tickets')!) + 60_000)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    const summary = await extract({ client: client(), store });
    expect(summary.kinds.tickets.mode).to.equal('delta');
    expect(summary.kinds.tickets.read).to.be.at.least(1).and.below(cw.tenant.tickets.length);
    expect(summary.kinds.tickets.watermark).to.equal(info.lastUpdated);
    expect(summary.kinds.ticketNotes.requests).to.equal(summary.kinds.tickets.read);
    const stored = store.sourceRecords('tickets').find((record) => record.id === ticket.id);
    expect(stored?.payload.summary).to.equal('Changed after the first extraction');
  });
});
