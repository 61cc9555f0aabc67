/*
 * What the migration needs to know about the target org before it decides anything: its users,
 * queues, entitlement processes, Case picklist values and what the running user may set.
 */
import type { Connection } from '@salesforce/core';

export interface OrgUser {
  Id: string;
  Username: string;
  Email?: string | null;
  FirstName?: string | null;
  LastName?: string | null;
  IsActive: boolean;
}

export interface OrgQueue {
  Id: string;
  Name: string;
  DeveloperName: string;
  /** The queue can own cases (it has a QueueSobject row for Case). */
  supportsCase: boolean;
}

export interface PicklistOption {
  value: string;
  label: string;
  defaultValue: boolean;
  /** For Case.Status: the CaseStatus row says the value closes the case. */
  closed?: boolean;
}

/** An entitlement process (SlaProcess): metadata, so it is mapped to, never created. */
export interface OrgSlaProcess {
  Id: string;
  Name: string;
}

export interface DescribeField {
  name: string;
  label?: string;
  custom?: boolean;
  type: string;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  restrictedPicklist?: boolean;
  referenceTo?: string[];
  relationshipName?: string | null;
  picklistValues?: Array<{ value: string; label: string; active: boolean; defaultValue: boolean }>;
}

export interface ObjectDescribe {
  name: string;
  fields: DescribeField[];
}

export interface OrgContext {
  orgId: string;
  /** The user the plugin runs as; the default fallback owner. */
  runningUser: OrgUser;
  users: OrgUser[];
  queues: OrgQueue[];
  caseStatuses: PicklistOption[];
  casePriorities: PicklistOption[];
  /** Active entitlement processes for cases; empty where Entitlement Management is off. */
  slaProcesses: OrgSlaProcess[];
  /** Entitlement Management is on: Entitlement and ServiceContract can be loaded. */
  entitlementsEnabled: boolean;
  describes: Map<string, ObjectDescribe>;
  /** The running user holds "Update Records with Inactive Owners". */
  inactiveOwnersAllowed: boolean;
}

/** Objects whose describe the load consults for lengths, required fields and audit fields. */
export const DESCRIBED_OBJECTS = ['Account', 'Contact', 'Case', 'CaseComment', 'User', 'Group'] as const;
/** Objects that exist only where Entitlement Management is on. */
export const ENTITLEMENT_OBJECTS = ['ServiceContract', 'Entitlement'] as const;

/** Reads the org context with a handful of describe calls and queries. */
export async function readOrgContext(conn: Connection): Promise<OrgContext> {
  const identity = await conn.request<{ user_id: string; organization_id: string }>('/services/oauth2/userinfo');
  const describes = new Map<string, ObjectDescribe>();
  for (const name of DESCRIBED_OBJECTS) {
    // eslint-disable-next-line no-await-in-loop
    describes.set(name, (await conn.describe(name)) as unknown as ObjectDescribe);
  }
  for (const name of ENTITLEMENT_OBJECTS) {
    // Until Entitlement Management is on, these objects do not exist and describe answers 404.
    // eslint-disable-next-line no-await-in-loop
    const describe = await conn.describe(name).catch(() => undefined);
    if (describe) describes.set(name, describe as unknown as ObjectDescribe);
  }
  const entitlementsEnabled = ENTITLEMENT_OBJECTS.every((name) => describes.has(name));
  const users = await queryAll<OrgUser>(conn, 'SELECT Id, Username, Email, FirstName, LastName, IsActive FROM User');
  const runningUser = users.find((u) => sameId(u.Id, identity.user_id));
  if (!runningUser) throw new Error(`The running user ${identity.user_id} is not visible in a query of User.`);
  return {
    orgId: identity.organization_id,
    runningUser,
    users,
    queues: await readQueues(conn),
    caseStatuses: await readCaseStatuses(conn, describes.get('Case')!),
    casePriorities: picklistOptions(describes.get('Case')!, 'Priority'),
    slaProcesses: entitlementsEnabled ? await readSlaProcesses(conn) : [],
    entitlementsEnabled,
    describes,
    inactiveOwnersAllowed: await holdsPermission(conn, runningUser.Id, 'PermissionsUpdateWithInactiveOwner'),
  };
}

/**
 * Whether a permission set assigned to the user (the profile's own one included, as every org
 * represents profile permissions that way) grants a permission. An org that will not answer the
 * query is taken to say no.
 */
