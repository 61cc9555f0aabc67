/*
 * Shared set-up for end-to-end suites: both emulators in this process, the real sf CLI in a HOME
 * of its own with the plugin linked and logged into the org emulator.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { startCwEmulator, type CwEmulator } from '../cw-emulator/server.js';
import { salesforceUsersFor } from '../cw-emulator/generator.js';
import type { Tenant } from '../cw-emulator/types.js';
import {
  diffLines,
  diffSnapshots,
  startOrgEmulator,
  type OrgEmulator,
  type OrgEmulatorOptions,
  type OrgSnapshot,
  type RecordEntry,
} from '../org-emulator/index.js';
import { linkPlugin, loginWithToken, runSfJson, sfEnvironment } from '../../scripts/lib/sfCli.js';

export interface Harness {
  cw: CwEmulator;
  org: OrgEmulator;
  env: NodeJS.ProcessEnv;
  dir: string;
  seededUsers: ReturnType<typeof salesforceUsersFor>;
  close(): Promise<void>;
}

export async function startHarness(tenant: Tenant, alias = 'e2e', orgOptions: OrgEmulatorOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'cwm-e2e-'));
  const cw = await startCwEmulator({ tenant });
  // One sf HOME may hold several emulators at once; the CLI files auth by username, so each gets its own.
  const org = await startOrgEmulator({ username: `admin.${alias}@cwm-emulator.example`, ...orgOptions });
  const seededUsers = salesforceUsersFor(tenant);
  org.seed('User', seededUsers.map((u) => ({ ...u, IsActive: true, Alias: u.Username.slice(0, 8) })));
  const env = sfEnvironment(join(dir, 'home'), {
    CW_SITE: cw.site,
    CW_COMPANY_ID: cw.companyId,
    CW_PUBLIC_KEY: cw.publicKey,
    CW_PRIVATE_KEY: cw.privateKey,
    CW_CLIENT_ID: cw.clientId,
  });
  await linkPlugin(env);
  await loginWithToken(env, org.instanceUrl, org.accessToken, alias);
  return {
    cw,
    org,
    env,
    dir,
    seededUsers,
    close: async () => {
      await cw.close();
      await org.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RunJson {
  status: number;
  result?: {
    runId: string;
    status: string;
    objects: Array<{ object: string; read: number; created: number; updated: number; unchanged: number; failed: number; skipped: number; inOrg: number }>;
    reports?: { folder: string; problemsCsv: string };
  };
  data?: unknown;
  message?: string;
}

/** Runs `sf cw migrate run --json` against the harness and returns the parsed output. */
export async function migrate(h: Harness, alias = 'e2e', extra: string[] = []): Promise<RunJson> {
  const args = ['cw', 'migrate', 'run', '--target-org', alias, '--auto-confirm', '--confidence', '0.5'];
  args.push('--work-dir', join(h.dir, 'work'), '--output-dir', join(h.dir, 'reports'), ...extra);
  const { json } = await runSfJson<RunJson>(args, h.env);
  return json;
}

export interface ProblemLine {
  outcome: string;
  sourceKind: string;
  sourceId: string;
  object: string;
  field: string;
  reason: string;
}

export function readProblems(file: string): ProblemLine[] {
  return parse(readFileSync(file, 'utf8'), { columns: true }) as ProblemLine[];
}

/** Ids compare by their first 15 characters, as Salesforce's do. */
export const short = (id: unknown): string => String(id ?? '').slice(0, 15);

/** A run record a rollback listed as kept in the org as the run's history. */
export const keptRunRecord =
  (kept: string[]) =>
  (entry: RecordEntry): boolean =>
    entry.sobject === 'CWM_Run__c' && kept.some((id) => short(id) === short(entry.id));

/**
 * Every difference between two snapshots, as readable lines (empty when the org is as it was);
 * `kept` are the run records the rollback listed, which the run added and the rollback keeps.
 */
export function differences(before: OrgSnapshot, after: OrgSnapshot, kept: string[] = []): string[] {
  return diffLines(diffSnapshots(before, after), keptRunRecord(kept));
}
