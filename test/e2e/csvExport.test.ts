/*
 * A folder of ConnectWise CSV exports (test/fixtures/connectwise/csv-export, see its README) goes
 * through the same run as the API: companies become accounts, tickets become cases keeping their
 * ticket numbers, and what the export could not carry is reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { generateTenant } from '../cw-emulator/generator.js';
import { REPO_ROOT } from '../../scripts/lib/sfCli.js';
import { migrate, readProblems, startHarness, type Harness } from './support.js';

const EXPORTS = join(REPO_ROOT, 'test/fixtures/connectwise/csv-export');
const rows = (file: string): Array<Record<string, string>> => {
  const bytes = readFileSync(join(EXPORTS, file));
  // Only the UTF-8 files are read here; the reader itself handles Windows-1252 (contacts.csv).
  return parse(bytes.toString('utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
};

describe('sf cw migrate run --cw-export-dir (end to end)', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness(generateTenant({ seed: 2, companies: 5 }), 'csv');
  });
  after(async () => h?.close());

  it('migrates the exported companies and tickets, and reports what an export cannot carry', async () => {
    const run = await migrate(h, 'csv', ['--cw-export-dir', EXPORTS, '--cw-export-time-zone', 'America/Chicago']);
    expect(run.status, JSON.stringify(run).slice(0, 1500)).to.equal(0);
    const accounts = h.org.records('Account').map((a) => a.Name);
    for (const company of rows('companies.csv')) expect(accounts, company['Company Name']).to.include(company['Company Name']);
    const cases = new Map(h.org.records('Case').map((c) => [String(c.CW_Id__c), c]));
    const [numbered, unnumbered] = [rows('tickets.csv').filter((t) => /^\d+$/.test(t['Ticket #'])), rows('tickets.csv').filter((t) => !/^\d+$/.test(t['Ticket #']))];
    for (const ticket of numbered) expect(cases.get(ticket['Ticket #'])?.Subject, `ticket ${ticket['Ticket #']}`).to.equal(ticket['Summary Description']);
    // A row whose ticket number is not a number cannot become a case; it must be reported, not lost.
    const reasons = readProblems(run.result!.reports!.problemsCsv).map((p) => p.reason);
    for (const ticket of unnumbered) expect(reasons.some((r) => r.includes(`"${ticket['Ticket #']}" is not a ticket number`)), ticket['Ticket #']).to.equal(true);
    const report = (run.result as unknown as { csvImport: { notCarried: string[] } }).csvImport;
    expect(report.notCarried.join(' ')).to.contain('ticket notes');
  });
});