export async function holdsPermission(conn: Connection, userId: string, permission: string): Promise<boolean> {
  try {
    const result = await conn.query(
      `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${userId}' AND PermissionSet.${permission} = true LIMIT 1`
    );
    return result.totalSize > 0;
  } catch {
    return false;
  }
}

/** Looks up one field of one described object. */
export function describeField(context: OrgContext, object: string, field: string): DescribeField | undefined {
  return context.describes.get(object)?.fields.find((f) => f.name === field);
}

/** The running user may set CreatedDate and CreatedById on insert of this object. */
export function canSetAuditFields(context: OrgContext, object: string): boolean {
  return describeField(context, object, 'CreatedDate')?.createable === true;
}

async function readQueues(conn: Connection): Promise<OrgQueue[]> {
  const groups = await queryAll<{ Id: string; Name: string; DeveloperName: string }>(
    conn,
    "SELECT Id, Name, DeveloperName FROM Group WHERE Type = 'Queue'"
  );
  const caseQueues = await queryAll<{ QueueId: string }>(
    conn,
    "SELECT QueueId FROM QueueSobject WHERE SobjectType = 'Case'"
  );
  const supporting = new Set(caseQueues.map((q) => q.QueueId.slice(0, 15)));
  return groups.map((g) => ({ ...g, supportsCase: supporting.has(g.Id.slice(0, 15)) }));
}

async function readCaseStatuses(conn: Connection, caseDescribe: ObjectDescribe): Promise<PicklistOption[]> {
  const rows = await queryAll<{ ApiName?: string; MasterLabel: string; IsClosed: boolean }>(
    conn,
    'SELECT MasterLabel, ApiName, IsClosed FROM CaseStatus'
  );
  const closed = new Map(rows.map((r) => [r.ApiName ?? r.MasterLabel, r.IsClosed]));
  return picklistOptions(caseDescribe, 'Status').map((o) => ({ ...o, closed: closed.get(o.value) ?? false }));
}

/**
 * Active processes for cases. Entitlement versioning adds more fields, which this query does not
 * ask for, so it works either way (SlaProcess in the Object Reference).
 */
async function readSlaProcesses(conn: Connection): Promise<OrgSlaProcess[]> {
  return queryAll<OrgSlaProcess>(conn, "SELECT Id, Name FROM SlaProcess WHERE SobjectType = 'Case' AND IsActive = true ORDER BY Name");
}

/** The active values of a picklist field, in the order the describe lists them. */
export function picklistOptions(describe: ObjectDescribe, field: string): PicklistOption[] {
  const values = describe.fields.find((f) => f.name === field)?.picklistValues ?? [];
  return values
    .filter((v) => v.active)
    .map((v) => ({ value: v.value, label: v.label ?? v.value, defaultValue: v.defaultValue }));
}

/**
 * Objects each connection's org was seen to have: a run asks at several steps. Only a "yes" is
 * kept, since a "no" may have been a failed request.
 */
const objectsSeen = new WeakMap<Connection, Set<string>>();

/** Whether the org has the object (a package's custom object is there once the package is deployed). */
export async function hasObject(conn: Connection, object: string): Promise<boolean> {
  const seen = objectsSeen.get(conn) ?? new Set<string>();
  objectsSeen.set(conn, seen);
  if (seen.has(object)) return true;
  try {
    await conn.describe(object);
    seen.add(object);
    return true;
  } catch {
    return false;
  }
}

/** A SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Values as SOQL IN lists (`'a','b'`) of at most 200 values and about 4,000 characters each: a
 * query travels in the URL of a GET, and long URLs are refused (414) before SOQL's own limits.
 */
export function inLists(values: string[]): string[] {
  const lists: string[][] = [];
  let length = 0;
  for (const literal of values.map(soqlString)) {
    const current = lists.at(-1);
    if (!current || current.length === 200 || length + literal.length > 4000) {
      lists.push([literal]);
      length = literal.length + 1;
    } else {
      current.push(literal);
      length += literal.length + 1;
    }
  }
  return lists.map((list) => list.join(','));
}

/** Runs a SOQL query and follows nextRecordsUrl to the end. */
export async function queryAll<T>(conn: Connection, soql: string): Promise<T[]> {
  const result = await conn.query<T & Record<string, unknown>>(soql, { autoFetch: true, maxFetch: 10_000_000 });
  return result.records as T[];
}

/** Compares ids regardless of their 15- or 18-character form. */
export function sameId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}
