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

/** Everything the DML engine and the query engine share about one emulated org. */
export type OrgContext = {
  schema: Schema;
  store: Store;
  ids: IdFactory;
  settings: OrgSettings;
  /** Monotonic counters for auto-number fields, keyed `Object.Field`. */
  autoNumbers: Map<string, number>;
  faults: Faults;
};

/** The next value of an auto-number field (CaseNumber, auto-number Name), zero-padded to 8 digits. */
export function nextAutoNumber(org: OrgContext, objectName: string, fieldName: string): string {
  const key = `${objectName}.${fieldName}`;
  const n = (org.autoNumbers.get(key) ?? 0) + 1;
  org.autoNumbers.set(key, n);
  return String(n).padStart(8, '0');
}
