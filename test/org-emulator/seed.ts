import { formatDateTime } from './datetime.js';
import { nextAutoNumber, type OrgContext } from './org-context.js';
import {
  defaultProfiles,
  permissionValues,
  profilePermissionSet,
  standardUserProfileId,
  syncProfileAssignment,
} from './permissions.js';
import type { StoredRecord } from './store/table.js';

/**
 * Inserts records without API validation (the org's own setup data, or test fixtures), but with what the
 * platform always fills: Id, audit fields, OwnerId, boolean and picklist defaults, compound Name.
 * Unknown field names are an error so a typo in seed data does not go unnoticed. A user seeded without ProfileId
 * gets the Standard User profile, and every seeded user gets its profile's permission set assignment.
 */
export function seedRecords(org: OrgContext, objectName: string, rows: Array<Record<string, unknown>>): string[] {
  const obj = org.schema.get(objectName);
  if (!obj) throw new Error(`seed: unknown sObject ${objectName}`);
  const now = formatDateTime(new Date());
  const user = org.settings.runningUserId;
  return rows.map((row) => {
    const record: StoredRecord = { Id: org.ids.next(obj.keyPrefix) };
    for (const field of obj.fields) {
      if (field.type === 'boolean') record[field.name] = field.defaultValue === true;
      const picklistDefault = field.picklistValues.find((p) => p.defaultValue && p.active);
      if (picklistDefault && field.defaultedOnCreate) record[field.name] = picklistDefault.value;
      if (field.autoNumber) record[field.name] = nextAutoNumber(org, obj.name, field.name);
    }
    const system: StoredRecord = {
      CreatedDate: now,
      CreatedById: user,
      LastModifiedDate: now,
      LastModifiedById: user,
      SystemModstamp: now,
      OwnerId: user,
    };
    for (const [name, value] of Object.entries(system)) if (obj.field(name) && user) record[name] = value;
    for (const [key, value] of Object.entries(row)) {
      const field = obj.field(key);
      if (!field) throw new Error(`seed: no field ${key} on ${obj.name}`);
      record[field.name] = value;
    }
    if (obj.field('FirstName') && obj.field('LastName') && obj.field('Name') && !row.Name) {
      record.Name = [record.FirstName, record.LastName].filter((p) => p).join(' ');
    }
    if (obj.name === 'Case' && !('IsClosed' in row)) {
      const status = [...org.store.table('CaseStatus').live.values()].find((s) => s.ApiName === record.Status);
      record.IsClosed = status?.IsClosed === true;
    }
    if (obj.name === 'User') userDefaults(org, record, row);
    org.store.put(obj.name, record);
    if (obj.name === 'User') syncProfileAssignment(org, record, now, () => org.ids.next('0Pa'));
    return String(record.Id);
  });
}

/** A seeded user without profile or IsActive is an active Standard User, as test fixtures expect. */
function userDefaults(org: OrgContext, record: StoredRecord, row: Record<string, unknown>): void {
  record.ProfileId ??= standardUserProfileId(org) ?? null;
  if (!('IsActive' in row)) record.IsActive = true;
}

/** Ids of the records every emulated org starts with. */
export type SeededOrg = {
  orgId: string;
  userId: string;
  username: string;
  businessHoursId: string;
};

/**
 * A fresh Service Cloud org: the Organization row, two profiles with their permission sets, the running System
 * Administrator (assigned its profile's permission set), the four
 * default case statuses (matching Case.Status), the standard price book and default business hours.
 */
export function seedOrg(org: OrgContext, adminUsername = 'admin@cwm-emulator.example'): SeededOrg {
  const [orgId] = seedRecords(org, 'Organization', [
    {
      Name: 'CW Migrate Emulated Org',
      InstanceName: 'EMU1',
      IsSandbox: false,
      OrganizationType: 'Enterprise Edition',
      NamespacePrefix: null,
      TrialExpirationDate: null,
      DefaultLocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      TimeZoneSidKey: 'GMT',
    },
  ]);
  const profiles = defaultProfiles(org.settings);
  const profileIds = seedRecords(
    org,
    'Profile',
    profiles.map((p) => ({ Name: p.name, UserType: 'Standard', ...permissionValues(p) })),
  );
  seedRecords(
    org,
    'PermissionSet',
    profiles.map((p, i) => profilePermissionSet(profileIds[i], p)),
  );
  const adminProfile = profileIds[0];
  const username = adminUsername;
  const [userId] = seedRecords(org, 'User', [
    {
      Username: username,
      Email: 'admin@cwm-emulator.example',
      FirstName: 'Ada',
      LastName: 'Admin',
      Alias: 'aadmin',
      CommunityNickname: 'ada.admin',
      IsActive: true,
      ProfileId: adminProfile,
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      UserType: 'Standard',
    },
  ]);
  org.settings.runningUserId = userId;
  org.settings.defaultCaseOwnerId = userId;
  // Records seeded before the user existed point their audit fields at it now.
  for (const name of ['Organization', 'Profile', 'PermissionSet', 'User']) {
    for (const record of org.store.table(name).live.values()) {
      for (const f of ['CreatedById', 'LastModifiedById', 'OwnerId'])
        if (org.schema.get(name)?.field(f)) record[f] = userId;
    }
  }
  seedRecords(
    org,
    'CaseStatus',
    ['New', 'Working', 'Escalated', 'Closed'].map((label, i) => ({
      MasterLabel: label,
      ApiName: label,
      SortOrder: i + 1,
      IsDefault: label === 'New',
      IsClosed: label === 'Closed',
    })),
  );
  seedRecords(org, 'Pricebook2', [{ Name: 'Standard Price Book', IsActive: true, IsStandard: true }]);
  const week = Object.fromEntries(
    ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].flatMap((d) => [
      [`${d}StartTime`, '00:00:00.000Z'],
      [`${d}EndTime`, '00:00:00.000Z'],
    ]),
  );
  const [businessHoursId] = seedRecords(org, 'BusinessHours', [
    { Name: 'Default', IsActive: true, IsDefault: true, TimeZoneSidKey: 'GMT', ...week },
  ]);
  org.settings.defaultBusinessHoursId = businessHoursId;
  // Entitlement processes are metadata (no create through the data APIs); an org with Entitlement
  // Management on usually has a few. NameNorm is the lower-cased name (SlaProcess, Object Reference).
  seedRecords(
    org,
    'SlaProcess',
    ['Standard Support', 'Premium 24x7 Support'].map((Name) => ({
      Name,
      NameNorm: Name.toLowerCase(),
      IsActive: true,
      SobjectType: 'Case',
      StartDateField: 'Case.CreatedDate',
      BusinessHoursId: businessHoursId,
    })),
  );
  return { orgId, userId, username, businessHoursId };
}
