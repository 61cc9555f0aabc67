/*
 * `verify`: re-reads what the migration put in the org and compares every mapped field with what
 * the source and the confirmed mapping say it should be. Every difference is a row with its
 * source id, Salesforce id, field, expected and actual value; counts are per object.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SfError, type Connection } from '@salesforce/core';
import { stringify } from 'csv-stringify/sync';
import { digestOf } from '../transform/comments.js';
import { EXTERNAL_ID } from '../transform/rows.js';
import { Journal } from '../pipeline/journal.js';
import { orgStores } from '../pipeline/runJournals.js';
import { readSource, type Source } from '../pipeline/source.js';
import { readOrgContext, type ObjectDescribe, type OrgContext } from '../salesforce/orgContext.js';
import { WorkStore } from '../store/workStore.js';
import { sameFieldValue, type Comparable } from './compare.js';
import { expectedState, type ExpectedComment, type ExpectedObject } from './expected.js';
import { readRecords } from './readBack.js';

export interface Difference {
  object: string;
  sourceKind: string;
  sourceId: number | string;
  salesforceId: string;
  field: string;
  expected: string;
  actual: string;
}

export interface ObjectVerification {
  object: string;
  /** Source records of the kind. */
  source: number;
  /** Records the migration should have put in the org (skipped ones excluded). */
  expected: number;
  present: number;
  matching: number;
}

export interface VerifyResult {
  objects: ObjectVerification[];
  differenceCount: number;
  /** The first 1,000 differences; all of them are in differences.csv. */
  differences: Difference[];
  reportFolder: string;
}

export interface VerifyOptions {
  conn: Connection;
  workDir: string;
  outputDir: string;
  progress: (phase: string) => void;
  /** Verify only these records (a sample run's slice); the whole work store otherwise. */
  source?: Source;
}

function openStore(workDir: string, orgId: string): WorkStore {
  const stores = orgStores(workDir, orgId);
  if (stores.length !== 1) {
    throw new SfError(
      stores.length === 0
        ? `No work store for org ${orgId} under ${workDir}.`
        : `Several work stores for org ${orgId} under ${workDir}: ${stores.join(', ')}.`,
      'WorkStoreNotFound',
      ['Pass --work-dir with the folder the migration ran from (it holds .cw-migrate/).']
    );
  }
  const store = WorkStore.openFile(stores[0]);
  // A store whose runs all stopped before loading anything (bad credentials, say) has nothing to
  // compare; "every record matches" would then be a false all-clear.
  if (!new Journal(store.db).runs().some((run) => run.finished)) {
    store.close();
    throw new SfError(`No migration run finished with the work store ${stores[0]}, so there is nothing to verify.`, 'NothingToVerify', [
      'Run the migration first: sf cw migrate run (with the same --work-dir).',
    ]);
  }
  return store;
}

/** The describe of an object: the one the org context read, else asked of the org now. */
async function describeOf(conn: Connection, org: OrgContext, object: string): Promise<ObjectDescribe> {
  return org.describes.get(object) ?? ((await conn.describe(object)) as unknown as ObjectDescribe);
}

async function verifyObject(
  conn: Connection,
  describe: ObjectDescribe,
  expected: ExpectedObject,
  differences: Difference[]
): Promise<ObjectVerification & { idsByKey: Map<string, string> }> {
  const { object } = expected;
  const fields = [...new Set(expected.records.flatMap((e) => Object.keys(e.row)))].filter((f) => f !== EXTERNAL_ID && f !== 'CreatedDate');
  const records = await readRecords(conn, object, ['Id', EXTERNAL_ID, ...fields], expected.where ?? `${EXTERNAL_ID} != null`);
  const byKey = new Map(records.map((r) => [r[EXTERNAL_ID], r]));
  const fieldOf = new Map(describe.fields.map((f) => [f.name, f]));
  let present = 0;
  let matching = 0;
  for (const e of expected.records) {
    const actual = byKey.get(String(e.row[EXTERNAL_ID]));
    const base = { object, sourceKind: e.sourceKind, sourceId: e.sourceId };
    if (!actual) {
      differences.push({ ...base, salesforceId: '', field: '(record)', expected: 'present', actual: 'missing' });
      continue;
    }
    present++;
    let same = true;
    for (const field of fields) {
      const want = e.row[field] as Comparable;
      const got = actual[field];
      // A parent's field (`Account.CW_Id__c`) has no describe here and compares as text.
      if (!sameFieldValue(fieldOf.get(field), want, got)) {
        same = false;
        differences.push({ ...base, salesforceId: actual.Id, field, expected: String(want ?? ''), actual: got ?? '' });
      }
    }
    if (same) matching++;
  }
  return {
    object,
    source: expected.source,
    expected: expected.records.length,
    present,
    matching,
    // Only the records compared: a sample's slice says nothing of the others (or of their comments).
    idsByKey: new Map(expected.records.flatMap((e): Array<[string, string]> => {
      const key = String(e.row[EXTERNAL_ID]);
      const id = byKey.get(key)?.Id;
      return id ? [[key, id]] : [];
    })),
  };
}

