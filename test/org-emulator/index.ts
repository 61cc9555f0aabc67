import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
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
import type { OrgContext } from './org-context.js';
import { Schema } from './schema/schema.js';
import { seedOrg, seedRecords } from './seed.js';
import type { EmulatorState } from './state.js';
import { Store } from './store/store.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '../..');

export type OrgEmulatorOptions = {
  /** 0 / undefined = a random free port on 127.0.0.1. */
  port?: number;
  /** SFDX source folders whose objects/fields are added to the schema; default [<repo>/force-app/main/default]. */
  sourceDirs?: string[];
  /** The running user holds "Set Audit Fields upon Record Creation"; default true. */
  allowAuditFields?: boolean;
  /** The running user holds "Update Records with Inactive Owners"; default false. */
  allowInactiveOwners?: boolean;
  /** Daily API request allowance; default 5 000 000 so large demo loads fit. */
  dailyApiLimit?: number;
};

export type OrgEmulator = {
  /** e.g. http://127.0.0.1:PORT */
  instanceUrl: string;
  /** Matches /(00D\w{12,15})![.\w]*\/ as the sf CLI requires. */
  accessToken: string;
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
  close(): Promise<void>;
};

export type { FaultRule } from './faults.js';

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
    sourceDirs: options.sourceDirs ?? [resolve(REPO_ROOT, 'force-app/main/default')],
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
    faults: new Faults(),
  };
  const seeded = seedOrg(org);
  const state: EmulatorState = {
    org,
    dml: new DmlEngine(org),
    seeded,
    accessToken: `${seeded.orgId.slice(0, 15)}!AQ${randomBytes(24).toString('hex')}`,
    instanceUrl: '',
    usage: { used: 0, max: options.dailyApiLimit ?? 5_000_000 },
    counts: {},
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
  return {
    instanceUrl: state.instanceUrl,
    accessToken: state.accessToken,
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
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
