/*
 * The real ConnectWise sample payloads (test/fixtures/connectwise/samples, see PROVENANCE.md there),
 * served as they are, migrated through the real sf CLI. The expected values below were written by
 * hand from the fixture files; the odd shapes (a full member object embedded as a ticket owner,
 * an email item whose domain repeats the address, contacts of a company that is not in the set,
 * nulls and missing keys) must not stop or distort the load.
 */
import { expect } from 'chai';
import { loadSampleTenant } from '../cw-emulator/samples.js';
import { migrate, readProblems, short, startHarness, type Harness, type ProblemLine, type RunJson } from './support.js';

type Rec = Record<string, unknown>;

const ACCOUNTS: Record<string, Rec> = {
  '2': { Name: 'TestCompany', AccountNumber: 'YourCompany', Phone: '1455550103', Website: 'www.YourCompany.com' },
};

const CONTACTS: Record<string, Rec> = {
  '2': { FirstName: 'Rudy', LastName: 'Halvorsen', Email: 'Rudy@YourCompany.com', Phone: '8135550100 x401', account: '2' },
  '57919': { FirstName: 'Greta', LastName: 'Lindgren' },
  '58001': { FirstName: 'Ivan', LastName: 'Holt' },
  '58024': { FirstName: 'Marco', LastName: 'Lindqvist' },
  '58118': { FirstName: 'Nora', LastName: 'Vance', Email: 'nora@test.com', Phone: '+155501000', Fax: '5550168' },
};

describe('sf cw migrate run on the real ConnectWise sample payloads (end to end)', function () {
  let h: Harness;
  let run: RunJson;
  let problems: ProblemLine[];
  const cwId = (object: string, id: string): Rec | undefined => h.org.records(object).find((r) => r.CW_Id__c === id);

  before(async function () {
    h = await startHarness(loadSampleTenant(), 'samples');
    run = await migrate(h, 'samples');
    problems = readProblems(run.result!.reports!.problemsCsv);
  });
  after(async () => h?.close());

  it('lands every record without a failure', () => {
    expect(run.status).to.equal(0);
    expect(run.result?.objects.map((o) => [o.object, o.inOrg, o.failed])).to.deep.equal([
      ['Group', 1, 0],
      ['QueueSobject', 1, 0],
      ['Account', 1, 0],
      ['Contact', 5, 0],
      ['ServiceContract', 1, 0],
      ['Entitlement', 1, 0],
      ['Case', 1, 0],
      ['CaseComment', 0, 0],
    ]);
  });

  it('maps the company', () => {
    for (const [id, fields] of Object.entries(ACCOUNTS)) expect(cwId('Account', id)).to.include(fields);
  });

  it('maps the agreement to a service contract and an entitlement without a process (it names no SLA)', () => {
    // fixtures.API_AGREEMENT.json: "Gold Rate", company 2, type "Block Time - One time", no dates.
    const contract = cwId('ServiceContract', '1');
    expect(contract).to.include({ Name: 'Gold Rate', Description: 'Agreement type: Block Time - One time\nStatus in ConnectWise: Active\nBill amount: 10000' });
    expect(short(contract?.AccountId)).to.equal(short(cwId('Account', '2')?.Id));
    const entitlement = cwId('Entitlement', '1');
    expect(short(entitlement?.ServiceContractId)).to.equal(short(contract?.Id));
    expect(entitlement?.SlaProcessId ?? null).to.equal(null);
  });

  it('maps each contact, with its default email, phone and fax', () => {
    for (const [id, { account, ...fields }] of Object.entries(CONTACTS)) {
      const contact = cwId('Contact', id);
      expect(contact, `contact ${id}`).to.include(fields);
      if (account) expect(short(contact?.AccountId)).to.equal(short(cwId('Account', String(account))?.Id));
    }
  });

  it('reports the two contacts whose company 250 is not in the data', () => {
    const lines = problems.filter((p) => p.object === 'Contact' && p.field === 'AccountId');
    expect(lines.map((p) => p.sourceId).sort()).to.deep.equal(['58024', '58118']);
    // The company is missing from ConnectWise's data, not a record that failed to load.
    for (const line of lines) expect(line.reason).to.equal('Company 250 is not in the ConnectWise data; the contact loads without an account.');
  });

  it('maps the ticket, with the only note as its description and the board queue as owner', () => {
    const ticket = cwId('Case', '69');
    expect(ticket).to.include({
      Subject: 'Schedule and Execute Conversion',
      Description: 'Some Text On This Note',
      Status: 'New',
      Priority: 'Medium',
      CW_Board__c: 'Service A',
    });
    expect(Date.parse(String(ticket?.Original_Create_Date__c))).to.equal(Date.parse('2005-05-27T17:30:19Z'));
    expect(short(ticket?.AccountId)).to.equal(short(cwId('Account', '2')?.Id));
    expect(short(ticket?.ContactId)).to.equal(short(cwId('Contact', '2')?.Id));
    const queue = h.org.records('Group').find((g) => g.Type === 'Queue' && g.Name === 'Service A');
    expect(short(ticket?.OwnerId)).to.equal(short(queue?.Id));
  });
});
