import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadSampleTenant, SAMPLES_DIR } from './samples.js';
import { CwEmulator, startCwEmulator } from './server.js';
import { cwGet } from './test-support.js';

const K = 'KerkhoffTechnologies-django-connectwise';
const A = 'amp-labs-connectors';
/** Reads a fixture file directly, not through the code under test. */
const fixture = (path: string): unknown => JSON.parse(readFileSync(join(SAMPLES_DIR, path), 'utf8')) as unknown;
const first = (path: string): unknown => (fixture(path) as unknown[])[0];

describe('samples mode', () => {
  let cw: CwEmulator;
  before(async () => {
    cw = await startCwEmulator({ tenant: loadSampleTenant() });
  });
  after(() => cw.close());

  it('answers to the sample company id and serves its companyinfo unchanged', async () => {
    expect(cw.companyId).to.equal('CW');
    // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
    // eslint-disable-next-line no-await-in-loop
    const reply = await fetch(`${cw.site}/login/companyinfo/CW`);
    expect(await reply.json()).to.deep.equal(fixture(`${K}/fixtures.API_COMPANY_INFO.json`));
  });

  it('serves each sample record by id exactly as recorded', async () => {
    const cases: Array<[string, unknown]> = [
      ['system/members/176', fixture(`${K}/fixtures.API_MEMBER.json`)],
      ['service/boards/1', fixture(`${K}/fixtures.API_BOARD.json`)],
      ['service/priorities/4', fixture(`${K}/fixtures.API_SERVICE_PRIORITY.json`)],
      ['service/priorities/5', fixture(`${K}/fixtures.API_SERVICE_PRIORITY_LIMITED.json`)],
      ['company/companies/2', fixture(`${K}/fixtures.API_COMPANY.json`)],
      ['service/tickets/69', fixture(`${K}/fixtures.API_SERVICE_TICKET.json`)],
      ['company/contacts/2', first(`${K}/fixtures.API_COMPANY_CONTACT_LIST.json`)],
      ['company/contacts/58024', first(`${A}/test/read/one-contact.json`)],
      ['company/contacts/58118', first(`${A}/test/read/contact-emma-diaz.json`)],
      ['company/contacts/58001', first(`${A}/test/read/contact-frank-fenrir.json`)],
      ['company/contacts/57919', fixture(`${A}/test/write/contacts/new.json`)],
    ];
    for (const [path, expected] of cases) {
      // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
      // eslint-disable-next-line no-await-in-loop
      const reply = await cwGet(cw, path);
      expect(reply.status, path).to.equal(200);
      expect(reply.body, path).to.deep.equal(expected);
    }
  });

  it('serves the sample lists unchanged, odd shapes included', async () => {
    expect((await cwGet(cw, 'service/boards/1/statuses')).body).to.deep.equal(
      fixture(`${K}/fixtures.API_BOARD_STATUS_LIST.json`),
    );
    expect((await cwGet(cw, 'service/tickets/69/notes')).body).to.deep.equal(
      fixture(`${K}/fixtures.API_SERVICE_NOTE_LIST.json`),
    );
    expect((await cwGet(cw, 'company/contacts/2/communications')).body).to.deep.equal(
      fixture(`${K}/fixtures.API_CONTACT_COMMUNICATION_LIST.json`),
    );
    expect((await cwGet(cw, 'system/userDefinedFields?pageSize=100')).body).to.deep.equal(
      fixture(`${A}/test/custom-fields/definitions.json`),
    );
    expect((await cwGet(cw, 'system/members/count')).body).to.deep.equal(
      fixture(`${K}/fixtures.API_MEMBER_COUNT.json`),
    );
    const contacts = (await cwGet(cw, 'company/contacts')).body as Array<{ id: number }>;
    expect(contacts.map((contact) => contact.id)).to.deep.equal([2, 57_919, 58_001, 58_024, 58_118]);
    const emma = JSON.stringify(contacts[4]);
    expect(emma).to.include('apis/3.0//company/communicationTypes');
    expect(contacts[2]).not.to.have.property('communicationItems');
  });

  it('answers errors with the bodies recorded from a real tenant', async () => {
    expect((await cwGet(cw, 'company/contacts/57918')).body).to.deep.equal({
      code: 'NotFound',
      message: 'Contact 57918 not found',
    });
    expect((await cwGet(cw, 'no/such/endpoint')).body).to.deep.equal(fixture(`${A}/test/read/not-found.json`));
    expect(Object.keys(fixture(`${A}/test/delete/contact-not-found.json`) as object)).to.deep.equal([
      'code',
      'message',
    ]);
  });

  it('filters the samples with conditions on embedded and missing values', async () => {
    const hits = await cwGet(
      cw,
      `company/contacts?conditions=${encodeURIComponent('company/identifier = "Bob Technology Service"')}&fields=id`,
    );
    expect(hits.body).to.deep.equal([{ id: 58_024 }, { id: 58_118 }]);
    const child = await cwGet(
      cw,
      `company/contacts?childConditions=${encodeURIComponent('communicationItems/communicationType = "Email"')}&fields=id`,
    );
    expect(child.body).to.deep.equal([{ id: 2 }, { id: 58_118 }]);
    const custom = await cwGet(
      cw,
      `company/contacts?customFieldConditions=${encodeURIComponent('caption = "is_synced" AND value = "false"')}&fields=id`,
    );
    expect((custom.body as Array<{ id: number }>).map((contact) => contact.id)).to.include(58_024);
  });
});
