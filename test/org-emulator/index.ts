import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestRoutes } from './bulk/routes-ingest.js';
import { bulkQueryRoutes } from './bulk/routes-query.js';
import { DmlEngine } from './dml/engine.js';
import { splitUrl, createApiServer, errorResponse, Router } from './http/server.js';
import { collectionRoutes } from './http/routes-collections.js';
import { compositeRoutes, type InternalDispatch } from './http/routes-composite.js';
import { metaRoutes } from './http/routes-meta.js';
import { queryRoutes } from './http/routes-query.js';
import { recordRoutes } from './http/routes-records.js';
import { Faults, type FaultRule } from './faults.js';
import { IdFactory } from './ids.js';
import type { OrgContext, ValidationRule } from './org-context.js';
import { Schema } from './schema/schema.js';
import { seedOrg, seedRecords } from './seed.js';
import { takeSnapshot, type OrgSnapshot } from './snapshot.js';
import type { EmulatorState } from './state.js';
import { Store } from './store/store.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '../..');

/** The in-org package, and fields an admin made before the migration. */
export const DEFAULT_SOURCE_DIRS = [
  resolve(REPO_ROOT, 'force-app/main/default'),
  resolve(REPO_ROOT, 'test/fixtures/salesforce/customer-org'),
];

export type OrgEmulatorOptions = {
  /** 0 / undefined = a random free port on 127.0.0.1. */
  port?: number;
  /**
   * Username of the running admin; default admin@cwm-emulator.example. The sf CLI files auth under the
   * username, so emulators that one sf HOME logs into at the same time need different ones.
   */
  username?: string;
  /**
   * SFDX source folders whose objects/fields are added to the schema; default {@link DEFAULT_SOURCE_DIRS}: the in-org
   * package and the fields of a customer org as the migration finds it (test/fixtures/salesforce/customer-org).
   */
  sourceDirs?: string[];
  /** The running user holds "Set Audit Fields upon Record Creation"; default true. */
  allowAuditFields?: boolean;
  /** The running user holds "Update Records with Inactive Owners"; default false. */
  allowInactiveOwners?: boolean;
  /** Daily API request allowance (`/limits` DailyApiRequests.Max); default 5 000 000 so large demo loads fit. */
  dailyApiLimit?: number;
  /** Extra wait before every answer, in milliseconds; default 0. */
  latencyMs?: number;
  /** Share (0..1) of data API requests answered 503 SERVER_UNAVAILABLE; default 0. */
  failRate?: number;
  /** Share (0..1) of record writes failing with UNABLE_TO_LOCK_ROW (collections and Bulk rows); default 0. */
  lockShare?: number;
  /** Seed of the generator behind failRate and lockShare, so a run can be replayed; default 1. */
  faultSeed?: number;
  /**
   * Records per Bulk query results page when the client sends no maxRecords. Salesforce documents only "a default
   * value based on the service"; 50 000 is what client libraries assume (ballerinax-salesforce #349 review).
   */
  bulkQueryPageSize?: number;
};

export type OrgEmulator = {
  /** e.g. http://127.0.0.1:PORT */
  instanceUrl: string;
  /** The current session's token; matches /(00D\w{12,15})![.\w]*\/ as the sf CLI requires. Changes on expireSession(). */
  readonly accessToken: string;
  /** 18-character Organization id. */
  orgId: string;
  /** The running admin user (active, System Administrator profile). */
  userId: string;
  username: string;
  /** All live records of one sObject, as stored (field API names -> values), for test assertions. */
  records(sobject: string): Array<Record<string, unknown>>;
  /** Inserts records directly, bypassing the API (seeding users, queues...). Fills Id, audit fields and defaults. Returns ids. */
  seed(sobject: string, rows: Array<Record<string, unknown>>): string[];
  /** Count of API requests served, by kind (rest, bulk, oauth). */
  requestCounts(): Record<string, number>;
  /** Makes matching requests fail or slow down (503, 500, REQUEST_LIMIT_EXCEEDED...), for reliability tests. */
  injectFault(rule: FaultRule): void;
  /** Makes the next `count` record writes to the sObject fail with UNABLE_TO_LOCK_ROW (a retryable row error). */
  lockRows(sobject: string, count: number): void;
  /** Activates a validation rule: saves it matches fail with FIELD_CUSTOM_VALIDATION_EXCEPTION until it is deactivated. */
  addValidationRule(rule: ValidationRule): void;
  /** Deactivates the validation rule of that name, as an admin fixing the cause of failed loads would. */
  deactivateValidationRule(name: string): void;
  /** From now on, this share (0..1) of record writes fails with UNABLE_TO_LOCK_ROW (0 turns it off). */
  setLockShare(share: number): void;
  /** From now on, this share (0..1) of data API requests gets 503 SERVER_UNAVAILABLE (0 turns it off). */
  setFailRate(rate: number): void;
  /** From now on, every answer waits this long (0 turns it off). */
  setLatency(ms: number): void;
  /** Daily API requests used and allowed, as `/limits` and `Sforce-Limit-Info` report them. */
  apiUsage(): { used: number; max: number };
  /** Changes the daily allowance and, optionally, how much of it is used (`used: max` exhausts it). */
  setApiUsage(usage: { used?: number; max?: number }): void;
  /** Uses up the daily allowance: every data API call now gets 403 REQUEST_LIMIT_EXCEEDED. */
  exhaustApiLimit(): void;
  /** Ends the session: the old token gets 401 INVALID_SESSION_ID from now on. Returns the new session's token. */
  expireSession(): string;
  /** A copy of every live record of every object, for rollback and verification tests (see diffSnapshots). */
  snapshot(): OrgSnapshot;
  close(): Promise<void>;
};

