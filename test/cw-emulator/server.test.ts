import { expect } from 'chai';
import { generateTenant } from './generator.js';
import { CwEmulator, startCwEmulator } from './server.js';
import { cwGet, handTenant, links } from './test-support.js';
import { CwRecord } from './types.js';

const ids = (body: unknown): number[] => (body as CwRecord[]).map((record) => record.id);

describe('ConnectWise emulator: authentication and errors', () => {
  let cw: CwEmulator;
  before(async () => {
    cw = await startCwEmulator({ tenant: handTenant() });
  });
  after(() => cw.close());

  it('takes its company id from the tenant and serves companyinfo without credentials', async () => {
    expect(cw.companyId).to.equal('handco');
    expect(cw.baseUrl).to.equal(`${cw.site}/v4_6_release/apis/3.0`);
    const response = await fetch(`${cw.site}/login/companyinfo/HANDCO`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({
      CompanyName: 'Hand Tenant',
      Codebase: 'v4_6_release/',
      CompanyID: 'handco',
      IsCloud: true,
    });
    const unknown = await fetch(`${cw.site}/login/companyinfo/nobody`);
    expect(unknown.status).to.equal(200);
    expect(await unknown.text()).to.equal('null');
  });

  it('answers 401 UserNotAuthenticated to a missing or wrong login', async () => {
    const body = { code: 'ConnectWiseApi', message: 'UserNotAuthenticated' };
    const bare = await fetch(`${cw.baseUrl}/service/tickets`, { headers: { clientId: cw.clientId } });
    expect(bare.status).to.equal(401);
    expect(await bare.json()).to.deep.equal(body);
    for (const login of [
      'handco+Pk7Rn2Xw9Qe4Lt6Z:wrong',
      'otherco+Pk7Rn2Xw9Qe4Lt6Z:Sv3Hd8Ma1Yc5Ub0J',
      'Pk7Rn2Xw9Qe4Lt6Z:Sv3Hd8Ma1Yc5Ub0J',
    ]) {
      // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
      // eslint-disable-next-line no-await-in-loop
      const reply = await cwGet(cw, 'service/tickets', {
        authorization: `Basic ${Buffer.from(login).toString('base64')}`,
      });
      expect(reply.status, login).to.equal(401);
      expect(reply.body).to.deep.equal(body);
    }
  });

  it('answers 401 Unauthorized to a missing or unknown clientId', async () => {
    const login = `Basic ${Buffer.from('handco+Pk7Rn2Xw9Qe4Lt6Z:Sv3Hd8Ma1Yc5Ub0J').toString('base64')}`;
    const missing = await fetch(`${cw.baseUrl}/service/tickets`, { headers: { authorization: login } });
    expect(missing.status).to.equal(401);
    expect(((await missing.json()) as { code: string }).code).to.equal('Unauthorized');
    const wrong = await cwGet(cw, 'service/tickets', { clientId: '00000000-0000-0000-0000-000000000000' });
    expect(wrong.status).to.equal(401);
  });

  it('answers the real 404 bodies for unknown endpoints and ids', async () => {
    expect(await cwGet(cw, 'service/nothing')).to.deep.include({
      status: 404,
      body: { code: 'ConnectWiseApi', message: 'The endpoint does not exist.' },
    });
    expect(await cwGet(cw, 'company/contacts/57919')).to.deep.include({
      status: 404,
      body: { code: 'NotFound', message: 'Contact 57919 not found' },
    });
    expect((await cwGet(cw, 'service/tickets/999/notes')).body).to.deep.equal({
      code: 'NotFound',
      message: 'Ticket 999 not found',
    });
    expect((await cwGet(cw, `${cw.site}/elsewhere`)).status).to.equal(404);
  });

  it('answers 400 with the server wording for conditions it cannot read', async () => {
    // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
    // eslint-disable-next-line no-await-in-loop
    const reply = await cwGet(cw, `service/tickets?conditions=${encodeURIComponent('closedFlag = 1')}`);
    expect(reply.status).to.equal(400);
    expect(reply.body).to.deep.equal({
      code: 'InvalidObject',
      message:
        'Expected a boolean value, not a numeric. String values should be enclosed with double or single quotes; ' +
        'DateTime values should be enclosed in square brackets; numbers should consist of only digits, and optionally a ' +
        'decimal point and a negation sign; boolean values should be indicated with the keywords true or false; null values ' +
        'should be indicated by the keyword null.',
    });
    expect((await cwGet(cw, `service/tickets/count?conditions=${encodeURIComponent('(id = 1')}`)).status).to.equal(400);
  });

  it('serves a record by id, per-board statuses, ticket notes and counts', async () => {
    expect((await cwGet(cw, 'company/companies/251')).body).to.deep.include({ name: '"Acme" Holdings' });
    expect(ids((await cwGet(cw, 'service/boards/2/statuses')).body)).to.deep.equal([20, 21]);
    expect((await cwGet(cw, 'service/boards/2/statuses/21')).body).to.deep.include({
      name: 'Closed',
      closedStatus: true,
    });
    expect((await cwGet(cw, 'service/boards/1/statuses/21')).status).to.equal(404);
    expect(ids((await cwGet(cw, 'service/tickets/100/notes')).body)).to.deep.equal([900, 901]);
    expect((await cwGet(cw, 'service/tickets/100/notes/900')).body).to.deep.include({
      text: 'First line\r\nSecond line',
    });
    expect((await cwGet(cw, 'service/tickets/count')).body).to.deep.equal({ count: 5 });
    expect((await cwGet(cw, 'service/tickets/100/notes/count')).body).to.deep.equal({ count: 2 });
    expect(
      (await cwGet(cw, `service/tickets/count?conditions=${encodeURIComponent('closedFlag = true')}`)).body,
    ).to.deep.equal({ count: 2 });
    expect((await cwGet(cw, 'system/members/count')).body).to.deep.equal({ count: 2 });
    expect((await cwGet(cw, 'service/priorities/count')).body).to.deep.equal({ count: 1 });
  });

  it('cuts records to the fields asked for and sorts by orderBy', async () => {
    // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
    // eslint-disable-next-line no-await-in-loop
    const reply = await cwGet(cw, 'service/tickets?fields=id,board/name,_info/lastUpdated&pageSize=2');
    expect(reply.body).to.deep.equal([
      { id: 100, board: { name: 'Help Desk' }, _info: { lastUpdated: '2024-01-01T09:00:00Z' } },
      { id: 101, board: { name: 'Help Desk' }, _info: { lastUpdated: '2024-02-01T09:00:00Z' } },
    ]);
    expect(ids((await cwGet(cw, 'service/tickets?orderBy=_info/lastUpdated%20desc')).body)).to.deep.equal([
      104, 103, 102, 101, 100,
    ]);
    expect(ids((await cwGet(cw, 'service/tickets?orderBy=board/name%20desc,id%20desc')).body)).to.deep.equal([
      103, 102, 101, 100, 104,
    ]);
    expect((await cwGet(cw, 'company/contacts/6?fields=firstName')).body).to.deep.equal({ firstName: 'Πέτρος' });
  });

  it('serves changes made to the tenant between requests', async () => {
    cw.tenant.tickets.push({
      id: 105,
      summary: 'Added by a test',
      closedFlag: false,
      _info: { lastUpdated: '2024-07-01T00:00:00Z' },
    });
    cw.tenant.ticketNotes.push({ id: 903, ticketId: 105, text: 'New note' });
    expect(
      (await cwGet(cw, `service/tickets?conditions=${encodeURIComponent('lastUpdated > [2024-06-01T00:00:00Z]')}`))
        .body,
    ).to.deep.equal([
      { id: 105, summary: 'Added by a test', closedFlag: false, _info: { lastUpdated: '2024-07-01T00:00:00Z' } },
    ]);
    expect(ids((await cwGet(cw, 'service/tickets/105/notes')).body)).to.deep.equal([903]);
    cw.tenant.tickets.splice(4, 2);
    expect((await cwGet(cw, 'service/tickets/count')).body).to.deep.equal({ count: 4 });
  });
});

describe('ConnectWise emulator: paging', () => {
  let cw: CwEmulator;
  before(async () => {
    cw = await startCwEmulator({ tenant: generateTenant({ seed: 11, companies: 60 }) });
  });
  after(() => cw.close());

  it('defaults to 25 per page, caps pageSize at 1000, and links next and last', async () => {
    const first = await cwGet(cw, 'company/contacts');
    expect((first.body as unknown[]).length).to.equal(25);
    const rels = links(first.headers.get('link'));
    expect(Object.keys(rels).sort()).to.deep.equal(['last', 'next']);
    expect(new URL(rels.next).searchParams.get('page')).to.equal('2');
    const big = await cwGet(cw, 'service/tickets?pageSize=5000');
    expect((big.body as unknown[]).length).to.equal(Math.min(1000, cw.tenant.tickets.length));
  });

  it('walks every page by following next, ending on a page without next', async () => {
    const seen: number[] = [];
    let url: string | undefined =
      `${cw.baseUrl}/company/contacts?pageSize=37&conditions=${encodeURIComponent('id > 0')}`;
    let pages = 0;
    while (url) {
      // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
      // eslint-disable-next-line no-await-in-loop
      const reply = await cwGet(cw, url);
      seen.push(...ids(reply.body));
      const rels = links(reply.headers.get('link'));
      expect(new URL(rels.last).searchParams.get('conditions'), 'conditions kept on every link').to.equal('id > 0');
      url = rels.next;
      pages++;
    }
    const count = (await cwGet(cw, 'company/contacts/count')).body as { count: number };
    expect(seen.length).to.equal(count.count);
    expect(seen.length).to.equal(cw.tenant.contacts.length);
    expect(seen).to.deep.equal([...seen].sort((a, b) => a - b));
    expect(pages).to.equal(Math.ceil(seen.length / 37));
  });

  it('pages forward-only by pageId, with only next links, until no Link header comes back', async () => {
    const seen: number[] = [];
    let url: string | undefined = `${cw.baseUrl}/service/tickets?pageSize=100&fields=id`;
    while (url) {
      // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
      // eslint-disable-next-line no-await-in-loop
      const reply = await cwGet(cw, url, { 'pagination-type': 'forward-only' });
      const page = ids(reply.body);
      seen.push(...page);
      const header = reply.headers.get('link');
      if (!header) break;
      const rels = links(header);
      expect(Object.keys(rels)).to.deep.equal(['next']);
      expect(new URL(rels.next).searchParams.get('pageId')).to.equal(String(page[page.length - 1]));
      url = rels.next;
    }
    expect(seen).to.deep.equal(cw.tenant.tickets.map((ticket) => ticket.id));
  });
});

describe('ConnectWise emulator: faults', () => {
  it('answers 429 with Retry-After at the configured rate, before checking credentials', async () => {
    const cw = await startCwEmulator({ tenant: handTenant(), faults: { rate429: 1, retryAfterSeconds: 7 } });
    try {
      // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
      // eslint-disable-next-line no-await-in-loop
      const reply = await fetch(`${cw.baseUrl}/service/tickets`);
      expect(reply.status).to.equal(429);
      expect(reply.headers.get('retry-after')).to.equal('7');
      cw.faults = { rate429: 0.3, seed: 5 };
      let throttled = 0;
      // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
      // eslint-disable-next-line no-await-in-loop
      for (let index = 0; index < 200; index++) if ((await cwGet(cw, 'service/priorities')).status === 429) throttled++;
      expect(throttled).to.be.within(35, 85);
      expect(cw.requestCount()).to.equal(201);
    } finally {
      await cw.close();
    }
  });

  it('answers 500 at the configured rate and waits the configured latency', async () => {
    const cw = await startCwEmulator({ tenant: handTenant(), faults: { rate500: 1, latencyMs: 60 } });
    try {
      const started = Date.now();
      // Pages and probes are sequential by nature: each request depends on, or counts, the one before.
      // eslint-disable-next-line no-await-in-loop
      const reply = await cwGet(cw, 'service/tickets');
      expect(reply.status).to.equal(500);
      expect(Date.now() - started).to.be.at.least(55);
    } finally {
      await cw.close();
    }
  });
});
