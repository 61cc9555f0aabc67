/*
 * The parts of ConnectWise payloads the migration reads. The API leaves out null and empty
 * properties, so every field is optional and absent, null and "" all mean "no value".
 */

export type Maybe<T> = T | null | undefined;

export interface CwReference {
  id?: Maybe<number>;
  identifier?: Maybe<string>;
  name?: Maybe<string>;
}

export interface CwInfo {
  dateEntered?: Maybe<string>;
  lastUpdated?: Maybe<string>;
  enteredBy?: Maybe<string>;
  updatedBy?: Maybe<string>;
  [key: string]: unknown;
}

export interface CwMember {
  id: number;
  identifier?: Maybe<string>;
  firstName?: Maybe<string>;
  lastName?: Maybe<string>;
  primaryEmail?: Maybe<string>;
  officeEmail?: Maybe<string>;
  inactiveFlag?: Maybe<boolean>;
}

export interface CwBoard {
  id: number;
  name?: Maybe<string>;
  inactiveFlag?: Maybe<boolean>;
}

export interface CwBoardStatus {
  id: number;
  name?: Maybe<string>;
  board?: Maybe<CwReference>;
  closedStatus?: Maybe<boolean>;
  inactive?: Maybe<boolean>;
  sortOrder?: Maybe<number>;
  defaultFlag?: Maybe<boolean>;
}

export interface CwPriority {
  id: number;
  name?: Maybe<string>;
  sortOrder?: Maybe<number>;
  defaultFlag?: Maybe<boolean>;
}

export interface CwCompany {
  id: number;
  identifier?: Maybe<string>;
  name?: Maybe<string>;
  parentCompany?: Maybe<CwReference>;
  addressLine1?: Maybe<string>;
  addressLine2?: Maybe<string>;
  city?: Maybe<string>;
  state?: Maybe<string>;
  zip?: Maybe<string>;
  country?: Maybe<CwReference>;
  phoneNumber?: Maybe<string>;
  faxNumber?: Maybe<string>;
  website?: Maybe<string>;
  deletedFlag?: Maybe<boolean>;
  customFields?: Maybe<CwCustomFieldValue[]>;
  _info?: Maybe<CwInfo>;
}

export interface CwCommunicationItem {
  type?: Maybe<CwReference>;
  value?: Maybe<string>;
  extension?: Maybe<string>;
  defaultFlag?: Maybe<boolean>;
  domain?: Maybe<string>;
  communicationType?: Maybe<string>;
}

export interface CwContact {
  id: number;
  firstName?: Maybe<string>;
  lastName?: Maybe<string>;
  title?: Maybe<string>;
  company?: Maybe<CwReference>;
  communicationItems?: Maybe<CwCommunicationItem[]>;
  inactiveFlag?: Maybe<boolean>;
  customFields?: Maybe<CwCustomFieldValue[]>;
  _info?: Maybe<CwInfo>;
}

export interface CwTicket {
  id: number;
  summary?: Maybe<string>;
  board?: Maybe<CwReference>;
  status?: Maybe<CwReference>;
  priority?: Maybe<CwReference>;
  company?: Maybe<CwReference>;
  contact?: Maybe<CwReference>;
  owner?: Maybe<CwReference>;
  closedFlag?: Maybe<boolean>;
  closedDate?: Maybe<string>;
  sla?: Maybe<CwReference>;
  customFields?: Maybe<CwCustomFieldValue[]>;
  _info?: Maybe<CwInfo>;
}

export interface CwTicketNote {
  id: number;
  ticketId?: Maybe<number>;
  text?: Maybe<string>;
  detailDescriptionFlag?: Maybe<boolean>;
  internalAnalysisFlag?: Maybe<boolean>;
  resolutionFlag?: Maybe<boolean>;
  internalFlag?: Maybe<boolean>;
  externalFlag?: Maybe<boolean>;
  member?: Maybe<CwReference>;
  contact?: Maybe<CwReference>;
  dateCreated?: Maybe<string>;
  createdBy?: Maybe<string>;
  _info?: Maybe<CwInfo>;
}

/**
 * One element of a record's `customFields[]`. The API types `value` as an object, but tenants send
 * scalars (text, number, boolean, ISO date) or null, or leave the key out when it was never set.
 */
export interface CwCustomFieldValue {
  /** The definition's id (`system/userDefinedFields/{id}`). */
  id: number;
  caption?: Maybe<string>;
  /** Text, TextArea, Number, Currency, Percent, Date, Checkbox, Hyperlink, IPAddress, Password, Button. */
  type?: Maybe<string>;
  /** EntryField, List, Option or Date. */
  entryMethod?: Maybe<string>;
  numberOfDecimals?: Maybe<number>;
  value?: unknown;
}

/** A custom field's definition from `system/userDefinedFields`. */
export interface CwUserDefinedField {
  id: number;
  caption?: Maybe<string>;
  screenDescription?: Maybe<string>;
  fieldTypeIdentifier?: Maybe<string>;
  entryTypeIdentifier?: Maybe<string>;
  options?: Maybe<Array<{ id: number; optionValue?: Maybe<string>; inactiveFlag?: Maybe<boolean> }>>;
}

export interface CwSla {
  id: number;
  name?: Maybe<string>;
}

export interface CwAgreementType {
  id: number;
  name?: Maybe<string>;
  inactiveFlag?: Maybe<boolean>;
}

export interface CwAgreement {
  id: number;
  name?: Maybe<string>;
  type?: Maybe<CwReference>;
  company?: Maybe<CwReference>;
  contact?: Maybe<CwReference>;
  sla?: Maybe<CwReference>;
  /** Date-only values, sent as midnight UTC. */
  startDate?: Maybe<string>;
  endDate?: Maybe<string>;
  noEndingDateFlag?: Maybe<boolean>;
  cancelledFlag?: Maybe<boolean>;
  dateCancelled?: Maybe<string>;
  reasonCancelled?: Maybe<string>;
  agreementStatus?: Maybe<string>;
  billAmount?: Maybe<number>;
  billingCycle?: Maybe<CwReference>;
  customFields?: Maybe<CwCustomFieldValue[]>;
  _info?: Maybe<CwInfo>;
}

/** A value is present when it is neither missing, null nor blank. */
export function present(value: Maybe<string>): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
