import type { FieldDescribe, PicklistEntry } from './types.js';

/** What a field definition says, independent of where it comes from (SFDX source or a synthesized object). */
export type FieldSpec = {
  name: string;
  label?: string;
  /** Describe type: string, textarea, picklist, boolean, double, int, currency, percent, date, datetime, email... */
  type: string;
  length?: number;
  precision?: number;
  scale?: number;
  required?: boolean;
  createable?: boolean;
  updateable?: boolean;
  defaultedOnCreate?: boolean;
  defaultValue?: unknown;
  externalId?: boolean;
  unique?: boolean;
  idLookup?: boolean;
  caseSensitive?: boolean;
  custom?: boolean;
  restrictedPicklist?: boolean;
  picklistValues?: string[];
  defaultPicklistValue?: string;
  referenceTo?: string[];
  relationshipName?: string | null;
  cascadeDelete?: boolean;
  extraTypeInfo?: string | null;
};

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  time: 'xsd:time',
};

/** Text-like types whose `length` counts characters (byteLength is 3 bytes per character in a real describe). */
const TEXT_TYPES = new Set(['string', 'textarea', 'picklist', 'multipicklist', 'combobox', 'email', 'phone', 'url']);

/**
 * Builds a describe field with the full property set clients see, so synthesized and source-defined fields look
 * like the ones copied from real describes.
 */
// eslint-disable-next-line complexity -- a flat property list; the branches are per-property defaults
export function makeField(spec: FieldSpec): FieldDescribe {
  const isText = TEXT_TYPES.has(spec.type);
  const isRef = spec.type === 'reference' || spec.type === 'id';
  const length = isRef ? 18 : isText ? (spec.length ?? 255) : 0;
  const required = spec.required ?? false;
  const picklistValues: PicklistEntry[] = (spec.picklistValues ?? []).map((value) => ({
    active: true,
    defaultValue: value === spec.defaultPicklistValue,
    label: value,
    validFor: null,
    value,
  }));
  const defaultedOnCreate =
    spec.defaultedOnCreate ??
    (spec.type === 'boolean' || spec.defaultPicklistValue !== undefined || spec.type === 'id');
  return {
    aggregatable: spec.type !== 'textarea',
    autoNumber: false,
    byteLength: length * 3,
    calculated: false,
    calculatedFormula: null,
    cascadeDelete: spec.cascadeDelete ?? false,
    caseSensitive: spec.caseSensitive ?? false,
    compoundFieldName: null,
    controllerName: null,
    createable: spec.createable ?? spec.type !== 'id',
    custom: spec.custom ?? spec.name.endsWith('__c'),
    defaultValue: spec.defaultValue ?? (spec.type === 'boolean' ? false : null),
    defaultValueFormula: null,
    defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: spec.type === 'int' ? (spec.precision ?? 9) : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: spec.externalId ?? false,
    extraTypeInfo: spec.extraTypeInfo ?? null,
    filterable: spec.type !== 'textarea' || length <= 255,
    filteredLookupInfo: null,
    groupable: !['textarea', 'double', 'currency', 'percent', 'datetime'].includes(spec.type),
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: spec.idLookup ?? spec.type === 'id',
    inlineHelpText: null,
    label: spec.label ?? spec.name.replace(/__c$/, '').replace(/_/g, ' '),
    length,
    mask: null,
    maskType: null,
    name: spec.name,
    nameField: spec.name === 'Name',
    namePointing: (spec.referenceTo?.length ?? 0) > 1,
    nillable: spec.type === 'boolean' || spec.type === 'id' ? false : !required,
    permissionable: !required && spec.custom !== false && spec.name.endsWith('__c'),
    picklistValues,
    polymorphicForeignKey: (spec.referenceTo?.length ?? 0) > 1,
    precision: ['double', 'currency', 'percent'].includes(spec.type) ? (spec.precision ?? 18) : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: spec.referenceTo ?? [],
    relationshipName: spec.relationshipName ?? null,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: spec.restrictedPicklist ?? false,
    scale: ['double', 'currency', 'percent'].includes(spec.type) ? (spec.scale ?? 0) : 0,
    searchPrefilterable: false,
    soapType: SOAP_TYPES[spec.type] ?? 'xsd:string',
    sortable: spec.type !== 'textarea' || length <= 255,
    type: spec.type,
    unique: spec.unique ?? false,
    updateable: spec.updateable ?? (spec.type !== 'id' && (spec.createable ?? true)),
    writeRequiresMasterRead: false,
  };
}
