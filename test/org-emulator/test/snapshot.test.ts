/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import { diffSnapshots, type OrgEmulator, type OrgSnapshot } from '../index.js';
import { call, startTestOrg } from './helpers.js';

const snap = (objects: OrgSnapshot['objects']): OrgSnapshot => ({
  takenAt: '2024-01-01T00:00:00.000Z',
  objects,
  autoNumberFields: { Case: ['CaseNumber'] },
});

describe('org emulator: snapshots and diffSnapshots', () => {
  describe('diffSnapshots on hand-written snapshots', () => {
    const before = snap({
      Account: {
        '001A': { Id: '001A', Name: 'Acme', Phone: null, LastModifiedDate: '2024-01-01T00:00:00.000+0000' },
        '001B': { Id: '001B', Name: 'Gone' },
      },
      Case: {
        '500A': { Id: '500A', Status: 'New', IsClosed: false, ClosedDate: null, CaseNumber: '00000001' },
        '500B': { Id: '500B', Status: 'New', IsClosed: false, CaseNumber: '00000002' },
      },
    });
    const after = snap({
      Account: {
        '001A': { Id: '001A', Name: 'Acme Ltd', Phone: null, LastModifiedDate: '2024-02-02T00:00:00.000+0000' },
        '001C': { Id: '001C', Name: 'New Co' },
      },
      Case: {
        '500A': {
          Id: '500A',
          Status: 'Closed',
          IsClosed: true,
          ClosedDate: '2024-02-02T00:00:00.000+0000',
          CaseNumber: '00000001',
        },
        // IsClosed moved without its source: the derivation cannot explain it, so it is reported.
        '500B': { Id: '500B', Status: 'New', IsClosed: true, CaseNumber: '00000099' },
      },
    });

    it('lists added and removed records whole', () => {
      const diff = diffSnapshots(before, after);
      expect(diff.added).to.deep.equal([{ sobject: 'Account', id: '001C', record: { Id: '001C', Name: 'New Co' } }]);
      expect(diff.removed).to.deep.equal([{ sobject: 'Account', id: '001B', record: { Id: '001B', Name: 'Gone' } }]);
    });

    it('lists changes field by field, without stamps, auto-numbers or derived fields whose source changed', () => {
      expect(diffSnapshots(before, after).changed).to.deep.equal([
        { sobject: 'Account', id: '001A', fields: [{ field: 'Name', before: 'Acme', after: 'Acme Ltd' }] },
        { sobject: 'Case', id: '500A', fields: [{ field: 'Status', before: 'New', after: 'Closed' }] },
        { sobject: 'Case', id: '500B', fields: [{ field: 'IsClosed', before: false, after: true }] },
      ]);
    });

    it('finds nothing between a snapshot and itself', () => {
      expect(diffSnapshots(before, before)).to.deep.equal({ added: [], removed: [], changed: [] });
    });
  });

  describe('org.snapshot() around API calls', () => {
    let org: OrgEmulator;
    before(async () => {
      org = await startTestOrg();
    });
    after(() => org.close());

    it('takes every live record of every object, as copies', () => {
      const first = org.snapshot();
      expect(Object.keys(first.objects)).to.include.members(['User', 'Profile', 'PermissionSet', 'Organization']);
      expect(first.objects.User[org.userId].Username).to.equal('admin@cwm-emulator.example');
      first.objects.User[org.userId].Username = 'changed@example.com';
      expect(org.snapshot().objects.User[org.userId].Username).to.equal('admin@cwm-emulator.example');
    });

    it('shows what a sequence of writes did, and nothing else', async () => {
      const [keep, drop] = org.seed('Account', [{ Name: 'Keep' }, { Name: 'Drop' }]);
      const [caseId] = org.seed('Case', [{ Subject: 'Printer', Status: 'New' }]);
      const before = org.snapshot();
      await call(org, 'PATCH', `/sobjects/Account/${keep}`, { Phone: '555-0100' });
      await call(org, 'DELETE', `/sobjects/Account/${drop}`);
      await call(org, 'PATCH', `/sobjects/Case/${caseId}`, { Status: 'Closed' });
      const created = await call(org, 'POST', '/sobjects/Contact', { LastName: 'Lovelace', AccountId: keep });
      const diff = diffSnapshots(before, org.snapshot());
      expect(diff.added.map((a) => [a.sobject, a.id])).to.deep.equal([['Contact', created.body.id]]);
      expect(diff.removed.map((r) => [r.sobject, r.id])).to.deep.equal([['Account', drop]]);
      expect(diff.changed).to.deep.equal([
        { sobject: 'Account', id: keep, fields: [{ field: 'Phone', before: null, after: '555-0100' }] },
        { sobject: 'Case', id: caseId, fields: [{ field: 'Status', before: 'New', after: 'Closed' }] },
      ]);
    });
  });
});
