/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { call, soql, startTestOrg } from './helpers.js';

/** The plugin's own permission probes, word for word: what it asks a real org before choosing how to load. */
const holds = (userId: string, permission: string): string =>
  `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${userId}' AND PermissionSet.${permission} = true`;

describe('org emulator: permissions as a real org exposes them', () => {
  describe('with audit fields and without inactive owners (the defaults)', () => {
    let org: OrgEmulator;
    before(async () => {
      org = await startTestOrg();
    });
    after(() => org.close());

    it('answers the running user has PermissionsCreateAuditFields through a profile permission set', async () => {
      const res = await soql(org, holds(org.userId, 'PermissionsCreateAuditFields'));
      expect(res.status).to.equal(200);
      expect(res.body.totalSize).to.equal(1);
    });

    it('answers no for PermissionsUpdateWithInactiveOwner, also with a 15-character user id', async () => {
      const res = await soql(org, holds(org.userId.slice(0, 15), 'PermissionsUpdateWithInactiveOwner'));
      expect(res.body).to.deep.include({ totalSize: 0, done: true });
    });

    it("shows the assignment's permission set as owned by the System Administrator profile", async () => {
      const res = await soql(
        org,
        `SELECT PermissionSet.IsOwnedByProfile, PermissionSet.Profile.Name, PermissionSet.PermissionsModifyAllData
         FROM PermissionSetAssignment WHERE AssigneeId = '${org.userId}'`,
      );
      expect(res.body.records).to.have.length(1);
      expect(res.body.records[0].PermissionSet).to.deep.include({
        IsOwnedByProfile: true,
        PermissionsModifyAllData: true,
      });
      expect(res.body.records[0].PermissionSet.Profile.Name).to.equal('System Administrator');
    });

    it('lists profiles with their permissions', async () => {
      const res = await soql(org, 'SELECT Id, Name, PermissionsUpdateWithInactiveOwner FROM Profile ORDER BY Name');
      expect(res.body.records.map((p: any) => [p.Name, p.PermissionsUpdateWithInactiveOwner])).to.deep.equal([
        ['Standard User', false],
        ['System Administrator', false],
      ]);
    });

    it('describes PermissionSet with the real field names and key prefix', async () => {
      const res = await call(org, 'GET', '/sobjects/PermissionSet/describe');
      expect(res.body.keyPrefix).to.equal('0PS');
      expect(res.body.fields.map((f: any) => f.name)).to.include.members([
        'Id',
        'Name',
        'Label',
        'IsOwnedByProfile',
        'ProfileId',
        'PermissionsCreateAuditFields',
        'PermissionsUpdateWithInactiveOwner',
        'PermissionsModifyAllData',
        'PermissionsApiEnabled',
      ]);
    });

    it('gives a user seeded without ProfileId the Standard User profile and its assignment', async () => {
      const [userId] = org.seed('User', [
        {
          Username: 'plain@example.com',
          LastName: 'Plain',
          Email: 'plain@example.com',
          Alias: 'plain',
        },
      ]);
      const user = await soql(org, `SELECT Profile.Name, IsActive FROM User WHERE Id = '${userId}'`);
      expect(user.body.records[0]).to.deep.include({ IsActive: true });
      expect(user.body.records[0].Profile.Name).to.equal('Standard User');
      const assigned = await soql(
        org,
        `SELECT PermissionSet.Profile.Name FROM PermissionSetAssignment WHERE AssigneeId = '${userId}'`,
      );
      expect(assigned.body.records.map((r: any) => r.PermissionSet.Profile.Name)).to.deep.equal(['Standard User']);
      expect((await soql(org, holds(userId, 'PermissionsCreateAuditFields'))).body.totalSize).to.equal(0);
    });
  });

  describe('with inactive owners and without audit fields', () => {
    let org: OrgEmulator;
    before(async () => {
      org = await startTestOrg({ allowAuditFields: false, allowInactiveOwners: true });
    });
    after(() => org.close());

    it('answers the two probes the other way round', async () => {
      expect((await soql(org, holds(org.userId, 'PermissionsUpdateWithInactiveOwner'))).body.totalSize).to.equal(1);
      expect((await soql(org, holds(org.userId, 'PermissionsCreateAuditFields'))).body.totalSize).to.equal(0);
    });

    it('shows the profile row with the permission', async () => {
      const res = await soql(
        org,
        "SELECT Name, PermissionsUpdateWithInactiveOwner FROM Profile WHERE Name = 'System Administrator'",
      );
      expect(res.body.records[0].PermissionsUpdateWithInactiveOwner).to.equal(true);
    });
  });
});
