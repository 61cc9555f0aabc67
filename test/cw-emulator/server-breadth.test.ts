import { expect } from 'chai';
import { CwEmulator, startCwEmulator } from './server.js';
import { cwGet, handTenant } from './test-support.js';
import { CwRecord, Tenant } from './types.js';

const ids = (body: unknown): number[] => (body as CwRecord[]).map((record) => record.id);

/** The hand tenant plus one or two records in each of the wider collections, all written out here. */
function breadthTenant(): Tenant {
  const tenant = handTenant();
  tenant.boardTypes = [
    { id: 1, name: 'Incident', board: { id: 1, name: 'Help Desk' } },
    { id: 2, name: 'Incident', board: { id: 2, name: 'Projects' } },
  ];
  tenant.boardTeams = [{ id: 25, name: 'Tier 1', boardId: 2, members: [1] }];
  tenant.slas = [{ id: 3, name: 'Standard SLA', basedOn: 'AllHours' }];
  tenant.slaPriorities = [{ id: 5, sla: { id: 3, name: 'Standard SLA' }, priority: { id: 3 }, respondHours: 4.5 }];
  tenant.companySites = [{ id: 1, name: 'Main', company: { id: 251, identifier: 'Acme' } }];
  tenant.configurationTypes = [{ id: 1, name: 'Server' }];
  tenant.agreements = [{ id: 7, name: 'Managed', startDate: '2024-01-01T00:00:00Z' }];
  tenant.agreementAdditions = [{ id: 70, agreementId: 7, quantity: 3 }];
  tenant.timeEntries = [
    { id: 500, chargeToType: 'ServiceTicket', chargeToId: 100, notes: 'Rebooted spooler', timeStart: '2024-01-01T10:00:00Z', addToDetailDescriptionFlag: true },
    { id: 501, chargeToType: 'ChargeCode', chargeToId: 2, notes: 'Training', timeStart: '2024-01-02T00:00:00Z' },
  ];
  tenant.documents = [
    { recordType: 'Ticket', recordId: 100, info: { id: 40, fileName: 'Prüfbericht März.pdf', size: 4 }, content: 'PDF!' },
    { recordType: 'Ticket', recordId: 100, info: { id: 41, fileName: 'https://example.test/x', urlFlag: true, size: 0 } },
    { recordType: 'Company', recordId: 250, info: { id: 42, fileName: 'log.txt', size: 300 } },
  ];
  return tenant;
}

describe('ConnectWise emulator: the wider tenant', () => {
  let cw: CwEmulator;
  before(async () => {
    cw = await startCwEmulator({ tenant: breadthTenant() });
  });
  after(() => cw.close());

  it('serves board tables, SLA targets, sites and additions under their parents, with counts', async () => {
    expect(ids((await cwGet(cw, 'service/boards/2/types')).body)).to.deep.equal([2]);
    expect(ids((await cwGet(cw, 'service/boards/2/teams')).body)).to.deep.equal([25]);
    expect(ids((await cwGet(cw, 'service/boards/1/teams')).body)).to.deep.equal([]);
    expect((await cwGet(cw, 'service/SLAs/3/priorities')).body).to.deep.equal([
      { id: 5, sla: { id: 3, name: 'Standard SLA' }, priority: { id: 3 }, respondHours: 4.5 },
    ]);
    expect(ids((await cwGet(cw, 'company/companies/251/sites')).body)).to.deep.equal([1]);
    expect((await cwGet(cw, 'finance/agreements/7/additions/count')).body).to.deep.equal({ count: 1 });
    expect((await cwGet(cw, 'service/SLAs/9/priorities')).status).to.equal(404);
  });

  it('serves set-up tables that sit under a module path, and an empty list for a table the tenant lacks', async () => {
    expect(ids((await cwGet(cw, 'company/configurations/types')).body)).to.deep.equal([1]);
    expect((await cwGet(cw, 'company/configurations/types/1')).body).to.deep.equal({ id: 1, name: 'Server' });
    expect((await cwGet(cw, 'finance/invoices')).body).to.deep.equal([]);
    expect((await cwGet(cw, 'time/entries?conditions=chargeToType%3D%22ServiceTicket%22')).body).to.have.length(1);
  });

  it('merges ticket notes and time-entry notes in allNotes', async () => {
    const all = (await cwGet(cw, 'service/tickets/100/allNotes')).body as CwRecord[];
    expect(all.map((note) => [note.id, note.noteType, note.text])).to.deep.equal([
      [500, 'TimeEntryNote', 'Rebooted spooler'],
      [900, 'TicketNote', 'First line\r\nSecond line'],
      [901, 'TicketNote', 'Internal'],
    ]);
    expect(all[0]).to.include({ detailDescriptionFlag: true, timeStart: '2024-01-01T10:00:00Z' });
  });

  it('lists documents per record and downloads their bytes with the file name', async () => {
    const list = await cwGet(cw, 'system/documents?recordType=Ticket&recordId=100');
    expect(ids(list.body)).to.deep.equal([40, 41]);
    expect((await cwGet(cw, 'system/documents/count?recordType=Company&recordId=250')).body).to.deep.equal({ count: 1 });
    const auth = Buffer.from(`${cw.companyId}+${cw.publicKey}:${cw.privateKey}`).toString('base64');
    const headers = { authorization: `Basic ${auth}`, clientId: cw.clientId };
    const file = await fetch(`${cw.baseUrl}/system/documents/40/download`, { headers });
    expect(file.headers.get('content-type')).to.equal('application/octet-stream');
    expect(file.headers.get('content-disposition')).to.include("filename*=UTF-8''Pr%C3%BCfbericht%20M%C3%A4rz.pdf");
    expect(await file.text()).to.equal('PDF!');
    const generated = await fetch(`${cw.baseUrl}/system/documents/42/download`, { headers });
    expect(generated.headers.get('content-disposition')).to.equal('attachment; filename=log.txt');
    const bytes = Buffer.from(await generated.arrayBuffer());
    expect(bytes.length).to.equal(300);
    const again = Buffer.from(await (await fetch(`${cw.baseUrl}/system/documents/42/download`, { headers })).arrayBuffer());
    expect(again.equals(bytes)).to.equal(true);
    expect((await fetch(`${cw.baseUrl}/system/documents/41/download`, { headers })).status).to.equal(404);
  });
});
