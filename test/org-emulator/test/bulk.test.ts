/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { OrgEmulator } from '../index.js';
import { call, startTestOrg } from './helpers.js';

/** Creates an ingest job, uploads the CSV, closes it and polls until it leaves the processing states. */
async function runIngest(org: OrgEmulator, job: Record<string, unknown>, csv: string): Promise<Record<string, any>> {
  const created = await call(org, 'POST', '/jobs/ingest', { contentType: 'CSV', lineEnding: 'LF', ...job });
  expect(created.body.state).to.equal('Open');
  const upload = await call(org, 'PUT', `/jobs/ingest/${created.body.id}/batches`, csv);
  expect(upload.status).to.equal(201);
  const closed = await call(org, 'PATCH', `/jobs/ingest/${created.body.id}`, { state: 'UploadComplete' });
  expect(closed.body.state).to.equal('UploadComplete');
  // Polling is sequential by nature.
  /* eslint-disable no-await-in-loop */
  for (let i = 0; i < 200; i++) {
    const info = await call(org, 'GET', `/jobs/ingest/${created.body.id}`);
    if (!['UploadComplete', 'InProgress'].includes(info.body.state)) return info.body;
    await new Promise((r) => setTimeout(r, 10));
  }
  /* eslint-enable no-await-in-loop */
  throw new Error('job did not finish');
}

async function resultRows(org: OrgEmulator, jobId: string, kind: string): Promise<Array<Record<string, string>>> {
  const res = await call(org, 'GET', `/jobs/ingest/${jobId}/${kind}`);
  expect(res.headers.get('content-type')).to.match(/^text\/csv/);
  return parse(res.text, { columns: true });
}

