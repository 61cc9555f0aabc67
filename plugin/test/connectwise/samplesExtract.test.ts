/*
 * The real ConnectWise sample payloads (test/fixtures/connectwise/samples, PROVENANCE.md there),
 * served as they are, read into the work store by the extractor: for every kind the samples hold,
 * every record arrives, and arrives unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadSampleTenant } from '../../../test/cw-emulator/samples.js';
import { startCwEmulator, type CwEmulator } from '../../../test/cw-emulator/server.js';
import type { CwRecord, Tenant, TenantCollection } from '../../../test/cw-emulator/types.js';
import { ConnectWiseClient } from '../../src/connectwise/client.js';
import { extract } from '../../src/connectwise/extractor.js';
import { SOURCE_KINDS, WorkStore, type SourceKind } from '../../src/store/workStore.js';

describe('extract the real ConnectWise sample payloads', () => {
  let dir: string;
  let cw: CwEmulator;
  let tenant: Tenant;
  let store: WorkStore;

  before(async function () {
    this.timeout(60_000);
    dir = mkdtempSync(join(tmpdir(), 'cwm-samples-'));
    tenant = loadSampleTenant();
    cw = await startCwEmulator({ tenant });
    store = WorkStore.open({ dir, cwCompanyId: cw.companyId, orgId: '00D000000000002' });
    await extract({
      client: new ConnectWiseClient({ site: cw.site, companyId: cw.companyId, publicKey: cw.publicKey, privateKey: cw.privateKey, clientId: cw.clientId }),
      store,
      downloadDocuments: false,
    });
  });

  after(async () => {
    store?.close();
    await cw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every sample record of every kind, payload for payload', () => {
    const kinds = SOURCE_KINDS.filter((kind) => Array.isArray(tenant[kind as TenantCollection]) && (tenant[kind as TenantCollection] as CwRecord[]).length > 0);
    // The samples hold at least these kinds of the migration's own (hand-written from PROVENANCE.md).
    expect(kinds).to.include.members(['members', 'boards', 'boardStatuses', 'priorities', 'companies', 'contacts', 'tickets', 'ticketNotes']);
    for (const kind of kinds as SourceKind[]) {
      const served = tenant[kind as TenantCollection] as CwRecord[];
      const stored = new Map(store.sourceRecords(kind).map((r) => [r.id, r.payload]));
      expect(stored.size, kind).to.equal(served.length);
      for (const record of served) expect(stored.get(record.id), `${kind} ${record.id}`).to.deep.equal(record);
    }
  });
});
