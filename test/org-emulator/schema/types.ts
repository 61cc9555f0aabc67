/** Shapes of describe data as a real org serves it (only the properties the emulator reads are typed). */

export type PicklistEntry = {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
  validFor: string | null;
};

/** One element of `fields` in an sObject describe. */
export type FieldDescribe = {
  [other: string]: unknown;
  name: string;
  label: string;
  type: string;
  length: number;
  precision: number;
  scale: number;
  digits: number;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  defaultedOnCreate: boolean;
  defaultValue: unknown;
  externalId: boolean;
  unique: boolean;
  idLookup: boolean;
  caseSensitive: boolean;
  custom: boolean;
  calculated: boolean;
  autoNumber: boolean;
  restrictedPicklist: boolean;
  picklistValues: PicklistEntry[];
  referenceTo: string[];
  relationshipName: string | null;
  polymorphicForeignKey?: boolean;
  cascadeDelete?: boolean;
  compoundFieldName?: string | null;
};

export type ChildRelationship = {
  [other: string]: unknown;
  childSObject: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete: boolean;
};

/** An sObject describe (`GET /sobjects/{o}/describe`) minus `urls`, which depend on the API version asked for. */
export type SObjectDescribe = {
  [other: string]: unknown;
  name: string;
  label: string;
  labelPlural?: string;
  keyPrefix: string | null;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: FieldDescribe[];
  childRelationships: ChildRelationship[];
};
