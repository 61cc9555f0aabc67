/*
 * --unmatched-members placeholder: members with no Salesforce user become inactive users that own
 * their cases, but only in an org that lets records have inactive owners; elsewhere the run stops
 * before writing anything and says which permission is missing.
 */
import { expect } from 'chai';
import { generateTenant } from '../cw-emulator/generator.js';
import { migrate, short, startHarness, type Harness } from './support.js';

const tenant = generateTenant({ seed: 5, companies: 20 });

describe('placeholder users for unmatched members (end to end)', function () {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('creates one inactive user per unmatched member and gives it the member’s cases', async () => {
    h = await startHarness(tenant, 'ph', { allowInactiveOwners: true });
    const seeded = new Set(h.seededUsers.map((u) => u.Email.toLowerCase()));
    const unmatched = tenant.members.filter((m) => !seeded.has(String(m.primaryEmail ?? '').toLowerCase()));
    expect(unmatched.length).to.be.greaterThan(0);

    const run = await migrate(h, 'ph', ['--unmatched-members', 'placeholder']);
    expect(run.status, JSON.stringify(run).slice(0, 1500)).to.equal(0);

    const placeholders = h.org.records('User').filter((u) => u.CW_Id__c != null);
    expect(placeholders.map((u) => u.CW_Id__c).sort()).to.deep.equal(unmatched.map((m) => String(m.id)).sort());
    for (const u of placeholders) expect(u.IsActive, String(u.Username)).to.equal(false);

    const cases = h.org.records('Case');
    for (const member of unmatched) {
      const user = placeholders.find((u) => u.CW_Id__c === String(member.id))!;
      const owned = tenant.tickets.filter((t) => (t.owner as { identifier?: string } | undefined)?.identifier === member.identifier);
      for (const t of owned) {
        const c = cases.find((x) => x.CW_Id__c === String(t.id));
        expect(short(c?.OwnerId), `ticket ${t.id} of ${String(member.identifier)}`).to.equal(short(user.Id));
      }
    }
  });

  it('stops before writing anything where the org does not allow inactive owners, and the fallback it suggests then works', async () => {
    h = await startHarness(tenant, 'ph2');
    const run = await migrate(h, 'ph2', ['--unmatched-members', 'placeholder']);
    expect(run.status).to.equal(1);
    expect(run.message).to.contain('inactive users');
    expect(h.org.records('Account')).to.have.length(0);
    expect(h.org.records('Group').filter((g) => g.Type === 'Queue')).to.have.length(0);

    // The way out it names works: nothing was decided for placeholders before it stopped.
    expect(run.message).to.contain('placeholder');
    const fallback = await migrate(h, 'ph2', ['--unmatched-members', 'fallback']);
    expect(fallback.status, JSON.stringify(fallback).slice(0, 800)).to.equal(0);
    expect(h.org.records('User').filter((u) => u.IsActive === false && u.CW_Id__c != null)).to.have.length(0);
  });
});
