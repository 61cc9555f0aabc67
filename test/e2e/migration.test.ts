/*
 * The whole chain on a small generated tenant: ConnectWise emulator -> sf cw migrate run (the
 * real sf CLI with the plugin linked) -> org emulator. Every expectation is computed from the
 * ConnectWise source records and the hand-written tables below, never from the plugin's code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
import { migrate, readProblems, short, startHarness, type Harness, type ProblemLine, type RunJson } from './support.js';
import { PRIORITY, ref, STATUS, type Rec } from './expectations.js';

const byCwId = (rows: Rec[]): Map<string, Rec> => new Map(rows.filter((r) => r.CW_Id__c != null).map((r) => [String(r.CW_Id__c), r]));
interface VerifyJson {
  status: number;
  result?: { differenceCount: number };
  data?: { differences: Array<{ object: string; field: string; sourceId: number; expected: string; actual: string }> };
}

/** A comment's text without the author line and part marker the migration adds. */
const commentText = (body: string): string => body.replace(/^\(part \d+ of \d+\)\n/, '').replace(/^Written by .* in ConnectWise\n\n/, '');

/** The admin leaves this board's tickets behind with --skip-board. */
const SKIPPED_BOARD = 'Network Operations Center';

describe('sf cw migrate run on a generated tenant (end to end)', function () {
  const tenant = generateTenant({ seed: 7, companies: 40 });
  const onSkippedBoard = (t: CwRecord): boolean => ref(t, 'board')?.name === SKIPPED_BOARD;
  const migrated = tenant.tickets.filter((t) => !onSkippedBoard(t));
  let h: Harness;
  let first: RunJson;
  let problems: ProblemLine[];

  before(async function () {
    h = await startHarness(tenant);
    first = await migrate(h, 'e2e', ['--skip-board', SKIPPED_BOARD]);
    problems = readProblems(first.result!.reports!.problemsCsv);
  });
  after(async () => h?.close());

  const liveCompanies = (): CwRecord[] => tenant.companies.filter((c) => c.deletedFlag !== true);
  const problemFor = (kind: string, id: number, field?: string): ProblemLine | undefined =>
    problems.find((p) => p.sourceKind === kind && p.sourceId === String(id) && (field === undefined || p.field === field));

  it('finishes with every record landed or reported, and exit status 0', () => {
    expect(first.status).to.equal(0);
    expect(first.result?.status).to.equal('Completed');
    for (const o of first.result!.objects) expect(o.failed, o.object).to.equal(0);
  });

  it('creates one account per live company, with its name, and each deleted company is reported as skipped', () => {
    const accounts = byCwId(h.org.records('Account'));
    expect(accounts.size).to.equal(liveCompanies().length);
    for (const c of liveCompanies()) expect(accounts.get(String(c.id))?.Name, `company ${c.id}`).to.equal(c.name);
    for (const c of tenant.companies.filter((x) => x.deletedFlag === true)) {
      expect(problemFor('company', c.id)?.outcome).to.equal('skipped');
    }
  });

  it('links every account to its parent, or reports why not', () => {
    const accounts = byCwId(h.org.records('Account'));
    for (const c of liveCompanies()) {
      const parentId = ref(c, 'parentCompany')?.id;
      if (parentId == null) continue;
      const parent = accounts.get(String(parentId));
      const actual = short(accounts.get(String(c.id))?.ParentId);
      if (parent && actual === short(parent.Id)) continue;
      expect(problemFor('company', c.id, 'ParentId'), `company ${c.id} parent ${String(parentId)}`).to.not.equal(undefined);
    }
  });

  it('creates one contact per contact, under the account of its company', () => {
    const accounts = byCwId(h.org.records('Account'));
    const contacts = byCwId(h.org.records('Contact'));
    expect(contacts.size).to.equal(tenant.contacts.length);
    for (const c of tenant.contacts) {
      const account = accounts.get(String(ref(c, 'company')?.id));
      const contact = contacts.get(String(c.id))!;
      if (account) expect(short(contact.AccountId), `contact ${c.id}`).to.equal(short(account.Id));
      else expect(problemFor('contact', c.id, 'AccountId'), `contact ${c.id}`).to.not.equal(undefined);
      const lastName = typeof c.lastName === 'string' && c.lastName.trim() ? c.lastName : undefined;
      if (lastName) expect(contact.LastName).to.equal(lastName);
    }
  });

  it('maps every ticket to a case with subject, status, priority, account, contact and original date', () => {
    const accounts = byCwId(h.org.records('Account'));
    const contacts = byCwId(h.org.records('Contact'));
    const cases = byCwId(h.org.records('Case'));
    expect(cases.size).to.equal(migrated.length);
    for (const t of migrated) {
      const c = cases.get(String(t.id))!;
      const label = `ticket ${t.id}`;
      expect(c.Subject, label).to.equal(t.summary);
      expect(c.Status, label).to.equal(STATUS[String(ref(t, 'status')?.name)]);
      expect(c.Priority, label).to.equal(PRIORITY[String(ref(t, 'priority')?.name)]);
      expect(c.CW_Board__c, label).to.equal(ref(t, 'board')?.name);
      expect(Date.parse(String(c.Original_Create_Date__c)), label).to.equal(Date.parse(String(ref(t, '_info')?.dateEntered)));
      const account = accounts.get(String(ref(t, 'company')?.id));
      if (account) expect(short(c.AccountId), label).to.equal(short(account.Id));
      const contact = contacts.get(String(ref(t, 'contact')?.id));
      if (ref(t, 'contact') && contact) expect(short(c.ContactId), label).to.equal(short(contact.Id));
    }
  });

  it('gives each case to the owner member’s user where one matches by email, else to the queue of its board', () => {
    const users = h.org.records('User');
    const queues = h.org.records('Group').filter((g) => g.Type === 'Queue');
    const cases = byCwId(h.org.records('Case'));
    const memberEmail = new Map(tenant.members.map((m) => [String(m.identifier).toLowerCase(), String(m.primaryEmail ?? '').toLowerCase()]));
    for (const t of migrated) {
      const email = memberEmail.get(String(ref(t, 'owner')?.identifier ?? '').toLowerCase());
      const user = email ? users.find((u) => u.IsActive === true && String(u.Email).toLowerCase() === email) : undefined;
      const boardName = String(ref(t, 'board')?.name);
      const queue = queues.find((q) => q.Name === boardName.slice(0, 40));
      const expected = user?.Id ?? queue?.Id;
      expect(short(cases.get(String(t.id))?.OwnerId), `ticket ${t.id}`).to.equal(short(expected));
    }
  });

  it('keeps the first detail-description note as the description and every other note, whole, as comments', () => {
    const cases = byCwId(h.org.records('Case'));
    const comments = h.org.records('CaseComment');
    for (const t of migrated) {
      const notes = tenant.ticketNotes.filter((n) => n.ticketId === t.id).sort((a, b) => a.id - b.id);
      const description = notes.find((n) => n.detailDescriptionFlag === true && typeof n.text === 'string' && n.text.trim() !== '');
      const c = cases.get(String(t.id))!;
      if (description && String(description.text).length <= 32_000) expect(c.Description).to.equal(description.text);
      const onCase = comments.filter((x) => short(x.ParentId) === short(c.Id)).map((x) => commentText(String(x.CommentBody)));
      const joined = onCase.join('');
      for (const n of notes.filter((x) => x !== description)) {
        expect(joined.includes(String(n.text ?? '')), `note ${n.id} of ticket ${t.id}`).to.equal(true);
      }
    }
  });

  it('leaves the tickets of the skipped board behind, each with a "skipped" line', () => {
    const skipped = tenant.tickets.filter(onSkippedBoard);
    expect(skipped.length).to.be.greaterThan(0);
    const cases = byCwId(h.org.records('Case'));
    for (const t of skipped) {
      expect(cases.has(String(t.id)), `ticket ${t.id}`).to.equal(false);
      expect(problemFor('ticket', t.id)?.outcome, `ticket ${t.id}`).to.equal('skipped');
    }
    expect(h.org.records('Group').some((g) => g.Name === SKIPPED_BOARD)).to.equal(false);
  });

  it('leaves a field map with every status translation the run used', () => {
    const map = readFileSync(join(first.result!.reports!.folder, 'field-map.csv'), 'utf8');
    for (const [from, to] of Object.entries(STATUS)) {
      if (!tenant.tickets.some((t) => ref(t, 'status')?.name === from && !onSkippedBoard(t))) continue;
      expect(map.includes(from) && map.includes(to), `${from} -> ${to}`).to.equal(true);
    }
  });

  it('reports the same counts in its summary as the org holds', () => {
    const inOrg = (object: string): number => first.result!.objects.find((o) => o.object === object)!.inOrg;
    expect(inOrg('Account')).to.equal(byCwId(h.org.records('Account')).size);
    expect(inOrg('Contact')).to.equal(byCwId(h.org.records('Contact')).size);
    expect(inOrg('Case')).to.equal(byCwId(h.org.records('Case')).size);
  });

  it('verifies clean, then finds a changed subject and a deleted comment, and a re-run repairs both', async () => {
    const verify = (): Promise<{ code: number; json: VerifyJson }> =>
      runSfJson<VerifyJson>(['cw', 'migrate', 'verify', '--target-org', 'e2e', '--work-dir', join(h.dir, 'work'), '--output-dir', join(h.dir, 'reports')], h.env);
    const clean = await verify();
    expect(clean.json.status, JSON.stringify(clean.json).slice(0, 2000)).to.equal(0);
    expect(clean.json.result?.differenceCount).to.equal(0);

    const ticket = migrated[0];
    const caseRecord = byCwId(h.org.records('Case')).get(String(ticket.id))!;
    const comment = h.org.records('CaseComment').find((c) => short(c.ParentId) !== short(caseRecord.Id))!;
    await runSfJson(['data', 'update', 'record', '--target-org', 'e2e', '--sobject', 'Case', '--record-id', String(caseRecord.Id), '--values', "Subject='Edited by hand'"], h.env);
    await runSfJson(['data', 'delete', 'record', '--target-org', 'e2e', '--sobject', 'CaseComment', '--record-id', String(comment.Id)], h.env);

    const dirty = await verify();
    expect(dirty.json.status).to.equal(1);
    const found = (dirty.json.data?.differences ?? []).map((d) => `${d.object}.${d.field}:${d.actual === 'missing' ? 'missing' : d.actual}`);
    // The edit went through REST without Sforce-Auto-Assign: FALSE, so the org's case assignment
    // rule also re-owned the case to the default owner, as a real org does; verify sees that too.
    const admin = h.org.records('User').find((u) => u.Username === h.org.username)!;
    expect(found.sort()).to.deep.equal([`Case.OwnerId:${String(admin.Id)}`, 'Case.Subject:Edited by hand', 'CaseComment.CommentBody:missing']);
    expect(dirty.json.data?.differences.find((d) => d.field === 'Subject')).to.include({ sourceId: ticket.id, expected: ticket.summary });

    await migrate(h, 'e2e', ['--skip-board', SKIPPED_BOARD]);
    expect((await verify()).json.result?.differenceCount).to.equal(0);
  });

  it('duplicates nothing when run again', async () => {
    const count = (object: string): number => h.org.records(object).length;
    const before = ['Account', 'Contact', 'Case', 'CaseComment', 'Group', 'QueueSobject'].map(count);
    const again = await migrate(h, 'e2e', ['--skip-board', SKIPPED_BOARD]);
    expect(again.status).to.equal(0);
    expect(['Account', 'Contact', 'Case', 'CaseComment', 'Group', 'QueueSobject'].map(count)).to.deep.equal(before);
    for (const o of again.result!.objects) expect(o.created, o.object).to.equal(0);
  });
});
