import type { OrgContext } from './org-context.js';
import { PERMISSION_FIELDS } from './schema/synthetic-objects.js';
import type { StoredRecord } from './store/table.js';

/** Profiles every emulated org starts with, and the permissions each holds. */
export type ProfileSpec = {
  name: string;
  permissions: Partial<Record<(typeof PERMISSION_FIELDS)[number], boolean>>;
};

/**
 * The two profiles of a fresh org. The running user's "Set Audit Fields upon Record Creation" and "Update Records
 * with Inactive Owners" sit on the System Administrator profile, so both the Profile row and its permission set
 * answer the plugin's permission queries the way the emulator's options say.
 */
export function defaultProfiles(options: { allowAuditFields: boolean; allowInactiveOwners: boolean }): ProfileSpec[] {
  return [
    {
      name: 'System Administrator',
      permissions: {
        PermissionsCreateAuditFields: options.allowAuditFields,
        PermissionsUpdateWithInactiveOwner: options.allowInactiveOwners,
        PermissionsModifyAllData: true,
        PermissionsViewAllData: true,
        PermissionsApiEnabled: true,
        PermissionsBulkApiHardDelete: false,
        PermissionsManageUsers: true,
      },
    },
    { name: 'Standard User', permissions: { PermissionsApiEnabled: true } },
  ];
}

/** Every permission field with a value: the ones a spec leaves out are off, as on a real profile. */
export function permissionValues(spec: ProfileSpec): Record<string, boolean> {
  return Object.fromEntries(PERMISSION_FIELDS.map((name) => [name, spec.permissions[name] === true]));
}

/**
 * The permission set a profile owns. Real orgs name it after the profile's id with an `X` in front (it is never
 * shown in Setup); the emulator keeps that shape without the version suffix some orgs add.
 */
export function profilePermissionSet(profileId: string, spec: ProfileSpec): Record<string, unknown> {
  return {
    Name: `X${profileId.slice(0, 15)}`,
    Label: profileId.slice(0, 15),
    IsOwnedByProfile: true,
    IsCustom: false,
    ProfileId: profileId,
    ...permissionValues(spec),
  };
}

/** The profile-owned permission set of a profile, if the org has one. */
function permissionSetOf(org: OrgContext, profileId: unknown): StoredRecord | undefined {
  if (typeof profileId !== 'string') return undefined;
  return [...org.store.table('PermissionSet').live.values()].find(
    (ps) => ps.IsOwnedByProfile === true && ps.ProfileId === profileId,
  );
}

/** The Standard User profile, given to users seeded without a ProfileId. */
export function standardUserProfileId(org: OrgContext): string | undefined {
  const profile = [...org.store.table('Profile').live.values()].find((p) => p.Name === 'Standard User');
  return profile ? String(profile.Id) : undefined;
}

/**
 * Keeps a user's profile assignment in step with User.ProfileId: one PermissionSetAssignment to the profile's own
 * permission set, replaced when the profile changes, IsActive following the user's. Goes through the store so an
 * allOrNone rollback undoes it with the user.
 */
export function syncProfileAssignment(org: OrgContext, user: StoredRecord, now: string, newId: () => string): void {
  const table = org.store.table('PermissionSetAssignment');
  const owned = new Set(
    [...org.store.table('PermissionSet').live.values()].filter((ps) => ps.IsOwnedByProfile).map((ps) => ps.Id),
  );
  const current = table
    .lookup('AssigneeId', user.Id)
    .map((id) => table.live.get(id) as StoredRecord)
    .filter((psa) => owned.has(psa.PermissionSetId));
  const wanted = permissionSetOf(org, user.ProfileId);
  for (const psa of current) {
    if (wanted && psa.PermissionSetId === wanted.Id) {
      if (psa.IsActive !== (user.IsActive === true))
        org.store.put('PermissionSetAssignment', { ...psa, IsActive: user.IsActive === true, SystemModstamp: now });
    } else {
      org.store.delete('PermissionSetAssignment', String(psa.Id), true);
    }
  }
  if (!wanted || current.some((psa) => psa.PermissionSetId === wanted.Id)) return;
  org.store.put('PermissionSetAssignment', {
    Id: newId(),
    AssigneeId: user.Id,
    PermissionSetId: wanted.Id,
    PermissionSetGroupId: null,
    ExpirationDate: null,
    IsActive: user.IsActive === true,
    IsRevoked: false,
    SystemModstamp: now,
  });
}