/** Verifies everything the migration of this org's work store should have written. */
export async function verifyMigration(options: VerifyOptions): Promise<VerifyResult> {
  options.progress('Reading the org');
  const org = await readOrgContext(options.conn);
  const store = openStore(options.workDir, org.orgId);
  try {
    const journal = new Journal(store.db);
    const source = options.source ?? readSource(store);
    const landed = (object: string): Set<string> => new Set(journal.landed(object).keys());
    const expected = expectedState(source, journal.decisions(), org, landed, journal.meta('fallbackOwnerId') ?? org.runningUser.Id);
    const differences: Difference[] = [];
    const objects: ObjectVerification[] = [];
    let caseIds = new Map<string, string>();
    for (const expectedObject of expected.objects) {
      options.progress(`Comparing ${expectedObject.object}`);
      // eslint-disable-next-line no-await-in-loop
      const describe = await describeOf(options.conn, org, expectedObject.object);
      // eslint-disable-next-line no-await-in-loop
      const { idsByKey, ...counts } = await verifyObject(options.conn, describe, expectedObject, differences);
      if (expectedObject.object === 'Case') caseIds = idsByKey;
      objects.push(counts);
    }

    options.progress('Comparing CaseComment');
    objects.push(await verifyComments(options.conn, expected.comments, caseIds, differences));

    const reportFolder = join(options.outputDir, `verify-${new Date().toISOString().replace(/[-:.]/g, '').replace(/Z$/, '')}`);
    mkdirSync(reportFolder, { recursive: true });
    writeFileSync(
      join(reportFolder, 'differences.csv'),
      stringify(differences, { header: true, columns: ['object', 'sourceKind', 'sourceId', 'salesforceId', 'field', 'expected', 'actual'] })
    );
    writeFileSync(join(reportFolder, 'verification.json'), JSON.stringify({ objects, differenceCount: differences.length }, null, 2));
    return { objects, differenceCount: differences.length, differences: differences.slice(0, 1000), reportFolder };
  } finally {
    store.close();
  }
}

async function verifyComments(
  conn: Connection,
  expected: ExpectedComment[],
  caseIds: Map<string, string>,
  differences: Difference[]
): Promise<ObjectVerification> {
  const comments = await readRecords(conn, 'CaseComment', ['Id', 'ParentId', 'CommentBody'], `Parent.${EXTERNAL_ID} != null`);
  // caseIds holds the cases compared; comments on other cases are none of this verification's.
  const compared = new Set([...caseIds.values()].map((id) => id.slice(0, 15)));
  const found = new Map<string, string[]>();
  for (const c of comments.filter((comment) => compared.has(comment.ParentId.slice(0, 15)))) {
    const key = `${c.ParentId.slice(0, 15)}:${digestOf(c.CommentBody)}`;
    found.set(key, [...(found.get(key) ?? []), c.Id]);
  }
  let present = 0;
  for (const e of expected) {
    const caseId = caseIds.get(String(e.ticketId));
    const key = `${(caseId ?? '').slice(0, 15)}:${e.digest}`;
    const ids = found.get(key);
    if (ids && ids.length > 0) {
      present++;
      ids.shift();
    } else {
      differences.push({ object: 'CaseComment', sourceKind: 'ticketNote', sourceId: e.noteId, salesforceId: caseId ?? '', field: 'CommentBody', expected: e.body.slice(0, 200), actual: 'missing' });
    }
  }
  // Whatever is left over is a comment no note accounts for: a duplicate, or one added by hand.
  for (const [key, ids] of found) {
    for (const id of ids) {
      differences.push({ object: 'CaseComment', sourceKind: 'ticketNote', sourceId: '', salesforceId: id, field: 'CommentBody', expected: 'no such comment', actual: `unexpected comment on case ${key.split(':')[0]}` });
    }
  }
  return { object: 'CaseComment', source: expected.length, expected: expected.length, present, matching: present };
}