describe('org emulator: Bulk API 2.0', () => {
  let org: OrgEmulator;
  beforeEach(async () => {
    org = await startTestOrg();
    org.seed('Account', [
      { Name: 'Acme', CW_Id__c: 'A-1' },
      { Name: 'Globex', CW_Id__c: 'A-2' },
    ]);
  });
  afterEach(() => org.close());

  it('upserts cases with relationship columns and reports failed rows', async () => {
    const csv =
      [
        'Id,CW_Id__c,Subject,Status,Account.CW_Id__c,Owner.Username,Original_Create_Date__c',
        ',T-1,"Printer, jammed",Working,A-1,admin@cwm-emulator.example,2021-06-01T08:30:00.000Z',
        ',T-2,"Multi',
        'line ""quoted""",New,A-2,,',
        ',T-3,Orphan,New,A-404,,',
        ',T-4,Bad date,New,A-1,,yesterday',
      ].join('\n') + '\n';
    const info = await runIngest(org, { object: 'Case', operation: 'upsert', externalIdFieldName: 'CW_Id__c' }, csv);
    expect(info).to.include({
      state: 'JobComplete',
      numberRecordsProcessed: 4,
      numberRecordsFailed: 2,
      jobType: 'V2Ingest',
    });

    const ok = await resultRows(org, info.id, 'successfulResults');
    expect(ok.map((r) => [r.CW_Id__c, r.sf__Created])).to.deep.equal([
      ['T-1', 'true'],
      ['T-2', 'true'],
    ]);
    const failed = await resultRows(org, info.id, 'failedResults');
    expect(failed.map((r) => r.CW_Id__c)).to.deep.equal(['T-3', 'T-4']);
    expect(failed[0].sf__Error).to.equal(
      'INVALID_FIELD:Foreign key external ID: A-404 not found for field CW_Id__c in entity Account:AccountId --',
    );
    expect(failed[1].sf__Error).to.match(
      /^INVALID_TYPE_ON_FIELD_IN_RECORD:Original Create Date: value not of required type: yesterday/,
    );

    const acme = org.records('Account').find((a) => a.CW_Id__c === 'A-1');
    const t1 = org.records('Case').find((c) => c.CW_Id__c === 'T-1') as Record<string, unknown>;
    expect(t1).to.include({ Subject: 'Printer, jammed', Status: 'Working', AccountId: acme?.Id, OwnerId: org.userId });
    expect(t1.Original_Create_Date__c).to.equal('2021-06-01T08:30:00.000+0000');
    expect(org.records('Case').find((c) => c.CW_Id__c === 'T-2')?.Subject).to.equal('Multi\nline "quoted"');
  });

  it('treats empty cells as "no change" and #N/A as null on update', async () => {
    const [id] = org.seed('Account', [{ Name: 'Keep', Industry: 'Retail', Phone: '555-0100' }]);
    const info = await runIngest(
      org,
      { object: 'Account', operation: 'update' },
      `Id,Name,Industry,Phone\n${id},,Energy,#N/A\n`,
    );
    expect(info.numberRecordsFailed).to.equal(0);
    expect(org.records('Account').find((a) => a.Id === id)).to.include({
      Name: 'Keep',
      Industry: 'Energy',
      Phone: null,
    });
  });

  it('fails the whole job for an unknown column', async () => {
    const info = await runIngest(org, { object: 'Account', operation: 'insert' }, 'Name,Colour__c\nX,red\n');
    expect(info).to.include({ state: 'Failed', errorMessage: 'InvalidBatch : Field name not found : Colour__c' });
  });

  // Bulk API 2.0 guide, "Prepare CSV Files" and "Sample CSV Files": the job's lineEnding is the record terminator;
  // double quotes escape line breaks inside a value, which are data in either form.
  describe('line endings', () => {
    it('fails an LF job whose records end in CRLF', async () => {
      const info = await runIngest(org, { object: 'Account', operation: 'insert' }, 'Name\r\nX\r\n');
      expect(info).to.include({
        state: 'Failed',
        errorMessage: 'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF',
      });
      expect(org.records('Account').some((a) => a.Name === 'X')).to.equal(false);
    });

    it('keeps a CRLF inside a quoted value of an LF job as data', async () => {
      const csv = 'Name,Description\n"Windows Co","line one\r\nline two"\n';
      const info = await runIngest(org, { object: 'Account', operation: 'insert' }, csv);
      expect(info).to.include({ state: 'JobComplete', numberRecordsFailed: 0 });
      expect(org.records('Account').find((a) => a.Name === 'Windows Co')?.Description).to.equal('line one\r\nline two');
    });

    it('fails a CRLF job whose records end in LF, before saving any row', async () => {
      const csv = 'Name\r\nFirst\r\nSecond\n';
      const info = await runIngest(org, { object: 'Account', operation: 'insert', lineEnding: 'CRLF' }, csv);
      expect(info.errorMessage).to.equal(
        'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is CRLF',
      );
      expect(org.records('Account').some((a) => a.Name === 'First')).to.equal(false);
    });

    it('keeps an LF inside a quoted value of a CRLF job as data and answers in CRLF', async () => {
      const csv = 'Name,Description\r\n"Unix Co","first\nsecond"\r\n';
      const info = await runIngest(org, { object: 'Account', operation: 'insert', lineEnding: 'CRLF' }, csv);
      expect(info).to.include({ state: 'JobComplete', numberRecordsFailed: 0 });
      expect(org.records('Account').find((a) => a.Name === 'Unix Co')?.Description).to.equal('first\nsecond');
      const results = await call(org, 'GET', `/jobs/ingest/${info.id}/successfulResults`);
      expect(results.text.split('\r\n')[0]).to.equal('"sf__Id","sf__Created","Name","Description"');
    });
  });

  it('joins several uploads to one job, even when a record is split between them', async () => {
    const created = await call(org, 'POST', '/jobs/ingest', { object: 'Account', operation: 'insert' });
    await call(org, 'PUT', `/jobs/ingest/${created.body.id}/batches`, 'Name,Description\nSplit Co,"half');
    await call(org, 'PUT', `/jobs/ingest/${created.body.id}/batches`, ' and half"\nWhole Co,x\n');
    await call(org, 'PATCH', `/jobs/ingest/${created.body.id}`, { state: 'UploadComplete' });
    let info: any;
    /* eslint-disable no-await-in-loop -- polling is sequential */
    for (let i = 0; i < 100 && info?.state !== 'JobComplete'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      info = (await call(org, 'GET', `/jobs/ingest/${created.body.id}`)).body;
    }
    /* eslint-enable no-await-in-loop */
    expect(info).to.include({ state: 'JobComplete', numberRecordsProcessed: 2 });
    expect(org.records('Account').find((a) => a.Name === 'Split Co')?.Description).to.equal('half and half');
  });

  it('deletes by id', async () => {
    const [id] = org.seed('Account', [{ Name: 'Gone soon' }]);
    const info = await runIngest(org, { object: 'Account', operation: 'delete' }, `Id\n${id}\n`);
    expect(info.numberRecordsFailed).to.equal(0);
    expect(org.records('Account').map((a) => a.Id)).to.not.include(id);
  });

  it('applies the case assignment rule only when the job names one', async () => {
    const [tech] = org.seed('User', [
      { Username: 'tech@example.com', LastName: 'Tech', Email: 'tech@example.com', Alias: 't', IsActive: true },
    ]);
    await runIngest(org, { object: 'Case', operation: 'insert' }, `Subject,OwnerId\nKeep owner,${tech}\n`);
    await runIngest(
      org,
      { object: 'Case', operation: 'insert', assignmentRuleId: '01Q000000000001AAA' },
      `Subject,OwnerId\nReassigned,${tech}\n`,
    );
    const owner = (subject: string): unknown => org.records('Case').find((c) => c.Subject === subject)?.OwnerId;
    expect(owner('Keep owner')).to.equal(tech);
    expect(owner('Reassigned')).to.equal(org.userId);
  });

  it('pages query job results with Sforce-Locator, ending with the text null', async () => {
    org.seed(
      'Account',
      Array.from({ length: 25 }, (_, i) => ({ Name: `Q${String(i).padStart(2, '0')}`, CW_Id__c: `Q-${i}` })),
    );
    const job = await call(org, 'POST', '/jobs/query', {
      operation: 'query',
      query: "SELECT Name, CW_Id__c FROM Account WHERE Name LIKE 'Q%' ORDER BY Name",
    });
    expect(job.body.state).to.equal('UploadComplete');
    let state = '';
    /* eslint-disable no-await-in-loop -- job polling and locator paging are sequential */
    for (let i = 0; i < 5 && state !== 'JobComplete'; i++)
      state = (await call(org, 'GET', `/jobs/query/${job.body.id}`)).body.state;
    expect(state).to.equal('JobComplete');
    const names: string[] = [];
    let locator = '';
    const locators: string[] = [];
    do {
      const page = await call(
        org,
        'GET',
        `/jobs/query/${job.body.id}/results?maxRecords=10${locator ? `&locator=${locator}` : ''}`,
      );
      const rows: Array<{ Name: string }> = parse(page.text, { columns: true });
      names.push(...rows.map((r) => r.Name));
      locator = page.headers.get('sforce-locator') ?? '';
      locators.push(locator);
      expect(page.headers.get('sforce-numberofrecords')).to.equal(String(rows.length));
    } while (locator !== 'null');
    /* eslint-enable no-await-in-loop */
    expect(locators).to.have.length(3);
    expect(names).to.have.length(25);
    expect(names[0]).to.equal('Q00');
    expect(names[24]).to.equal('Q24');
  });

  it('pages by the default page size when the client gives no maxRecords', async () => {
    const small = await startTestOrg({ bulkQueryPageSize: 4 });
    try {
      small.seed(
        'Account',
        Array.from({ length: 10 }, (_, i) => ({ Name: `P${i}` })),
      );
      const job = await call(small, 'POST', '/jobs/query', { operation: 'query', query: 'SELECT Name FROM Account' });
      const counts: string[] = [];
      let locator = '';
      /* eslint-disable no-await-in-loop -- locator paging is sequential */
      do {
        const page = await call(
          small,
          'GET',
          `/jobs/query/${job.body.id}/results${locator ? `?locator=${locator}` : ''}`,
        );
        counts.push(page.headers.get('sforce-numberofrecords') ?? '');
        locator = page.headers.get('sforce-locator') ?? 'null';
      } while (locator !== 'null');
      /* eslint-enable no-await-in-loop */
      expect(counts).to.deep.equal(['4', '4', '2']);
    } finally {
      await small.close();
    }
  });

  it('rejects aggregate queries in Bulk query jobs', async () => {
    const job = await call(org, 'POST', '/jobs/query', { operation: 'query', query: 'SELECT COUNT() FROM Account' });
    expect(job.status).to.equal(400);
  });
});
