import type { Faults } from './faults.js';
import type { IdFactory } from './ids.js';
import type { Schema } from './schema/schema.js';
import type { Store } from './store/store.js';

/** Org-level switches and well-known ids the write rules consult. */
export type OrgSettings = {
  allowAuditFields: boolean;
  allowInactiveOwners: boolean;
  /** The user every API call runs as (the emulator has one session). */
  runningUserId: string;
  /** Owner given to cases by the default assignment rule ("default case owner" in Support Settings). */
  defaultCaseOwnerId: string;
  defaultBusinessHoursId: string;
};

/**
 * An active validation rule, as a test defines it: a predicate over the record about to be saved
 * stands in for the rule's formula. A save it matches fails with FIELD_CUSTOM_VALIDATION_EXCEPTION
 * and the rule's message, on the field it names (or at the top of the page when it names none).
 */
export type ValidationRule = {
  name: string;
  sobject: string;
  /** True when the record is invalid (the formula's "error condition"). */
  when: (record: Readonly<Record<string, unknown>>) => boolean;
  message: string;
  errorDisplayField?: string;
};

/** Everything the DML engine and the query engine share about one emulated org. */
export type OrgContext = {
  schema: Schema;
  store: Store;
  ids: IdFactory;
  settings: OrgSettings;
  /** Monotonic counters for auto-number fields, keyed `Object.Field`. */
  autoNumbers: Map<string, number>;
  faults: Faults;
  /** Active validation rules, by name. */
  validationRules: Map<string, ValidationRule>;
};

/** The next value of an auto-number field (CaseNumber, auto-number Name), zero-padded to 8 digits. */
export function nextAutoNumber(org: OrgContext, objectName: string, fieldName: string): string {
  const key = `${objectName}.${fieldName}`;
  const n = (org.autoNumbers.get(key) ?? 0) + 1;
  org.autoNumbers.set(key, n);
  return String(n).padStart(8, '0');
}
