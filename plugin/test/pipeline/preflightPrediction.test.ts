/*
 * Pre-flight against the org itself, on the whole pipeline: defects are planted in the source and
 * in the org's state the decisions rely on, the migration runs once sending every row anyway
 * (pre-flight mode `predict`), and the rows pre-flight flagged must be exactly the rows the org
 * refused, with the same status codes. A run in the normal mode then holds those rows back,
 * reporting the same codes, and the org refuses nothing.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { generateTenant } from '../../../test/cw-emulator/generator.js';
import type { CwRecord } from '../../../test/cw-emulator/types.js';
import { PREDICTED } from '../../src/pipeline/records.js';
import type { MigrationResult } from '../../src/pipeline/runMigration.js';
import { startInProcess, type InProcess } from './inProcess.js';

interface ProblemLine {
  outcome: string;
  sourceKind: string;
  sourceId: string;
  object: string;
  reason: string;
}

const problemsOf = (result: MigrationResult): ProblemLine[] =>
  parse(readFileSync(result.reports!.problemsCsv, 'utf8'), { columns: true }) as ProblemLine[];

/** `kind id CODE` for every line of one outcome whose reason starts with a status code. */
function coded(lines: ProblemLine[], keep: (line: ProblemLine) => boolean, strip = ''): string[] {
  return lines
    .filter(keep)
    .map(
      (l) =>
        `${l.sourceKind} ${l.sourceId} ${/^([A-Z_]+):/.exec(l.reason.slice(strip.length).trim())?.[1] ?? l.reason}`,
    )
    .sort();
}

describe('pre-flight predicts the org’s refusals across a whole run', function () {
  const tenant = generateTenant({ seed: 31, companies: 12 });
  // Planted in the source: a company name longer than Account.Name holds (255), so Name moves to
  // Description and the required field is left empty.
  const [longNamed] = tenant.companies.filter((c) => c.deletedFlag !== true && c.parentCompany === undefined);
  longNamed.name = `${String(longNamed.name)} ${'(formerly part of the regional services group) '.repeat(6)}`;
  const ownerOf = (t: CwRecord): string | undefined => (t.owner as { identifier?: string } | undefined)?.identifier;
  let p: InProcess;
  let leaver: CwRecord;

  before(async () => {
    p = await startInProcess(tenant, { allowInactiveOwners: false });
    // Planted in the org: the user an admin confirmed for a member leaves before the run.
    const users = new Map(p.org.records('User').map((u) => [String(u.Email).toLowerCase(), u]));
    leaver = tenant.members.find(
      (m) =>
        users.has(String(m.primaryEmail).toLowerCase()) &&
        tenant.tickets.filter((t) => ownerOf(t) === m.identifier).length >= 2,
    )!;
    await p.stage({ unmatchedMembers: 'fallback' });
    const userId = String(users.get(String(leaver.primaryEmail).toLowerCase())!.Id);
    const decision = p.org
      .records('CWM_Mapping_Decision__c')
      .find((d) => d.Decision_Key__c === `member:${String(leaver.id)}`)!;
    await p.conn
      .sobject('CWM_Mapping_Decision__c')
      .update({ Id: String(decision.Id), Status__c: 'Confirmed', Confirmed_Target__c: userId });
    await p.conn.sobject('User').update({ Id: userId, IsActive: false });
  });
  after(async () => p?.close());

  /** The refusals the planted defects must cause, written from the plants, not from the code. */
  const planted = (): string[] =>
    [
      `company ${longNamed.id} REQUIRED_FIELD_MISSING`,
      ...tenant.tickets
        .filter((t) => ownerOf(t) === leaver.identifier)
        .map((t) => `ticket ${t.id} INACTIVE_OWNER_OR_USER`),
    ].sort();

  it('sending every row anyway, the rows it flags are the rows the org refuses, with the same codes', async () => {
    const result = await p.migrate({ preflight: 'predict', unmatchedMembers: 'fallback' });
    const lines = problemsOf(result);
    const predicted = coded(lines, (l) => l.outcome === 'flagged' && l.reason.startsWith(PREDICTED), PREDICTED);
    const refused = coded(lines, (l) => l.outcome === 'failed');
    expect(predicted).to.deep.equal(planted());
    expect(refused).to.deep.equal(planted());
  });

  it('in the normal mode holds exactly those rows back, and the org refuses nothing', async () => {
    const result = await p.migrate({ unmatchedMembers: 'fallback' });
    const failed = problemsOf(result).filter((l) => l.outcome === 'failed');
    expect(coded(failed, () => true)).to.deep.equal(planted());
    for (const line of failed) expect(line.reason).to.contain('found before sending');
  });
});
