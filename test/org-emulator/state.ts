import type { DmlEngine } from './dml/engine.js';
import type { OrgContext } from './org-context.js';
import type { SeededOrg } from './seed.js';

/** Everything one running emulator holds, shared by the route modules. */
export type EmulatorState = {
  org: OrgContext;
  dml: DmlEngine;
  seeded: SeededOrg;
  accessToken: string;
  /** Set once the server listens. */
  instanceUrl: string;
  /** A private temporary folder for Bulk uploads and result files, removed on close. */
  workDir: string;
  /** API requests used and allowed per 24 h (`Sforce-Limit-Info`, /limits). */
  usage: { used: number; max: number };
  /** Requests served by kind (rest, bulk, oauth). */
  counts: Record<string, number>;
  /** Records per Bulk query results page when the client gives no maxRecords. */
  bulkQueryPageSize: number;
  /** Bulk jobs and uploads, reported in /limits. */
  jobCounters: Record<string, number>;
};

/** API versions advertised by `GET /services/data`, oldest first (the CLI picks the highest). */
export const API_VERSIONS: Array<{ version: string; label: string }> = [
  ['50.0', "Winter '21"],
  ['51.0', "Spring '21"],
  ['52.0', "Summer '21"],
  ['53.0', "Winter '22"],
  ['54.0', "Spring '22"],
  ['55.0', "Summer '22"],
  ['56.0', "Winter '23"],
  ['57.0', "Spring '23"],
  ['58.0', "Summer '23"],
  ['59.0', "Winter '24"],
  ['60.0', "Spring '24"],
  ['61.0', "Summer '24"],
  ['62.0', "Winter '25"],
].map(([version, label]) => ({ version, label }));
