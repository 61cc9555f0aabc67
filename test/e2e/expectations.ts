/*
 * Hand-written expectations shared by the end-to-end suites: what an MSP admin would pick for the
 * generator's board statuses and priorities, and what the proposals at or above 50 % say for them.
 */
import type { CwRecord } from '../cw-emulator/types.js';

export const STATUS: Record<string, string> = {
  New: 'New',
  Assigned: 'Working',
  'In Progress': 'Working',
  'Waiting on Client': 'Working',
  'Waiting on Vendor': 'Working',
  Scheduled: 'Working',
  Acknowledged: 'Working',
  'On Hold': 'Working',
  'Re-opened': 'Working',
  Escalated: 'Escalated',
  Completed: 'Closed',
  Closed: 'Closed',
  '>Closed': 'Closed',
  Cancelled: 'Closed',
  'Pending Parts (old)': 'New',
  'zz Do Not Use': 'New',
};

export const PRIORITY: Record<string, string> = {
  'Priority 1 - Emergency Response': 'High',
  'Priority 2 - Quick Response': 'Medium',
  'Priority 3 - Normal Response': 'Medium',
  'Priority 4 - Schedule Maintenance': 'Low',
  'Priority 5 - Next Time': 'Low',
  'Do Not Respond': 'Low',
};

export type Rec = Record<string, unknown>;

/** A reference field of a ConnectWise record (`board`, `status`...). */
export const ref = (r: CwRecord, key: string): Rec | undefined => r[key] as Rec | undefined;
