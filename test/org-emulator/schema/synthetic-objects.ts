import { makeField, type FieldSpec } from './field-factory.js';
import type { SourceObject } from './source-metadata.js';
import type { FieldDescribe, SObjectDescribe } from './types.js';

/** Object-level flags every describe carries; values match a plain createable custom object in a real org. */
export function objectShell(
  name: string,
  label: string,
  labelPlural: string,
  keyPrefix: string,
  custom: boolean,
): SObjectDescribe {
  return {
    actionOverrides: [],
    activateable: false,
    childRelationships: [],
    compactLayoutable: true,
    createable: true,
    custom,
    customSetting: false,
    deepCloneable: false,
    deletable: true,
    deprecatedAndHidden: false,
    feedEnabled: false,
    fields: [],
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix,
    label,
    labelPlural,
    layoutable: true,
    mergeable: false,
    mruEnabled: true,
    name,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    queryable: true,
    recordTypeInfos: [],
    replicateable: true,
    retrieveable: true,
    searchLayoutable: true,
    searchable: true,
    supportedScopes: [{ label: 'All', name: 'everything' }],
    triggerable: true,
    undeletable: true,
    updateable: true,
  };
}

/** Id, the four audit fields and SystemModstamp, read-only as in every real describe. */
export function systemFields(): FieldDescribe[] {
  const readOnly = { createable: false, updateable: false, required: true, defaultedOnCreate: true, custom: false };
  const user = { ...readOnly, type: 'reference', referenceTo: ['User'] };
  return [
    makeField({ name: 'Id', type: 'id', label: 'Record ID', ...readOnly, idLookup: true }),
    makeField({ name: 'CreatedDate', type: 'datetime', label: 'Created Date', ...readOnly }),
    makeField({ name: 'CreatedById', label: 'Created By ID', relationshipName: 'CreatedBy', ...user }),
    makeField({ name: 'LastModifiedDate', type: 'datetime', label: 'Last Modified Date', ...readOnly }),
    makeField({ name: 'LastModifiedById', label: 'Last Modified By ID', relationshipName: 'LastModifiedBy', ...user }),
    makeField({ name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp', ...readOnly }),
  ];
}

function readOnlyObject(describe: SObjectDescribe, specs: FieldSpec[]): SObjectDescribe {
  describe.createable = false;
  describe.updateable = false;
  describe.deletable = false;
  describe.fields = [
    ...systemFields(),
    ...specs.map((s) => makeField({ createable: false, updateable: false, custom: false, ...s })),
  ];
  return describe;
}

/**
 * User permissions the emulator models, as they appear on Profile and PermissionSet (Object Reference field
 * names). Only the first two change what a write may do; the rest are there so permission queries read as in a
 * real org.
 */
export const PERMISSION_FIELDS = [
  'PermissionsCreateAuditFields',
  'PermissionsUpdateWithInactiveOwner',
  'PermissionsModifyAllData',
  'PermissionsViewAllData',
  'PermissionsApiEnabled',
  'PermissionsBulkApiHardDelete',
  'PermissionsManageUsers',
];

const permissionSpecs = (): FieldSpec[] =>
  PERMISSION_FIELDS.map((name) => ({
    name,
    type: 'boolean',
    label: name.replace(/^Permissions/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
  }));

/**
 * Profile, PermissionSet and CaseStatus have no describe in the reference data; these follow the Object Reference
 * field lists (key prefixes 00e, 0PS and 01J are the real ones). All three are read-only through the data APIs
 * here: a real org lets the API create permission sets, which the emulator does not (see README).
 */
export function syntheticStandardObjects(): SObjectDescribe[] {
  const profile = readOnlyObject(objectShell('Profile', 'Profile', 'Profiles', '00e', false), [
    { name: 'Name', type: 'string', length: 255, label: 'Name', required: true },
    { name: 'UserType', type: 'picklist', label: 'User Type', picklistValues: ['Standard', 'PowerPartner', 'Guest'] },
    { name: 'Description', type: 'string', length: 255, label: 'Description' },
    ...permissionSpecs(),
  ]);
  // A profile's permissions also appear as a permission set it owns (IsOwnedByProfile = true), assigned to each
  // of its users: that is how `PermissionSetAssignment ... PermissionSet.PermissionsX = true` sees them.
  const permissionSet = readOnlyObject(
    objectShell('PermissionSet', 'Permission Set', 'Permission Sets', '0PS', false),
    [
      { name: 'Name', type: 'string', length: 80, label: 'Name', required: true },
      { name: 'Label', type: 'string', length: 80, label: 'Label', required: true },
      { name: 'Description', type: 'string', length: 255, label: 'Description' },
      { name: 'NamespacePrefix', type: 'string', length: 15, label: 'Namespace Prefix' },
      { name: 'IsOwnedByProfile', type: 'boolean', label: 'Is Owned By Profile' },
      { name: 'IsCustom', type: 'boolean', label: 'Custom' },
      {
        name: 'ProfileId',
        type: 'reference',
        label: 'Profile ID',
        referenceTo: ['Profile'],
        relationshipName: 'Profile',
      },
      ...permissionSpecs(),
    ],
  );
  const caseStatus = readOnlyObject(
    objectShell('CaseStatus', 'Case Status Value', 'Case Status Values', '01J', false),
    [
      { name: 'MasterLabel', type: 'string', length: 255, label: 'Master Label' },
      { name: 'ApiName', type: 'string', length: 255, label: 'Api Name' },
      { name: 'SortOrder', type: 'int', label: 'Sort Order' },
      { name: 'IsDefault', type: 'boolean', label: 'Is Default' },
      { name: 'IsClosed', type: 'boolean', label: 'Closed' },
    ],
  );
  return [profile, permissionSet, caseStatus];
}

/** The standard fields Salesforce adds to every custom object, plus the fields from its source folder. */
export function customObjectDescribe(source: SourceObject, keyPrefix: string): SObjectDescribe {
  const def = source.definition ?? {
    label: source.name,
    pluralLabel: source.name,
    nameFieldType: 'Text',
    nameFieldLabel: 'Name',
  };
  const describe = objectShell(source.name, def.label, def.pluralLabel, keyPrefix, true);
  const hasMaster = source.fields.some((f) => f.cascadeDelete);
  const autoName = def.nameFieldType === 'AutoNumber';
  const fields = systemFields();
  if (!hasMaster) {
    fields.push(
      makeField({
        name: 'OwnerId',
        label: 'Owner ID',
        type: 'reference',
        referenceTo: ['Group', 'User'],
        relationshipName: 'Owner',
        required: true,
        defaultedOnCreate: true,
        custom: false,
      }),
    );
  }
  fields.push(
    makeField({
      name: 'IsDeleted',
      type: 'boolean',
      label: 'Deleted',
      createable: false,
      updateable: false,
      custom: false,
    }),
    makeField({
      name: 'Name',
      type: 'string',
      length: autoName ? 30 : 80,
      label: def.nameFieldLabel,
      // An auto-number name is read-only; a text name is nillable in describe (the org fills the id when blank).
      createable: !autoName,
      updateable: !autoName,
      defaultedOnCreate: autoName,
      required: autoName,
      custom: false,
      idLookup: true,
    }),
    makeField({ name: 'LastViewedDate', type: 'datetime', createable: false, updateable: false, custom: false }),
    makeField({ name: 'LastReferencedDate', type: 'datetime', createable: false, updateable: false, custom: false }),
  );
  if (autoName) fields[fields.length - 3].autoNumber = true;
  describe.fields = fields;
  return describe;
}
