/*
 * `npm run bench`: migrates a large generated tenant (at least 50,000 tickets) from the
 * ConnectWise emulator into the org emulator, running the engine in this process, and prints
 * records per second per phase, peak memory and the requests made to each side.
 *
 * Options: --companies N (default 8000, about 52,000 tickets), --seed S.
 * This is a measurement, not a test: it asserts nothing about speed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runMigration } from '../plugin/src/pipeline/runMigration.js';
import { connectWithToken } from '../plugin/src/salesforce/connect.js';
import { generateTenant, salesforceUsersFor } from '../test/cw-emulator/generator.js';
import { startCwEmulator } from '../test/cw-emulator/server.js';
import { startOrgEmulator } from '../test/org-emulator/index.js';

const { values } = parseArgs({ options: { companies: { type: 'string', default: '8000' }, seed: { type: 'string', default: '1' } } });
const scratch = mkdtempSync(join(tmpdir(), 'cwm-bench-'));
process.env.HOME = join(scratch, 'home');
process.env.SF_DISABLE_TELEMETRY = 'true';

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

const generated = Date.now();
const tenant = generateTenant({ seed: Number(values.seed), companies: Number(values.companies) });
process.stdout.write(
  `Tenant: ${tenant.companies.length} companies, ${tenant.contacts.length} contacts, ${tenant.tickets.length} tickets, ` +
    `${tenant.ticketNotes.length} notes (generated in ${((Date.now() - generated) / 1000).toFixed(1)} s)\n`
);
const cw = await startCwEmulator({ tenant });
const org = await startOrgEmulator();
org.seed('User', salesforceUsersFor(tenant).map((u) => ({ ...u, IsActive: true, Alias: u.Username.slice(0, 8) })));

/** First and last progress report of each phase, and the largest count it reached. */
const phases = new Map<string, { start: number; end: number; records: number }>();
const started = Date.now();
try {
  const conn = await connectWithToken(org.instanceUrl, org.accessToken);
  const result = await runMigration({
    conn,
    connectwise: { site: cw.site, companyId: cw.companyId, publicKey: cw.publicKey, privateKey: cw.privateKey, clientId: cw.clientId },
    workDir: scratch,
    outputDir: join(scratch, 'reports'),
    autoConfirm: true,
    confidence: 0.5,
    unmatchedMembers: 'fallback',
    progress: (phase, done) => {
      const now = Date.now();
      const key = phase.startsWith('Extracting') ? 'Extract (all kinds)' : phase;
      const entry = phases.get(key) ?? { start: now, end: now, records: 0 };
      entry.end = now;
      if (!phase.startsWith('Extracting')) entry.records = Math.max(entry.records, done);
      phases.set(key, entry);
    },
  });
  const extracted = result.extract ? Object.values(result.extract.kinds).reduce((n, k) => n + k.read, 0) : 0;
  const extract = phases.get('Extract (all kinds)');
  if (extract) extract.records = extracted;
  process.stdout.write(`\nStatus: ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s\n\n`);
  process.stdout.write('| Phase | Records | Seconds | Records/s |\n| --- | ---: | ---: | ---: |\n');
  for (const [name, p] of phases) {
    const seconds = Math.max((p.end - p.start) / 1000, 0.001);
    process.stdout.write(`| ${name} | ${p.records} | ${seconds.toFixed(1)} | ${Math.round(p.records / seconds)} |\n`);
  }
  const orgRequests = org.requestCounts();
  process.stdout.write(`\nPeak memory (this process, both emulators included): ${Math.round(peakRss / 1024 / 1024)} MB\n`);
  process.stdout.write(`Requests to ConnectWise: ${cw.requestCount()}\n`);
  process.stdout.write(`Requests to Salesforce: ${JSON.stringify(orgRequests)}\n`);
  for (const o of result.objects) process.stdout.write(`  ${o.object}: ${o.created} created, ${o.failed} failed, ${o.inOrg} in org\n`);
  const failures = readFileSync(result.reports!.problemsCsv, 'utf8').split('\n').filter((l) => l.startsWith('failed,'));
  if (failures.length > 0) process.stdout.write(`\nFirst of ${failures.length} failures:\n${failures.slice(0, 3).join('\n')}\n`);
} finally {
  clearInterval(sampler);
  await cw.close();
  await org.close();
  rmSync(scratch, { recursive: true, force: true });
}
