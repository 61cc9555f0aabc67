/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { call, startTestOrg } from './helpers.js';

const twelveCases = (): Array<Record<string, unknown>> =>
  Array.from({ length: 12 }, (_, i) => ({ attributes: { type: 'Case' }, Subject: `Locked? ${i}` }));

describe('org emulator: limits and faults', () => {
  describe('daily API requests', () => {
    let org: OrgEmulator;
    before(async () => {
      org = await startTestOrg({ dailyApiLimit: 5 });
    });
    after(() => org.close());

    it('counts each data call in /limits and Sforce-Limit-Info, then refuses with REQUEST_LIMIT_EXCEEDED', async () => {
      const first = await call(org, 'GET', '/limits');
      expect(first.body.DailyApiRequests).to.deep.equal({ Max: 5, Remaining: 4 });
      expect(first.headers.get('sforce-limit-info')).to.equal('api-usage=1/5');
      for (let i = 0; i < 4; i++) expect((await call(org, 'GET', '/sobjects')).status).to.equal(200); // eslint-disable-line no-await-in-loop
      const refused = await call(org, 'GET', '/limits');
      expect(refused.status).to.equal(403);
      expect(refused.body).to.deep.equal([
        { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
      ]);
      expect(org.apiUsage()).to.deep.equal({ used: 5, max: 5 });
    });

    it('lets a test exhaust or reset the allowance', async () => {
      org.setApiUsage({ used: 0, max: 100 });
      expect((await call(org, 'GET', '/limits')).body.DailyApiRequests).to.deep.equal({ Max: 100, Remaining: 99 });
      org.exhaustApiLimit();
      expect((await call(org, 'GET', '/sobjects')).status).to.equal(403);
    });
  });

  describe('per-test faults', () => {
    let org: OrgEmulator;
    beforeEach(async () => {
      org = await startTestOrg({ faultSeed: 7 });
    });
    afterEach(() => org.close());

    it('expires the session: the old token gets 401 INVALID_SESSION_ID, the new one works', async () => {
      const old = org.accessToken;
      const fresh = org.expireSession();
      expect(fresh).to.not.equal(old);
      expect(fresh).to.match(/^00D\w{12}!/);
      const refused = await fetch(`${org.instanceUrl}/services/data/v62.0/limits`, {
        headers: { Authorization: `Bearer ${old}` },
      });
      expect(refused.status).to.equal(401);
      expect(await refused.json()).to.deep.equal([
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
      ]);
      expect((await call(org, 'GET', '/limits')).status).to.equal(200);
    });

    it('answers 503 at the fail rate and waits the latency', async () => {
      org.setFailRate(1);
      const failed = await call(org, 'GET', '/sobjects');
      expect(failed.status).to.equal(503);
      expect(failed.body[0].errorCode).to.equal('SERVER_UNAVAILABLE');
      org.setFailRate(0);
      org.setLatency(120);
      const started = Date.now();
      expect((await call(org, 'GET', '/sobjects')).status).to.equal(200);
      expect(Date.now() - started).to.be.at.least(115);
    });

    it('fails a seeded share of collection rows with UNABLE_TO_LOCK_ROW, the same rows on every run', async () => {
      const run = async (): Promise<boolean[]> => {
        const again = await startTestOrg({ faultSeed: 7, lockShare: 0.5 });
        try {
          const res = await call(again, 'POST', '/composite/sobjects', { allOrNone: false, records: twelveCases() });
          return res.body.map((r: any) => r.success);
        } finally {
          await again.close();
        }
      };
      const first = await run();
      expect(first).to.deep.equal(await run());
      expect(first.filter((ok) => !ok).length).to.be.within(2, 10);
      org.setLockShare(0.5);
      const res = await call(org, 'POST', '/composite/sobjects', { allOrNone: false, records: twelveCases() });
      const failure = res.body.find((r: any) => !r.success);
      expect(failure.errors[0].statusCode).to.equal('UNABLE_TO_LOCK_ROW');
      expect(failure.errors[0].message).to.match(/^unable to obtain exclusive access to this record or 1 records: 500/);
    });

    it('fails Bulk rows at the lock share too, and keeps lockRows for exact counts', async () => {
      org.setLockShare(1);
      const job = await call(org, 'POST', '/jobs/ingest', { object: 'Account', operation: 'insert' });
      await call(org, 'PUT', `/jobs/ingest/${job.body.id}/batches`, 'Name\nA\nB\n');
      await call(org, 'PATCH', `/jobs/ingest/${job.body.id}`, { state: 'UploadComplete' });
      let info: any;
      for (let i = 0; i < 50 && info?.state !== 'JobComplete'; i++) {
        await new Promise((r) => setTimeout(r, 10)); // eslint-disable-line no-await-in-loop
        info = (await call(org, 'GET', `/jobs/ingest/${job.body.id}`)).body; // eslint-disable-line no-await-in-loop
      }
      expect(info).to.include({ numberRecordsProcessed: 2, numberRecordsFailed: 2 });
      const failed = await call(org, 'GET', `/jobs/ingest/${job.body.id}/failedResults`);
      expect(failed.text).to.include('UNABLE_TO_LOCK_ROW:unable to obtain exclusive access');
      org.setLockShare(0);
      org.lockRows('Account', 1);
      const rows = await call(org, 'POST', '/composite/sobjects', {
        records: ['X', 'Y'].map((Name) => ({ attributes: { type: 'Account' }, Name })),
      });
      expect(rows.body.map((r: any) => r.success)).to.deep.equal([false, true]);
    });
  });

  it('takes the same choices from the command line', async () => {
    const cli = resolve(process.cwd(), 'test/org-emulator/cli.ts');
    const child = spawn(
      resolve(process.cwd(), 'node_modules/.bin/tsx'),
      [cli, '--port', '0', '--daily-api-limit', '42', '--latency-ms', '1', '--fail-rate', '0', '--lock-share', '0.1'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      let out = '';
      while (!/access token: (\S+)/.test(out)) out += String((await once(child.stdout, 'data'))[0]); // eslint-disable-line no-await-in-loop
      const url = /listening on (\S+)/.exec(out)?.[1];
      const token = /access token: (\S+)/.exec(out)?.[1];
      const res = await fetch(`${url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await res.json()).DailyApiRequests).to.deep.equal({ Max: 42, Remaining: 41 });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
