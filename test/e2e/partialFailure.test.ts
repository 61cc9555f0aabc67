/*
 * Partial failures: the org refuses some rows for a reason pre-flight cannot see (a validation
 * rule), the run reports and stages each of them, and once the admin deactivates the rule the next
 * run sends only those rows and the records that depend on them, leaving every other record
 * untouched. A run after that changes nothing at all. The failures are in the org's ledger too,
 * for the Run Monitor: the run's record with its counts, and a Failed staged record per refusal
 * that the next run marks Loaded.
 */
import { expect } from 'chai';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
import { migrate, readProblems, short, startHarness, type Harness, type RunJson } from './support.js';
import { ref, type Rec } from './expectations.js';

const CONTACT_RULE = 'Contacts_Need_Review';
const CASE_RULE = 'Cases_Need_Category';
const DATA_OBJECTS = ['Account', 'Contact', 'Case', 'CaseComment'];

/** The result of a run that ended with failures: sf puts it in `data`. */
const resultOf = (run: RunJson): NonNullable<RunJson['result']> =>
  (run.result ?? run.data) as NonNullable<RunJson['result']>;

describe('partial failures are retried only for the rows that failed, once the cause is fixed (end to end)', function () {
  const tenant = generateTenant({ seed: 21, companies: 15 });
  const liveCompany = new Set(tenant.companies.filter((c) => c.deletedFlag !== true).map((c) => c.id));
  const ticketContact = (t: CwRecord): number | undefined => ref(t, 'contact')?.id as number | undefined;
  // Contacts of live companies that tickets name, so their cases depend on them.
  const refusedContacts = tenant.contacts
    .filter(
      (c) => liveCompany.has(ref(c, 'company')?.id as number) && tenant.tickets.some((t) => ticketContact(t) === c.id),
    )
    .slice(0, 3)
    .map((c) => String(c.id));
  const refusedTickets = tenant.tickets
    .filter(
      (t) =>
        liveCompany.has(ref(t, 'company')?.id as number) &&
        !refusedContacts.includes(String(ticketContact(t))) &&
        // Two notes or more: one becomes the description, the others comments that must follow.
        tenant.ticketNotes.filter((n) => n.ticketId === t.id).length >= 2,
    )
    .slice(0, 2)
    .map((t) => String(t.id));
  const dependentTickets = tenant.tickets
    .filter((t) => refusedContacts.includes(String(ticketContact(t))))
    .map((t) => String(t.id));
  let h: Harness;
  let first: RunJson;

  /** LastModifiedDate of every migrated record, by object and CW id (comments by id). */
  const stamps = (): Map<string, unknown> =>
    new Map(
      DATA_OBJECTS.flatMap((object) =>
        h.org.records(object).map((r) => [`${object}:${String(r.CW_Id__c ?? r.Id)}`, r.LastModifiedDate]),
      ),
    );

  before(async function () {
    expect(refusedContacts).to.have.length(3);
    expect(refusedTickets).to.have.length(2);
    expect(dependentTickets).to.not.be.empty;
    h = await startHarness(tenant, 'pf');
    h.org.addValidationRule({
      name: CONTACT_RULE,
      sobject: 'Contact',
      when: (r) => refusedContacts.includes(String(r.CW_Id__c)),
      message: 'This contact must be reviewed before it is imported.',
    });
    h.org.addValidationRule({
      name: CASE_RULE,
      sobject: 'Case',
      when: (r) => refusedTickets.includes(String(r.CW_Id__c)),
      message: 'Choose a category first.',
      errorDisplayField: 'Type',
    });
    first = await migrate(h, 'pf');
  });
  after(async () => h?.close());

  it('reports each refused record with the org’s reason, and loads the rest', () => {
    expect(first.status, JSON.stringify(first).slice(0, 800)).to.equal(1);
    const problems = readProblems(resultOf(first).reports!.problemsCsv).filter((p) => p.outcome === 'failed');
    const failed = (kind: string): string[] =>
      problems
        .filter((p) => p.sourceKind === kind)
        .map((p) => p.sourceId)
        .sort();
    expect(failed('contact')).to.deep.equal([...refusedContacts].sort());
    expect(failed('ticket')).to.deep.equal([...refusedTickets].sort());
    expect(problems.find((p) => p.sourceKind === 'contact')?.reason).to.contain(
      'FIELD_CUSTOM_VALIDATION_EXCEPTION: This contact must be reviewed',
    );
    const contacts = new Set(h.org.records('Contact').map((c) => String(c.CW_Id__c)));
    for (const id of refusedContacts) expect(contacts.has(id), `contact ${id}`).to.equal(false);
    expect(contacts.size).to.equal(tenant.contacts.length - refusedContacts.length);
  });

  it('keeps the run and every refusal in the org, for the Run Monitor', () => {
    const runs = h.org.records('CWM_Run__c');
    expect(runs.map((r) => r.Status__c)).to.deep.equal(['Completed With Failures']);
    const [run] = runs;
    expect(run.Run_Id__c).to.equal(resultOf(first).runId);
    expect(run.Failures__c).to.equal(refusedContacts.length + refusedTickets.length);
    const counts = JSON.parse(String(run.Counts__c)) as Array<{ object: string; failed: number; inOrg: number }>;
    expect(counts.find((c) => c.object === 'Contact')).to.include({
      failed: 3,
      inOrg: h.org.records('Contact').length,
    });
    const staged = h.org.records('CWM_Staged_Record__c').filter((s) => s.Status__c === 'Failed');
    expect(staged.map((s) => s.Staged_Key__c).sort()).to.deep.equal(
      [...refusedContacts.map((id) => `contact-${id}`), ...refusedTickets.map((id) => `ticket-${id}`)].sort(),
    );
    for (const s of staged) {
      expect(short(s.Run__c)).to.equal(short(run.Id));
      expect(String(s.Error__c)).to.contain('FIELD_CUSTOM_VALIDATION_EXCEPTION');
      expect(JSON.parse(String(s.Payload__c)).id).to.equal(Number(s.CW_Id__c));
    }
  });

  it('after the rule is deactivated, sends only the refused rows and the cases that name their contacts', async () => {
    const before = stamps();
    h.org.deactivateValidationRule(CONTACT_RULE);
    h.org.deactivateValidationRule(CASE_RULE);
    const second = await migrate(h, 'pf');
    expect(second.status, JSON.stringify(second).slice(0, 800)).to.equal(0);

    const after = stamps();
    const touched = [...after]
      .filter(([key, stamp]) => before.has(key) && before.get(key) !== stamp)
      .map(([key]) => key);
    expect(touched.sort()).to.deep.equal(dependentTickets.map((id) => `Case:${id}`).sort());
    const added = [...after.keys()].filter((key) => !before.has(key));
    expect(added.filter((k) => !k.startsWith('CaseComment:')).sort()).to.deep.equal(
      [...refusedContacts.map((id) => `Contact:${id}`), ...refusedTickets.map((id) => `Case:${id}`)].sort(),
    );
    // The refused cases' notes follow them as comments, and no other comment is sent again.
    const commentParents = new Set(
      h.org
        .records('CaseComment')
        .filter((c) => added.includes(`CaseComment:${String(c.Id)}`))
        .map((c) => short(c.ParentId)),
    );
    const refusedCaseIds = new Set(
      h.org
        .records('Case')
        .filter((c) => refusedTickets.includes(String(c.CW_Id__c)))
        .map((c) => short(c.Id)),
    );
    expect([...commentParents].sort()).to.deep.equal([...refusedCaseIds].sort());
    const contactIds = new Map(h.org.records('Contact').map((c) => [String(c.CW_Id__c), short(c.Id)]));
    for (const c of h.org.records('Case').filter((r) => dependentTickets.includes(String(r.CW_Id__c)))) {
      const ticket = tenant.tickets.find((t) => String(t.id) === c.CW_Id__c)!;
      expect(short(c.ContactId), `case of ticket ${ticket.id}`).to.equal(contactIds.get(String(ticketContact(ticket))));
    }
    const staged = h.org.records('CWM_Staged_Record__c');
    expect(staged.filter((s) => s.Status__c === 'Failed')).to.deep.equal([]);
    for (const id of refusedContacts) {
      const record = staged.find((s) => s.Staged_Key__c === `contact-${id}`);
      expect(record).to.include({ Status__c: 'Loaded', Error__c: null });
      expect(short(record?.Target_Id__c)).to.equal(contactIds.get(id));
    }
  });

  it('a run after a completed run changes nothing', async () => {
    const before = stamps();
    const third = await migrate(h, 'pf');
    expect(third.status).to.equal(0);
    const after = stamps();
    expect([...after].filter(([key, stamp]) => before.get(key) !== stamp).map(([key]) => key)).to.deep.equal([]);
    for (const o of third.result!.objects.filter((x) => DATA_OBJECTS.includes(x.object))) {
      expect(o, o.object).to.include({ created: 0, updated: 0, failed: 0 });
    }
  });

  it('lists every run in the org with its status', () => {
    const runs = h.org.records('CWM_Run__c') as Rec[];
    expect(runs.map((r) => r.Status__c)).to.deep.equal(['Completed With Failures', 'Completed', 'Completed']);
  });
});
