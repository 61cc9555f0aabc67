/**
 * The third-party `connectwise-rest` client (npm, MIT) against the emulator. It hard-codes
 * https, so its axios instances are pointed at the emulator's plain-http base URL (api-notes §11).
 */
import { expect } from 'chai';
import { ManageAPI } from 'connectwise-rest';
import { generateTenant } from './generator.js';
import { CwEmulator, startCwEmulator } from './server.js';

describe('connectwise-rest client against the emulator', () => {
  let cw: CwEmulator;
  let client: ManageAPI;
  before(async () => {
    cw = await startCwEmulator({ tenant: generateTenant({ seed: 5, companies: 30 }) });
    client = new ManageAPI({
      companyId: cw.companyId,
      companyUrl: cw.site.replace('http://', ''),
      publicKey: cw.publicKey,
      privateKey: cw.privateKey,
      clientId: cw.clientId,
      entryPoint: 'v4_6_release',
      apiVersion: '2025.1',
      retry: false,
      // The client logs every failed call; the 429 test fails one on purpose.
      logger: (): undefined => undefined,
    });
    // Each API group (ServiceAPI, CompanyAPI, …) holds its own axios instance.
    for (const part of [client, ...(Object.values(client) as unknown[])]) {
      const instance = (part as { instance?: { defaults: { baseURL?: string } } } | null)?.instance;
      if (instance) instance.defaults.baseURL = cw.baseUrl;
    }
  });
  after(() => cw.close());

  it('reads tickets with conditions, one by id, and a count', async () => {
    const open = await client.ServiceAPI.getServiceTickets({ conditions: 'closedFlag=false', page: 1, pageSize: 100 });
    expect(open.length).to.equal(cw.tenant.tickets.filter((ticket) => ticket.closedFlag === false).length);
    const first = cw.tenant.tickets[0];
    const ticket = await client.ServiceAPI.getServiceTicketsById(first.id);
    expect(ticket.summary).to.equal(first.summary);
    const count = (await client.request({
      path: '/service/tickets/count',
      method: 'get',
      params: { conditions: 'id>0' },
    })) as { count: number };
    expect(count.count).to.equal(cw.tenant.tickets.length);
  });

  it('pages through every contact with its paginate helper', async () => {
    // The client's documented usage passes the method unbound; paginate binds it itself.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const all = await client.paginate(client.CompanyAPI.getCompanyContacts, { startPage: 1, pageSize: 50 }, {});
    expect((all as Array<{ id: number }>).map((contact) => contact.id)).to.deep.equal(
      cw.tenant.contacts.map((contact) => contact.id),
    );
  });

  it('reads the wider tenant: agreements with additions, sites, catalog, invoices, projects, time and SLAs', async () => {
    const agreements = await client.FinanceAPI.getFinanceAgreements({ pageSize: 1000 });
    expect(agreements.map((agreement) => agreement.id)).to.deep.equal(cw.tenant.agreements!.map((agreement) => agreement.id));
    const withAdditions = cw.tenant.agreementAdditions![0].agreementId as number;
    const additions = await client.FinanceAPI.getFinanceAgreementsByParentIdAdditions(withAdditions, {});
    expect(additions.length).to.equal(cw.tenant.agreementAdditions!.filter((a) => a.agreementId === withAdditions).length);
    const company = cw.tenant.companies[1].id;
    const sites = await client.CompanyAPI.getCompanyCompaniesByParentIdSites(company, {});
    expect(sites.map((site) => site.id)).to.deep.equal(
      cw.tenant.companySites!.filter((site) => (site.company as { id: number }).id === company).map((site) => site.id),
    );
    expect((await client.ProcurementAPI.getProcurementCatalogCount({})).count).to.equal(cw.tenant.catalogItems!.length);
    expect((await client.FinanceAPI.getFinanceInvoicesCount({})).count).to.equal(cw.tenant.invoices!.length);
    expect((await client.ProjectAPI.getProjectProjects({ pageSize: 1000 })).length).to.equal(cw.tenant.projects!.length);
    const time = await client.TimeAPI.getTimeEntries({ conditions: 'chargeToType="ServiceTicket"', pageSize: 1000 });
    expect(time.length).to.equal(cw.tenant.timeEntries!.filter((entry) => entry.chargeToType === 'ServiceTicket').length);
    const slas = (await client.request({ path: '/service/SLAs', method: 'get', params: {} })) as Array<{ id: number }>;
    expect(slas.map((sla) => sla.id)).to.deep.equal(cw.tenant.slas!.map((sla) => sla.id));
    const { recordType, recordId, info } = cw.tenant.documents![0];
    const documents = await client.SystemAPI.getSystemDocuments({ recordType, recordId } as Record<string, unknown>);
    expect(documents.map((document) => document.id)).to.include(info.id);
  });

  it('surfaces a 429 as a thrown error carrying the status', async () => {
    cw.faults = { rate429: 1 };
    try {
      await client.ServiceAPI.getServicePriorities({});
      expect.fail('expected a 429');
    } catch (error) {
      expect((error as { status?: number }).status).to.equal(429);
    } finally {
      cw.faults = {};
    }
  });
});