export type { FaultRule } from './faults.js';
export type { ValidationRule } from './org-context.js';
export { diffLines, diffSnapshots, type OrgSnapshot, type RecordEntry, type SnapshotDiff } from './snapshot.js';

/**
 * Starts an emulated Salesforce org on 127.0.0.1 that the sf CLI, jsforce and plain HTTP clients can use unchanged.
 *
 * @example
 * const org = await startOrgEmulator();
 * const res = await fetch(`${org.instanceUrl}/services/data/v62.0/query?q=SELECT+Id+FROM+User`, {
 *   headers: { Authorization: `Bearer ${org.accessToken}` },
 * });
 * await org.close();
 */
export async function startOrgEmulator(options: OrgEmulatorOptions = {}): Promise<OrgEmulator> {
  const schema = new Schema({
    describeDir: resolve(REPO_ROOT, 'test/fixtures/salesforce/describe'),
    sourceDirs: options.sourceDirs ?? DEFAULT_SOURCE_DIRS,
    allowAuditFields: options.allowAuditFields ?? true,
  });
  const org: OrgContext = {
    schema,
    store: new Store(schema),
    ids: new IdFactory(),
    settings: {
      allowAuditFields: options.allowAuditFields ?? true,
      allowInactiveOwners: options.allowInactiveOwners ?? false,
      runningUserId: '',
      defaultCaseOwnerId: '',
      defaultBusinessHoursId: '',
    },
    autoNumbers: new Map(),
    faults: new Faults(options.faultSeed ?? 1),
    validationRules: new Map(),
  };
  Object.assign(org.faults.standing, {
    latencyMs: options.latencyMs ?? 0,
    failRate: options.failRate ?? 0,
    lockShare: options.lockShare ?? 0,
  });
  const seeded = seedOrg(org, options.username);
  const state: EmulatorState = {
    org,
    dml: new DmlEngine(org),
    seeded,
    accessToken: newToken(seeded.orgId),
    instanceUrl: '',
    workDir: mkdtempSync(join(tmpdir(), 'cwm-org-emulator-')),
    usage: { used: 0, max: options.dailyApiLimit ?? 5_000_000 },
    counts: {},
    bulkQueryPageSize: options.bulkQueryPageSize ?? 50_000,
    jobCounters: {},
  };
  const routes = [
    ...metaRoutes(state),
    ...recordRoutes(state),
    ...queryRoutes(state),
    ...collectionRoutes(state),
    ...ingestRoutes(state),
    ...bulkQueryRoutes(state),
  ];
  const router = new Router(routes);
  const dispatch: InternalDispatch = async (method, url, body, headers) => {
    try {
      const { path, query } = splitUrl(url);
      const { route, params, version, relative } = router.match(method, path);
      return await router.run({ method, path: relative, version, query, headers, body }, route, params);
    } catch (err) {
      return errorResponse(err);
    }
  };
  routes.push(...compositeRoutes(state, dispatch));
  const server = createApiServer(state, router);
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  state.instanceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const share = (value: number): number => Math.min(1, Math.max(0, value));
  return {
    instanceUrl: state.instanceUrl,
    get accessToken(): string {
      return state.accessToken;
    },
    orgId: seeded.orgId,
    userId: seeded.userId,
    username: seeded.username,
    records: (sobject): Array<Record<string, unknown>> => {
      const obj = schema.get(sobject);
      return obj ? [...org.store.table(obj.name).live.values()].map((r) => ({ ...r })) : [];
    },
    seed: (sobject, rows) => seedRecords(org, sobject, rows),
    requestCounts: () => ({ ...state.counts }),
    injectFault: (rule) => org.faults.add(rule),
    lockRows: (sobject, count) => org.faults.rowLocks.set(schema.get(sobject)?.name ?? sobject, count),
    addValidationRule: (rule): void => {
      org.validationRules.set(rule.name, { ...rule, sobject: schema.get(rule.sobject)?.name ?? rule.sobject });
    },
    deactivateValidationRule: (name): void => {
      org.validationRules.delete(name);
    },
    setLockShare: (value): void => {
      org.faults.standing.lockShare = share(value);
    },
    setFailRate: (value): void => {
      org.faults.standing.failRate = share(value);
    },
    setLatency: (ms): void => {
      org.faults.standing.latencyMs = Math.max(0, ms);
    },
    apiUsage: () => ({ ...state.usage }),
    setApiUsage: ({ used, max }): void => {
      if (max !== undefined) state.usage.max = max;
      if (used !== undefined) state.usage.used = used;
    },
    exhaustApiLimit: (): void => {
      state.usage.used = state.usage.max;
    },
    expireSession: (): string => {
      state.accessToken = newToken(seeded.orgId);
      return state.accessToken;
    },
    snapshot: () => takeSnapshot(org),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(state.workDir, { recursive: true, force: true });
          done();
        });
      }),
  };
}

/** A session token in the shape the sf CLI checks: the 15-character org id, `!`, then opaque characters. */
function newToken(orgId: string): string {
  return `${orgId.slice(0, 15)}!AQ${randomBytes(24).toString('hex')}`;
}
