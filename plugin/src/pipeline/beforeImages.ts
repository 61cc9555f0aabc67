/*
 * Before a run updates a record that was already in the org, the values it is about to overwrite
 * are kept in the journal, so rollback can put them back. Only the fields the run writes are kept;
 * the first image of a record in a run wins, so a resumed run never overwrites it with its own values.
 */
import type { Row } from '../transform/rows.js';
import { EXTERNAL_ID } from '../transform/rows.js';
import { queryAll } from '../salesforce/orgContext.js';
import type { LoadContext } from './context.js';

/** Fields Salesforce sets on insert only; an update never changes them, so they need no image. */
const INSERT_ONLY = new Set(['CreatedDate', 'CreatedById']);

/** `Parent.CW_Id__c` writes ParentId; `Site__r.CW_Id__c` writes Site__c. */
export function writtenField(key: string): string {
  const dot = key.indexOf('.');
  if (dot < 0) return key;
  const relationship = key.slice(0, dot);
  return relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** What a record holds now, read before a run writes it. */
export interface CurrentRecord {
  sfId: string;
  /** The values of the fields the run writes, by API name, as restore needs them. */
  image: Record<string, unknown>;
  /** The same record as queried, with relationship paths (Parent.CW_Id__c) for comparison. */
  queried: Record<string, unknown>;
}

/** Reads the current values of the fields `rows` will write, for rows already in the org, by CW id. */
export async function readCurrent(ctx: LoadContext, object: string, rows: Row[], existing: Set<string>): Promise<Map<string, CurrentRecord>> {
  const current = new Map<string, CurrentRecord>();
  const keys = rows.map((r) => String(r[EXTERNAL_ID])).filter((key) => existing.has(key));
  if (keys.length === 0) return current;
  const written = new Set<string>();
  const paths = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (key === EXTERNAL_ID || INSERT_ONLY.has(key)) continue;
      written.add(writtenField(key));
      if (key.includes('.')) paths.add(key);
    }
  }
  const select = [...new Set(['Id', EXTERNAL_ID, ...written, ...paths])].join(', ');
  for (let start = 0; start < keys.length; start += 200) {
    const chunk = keys.slice(start, start + 200);
    // eslint-disable-next-line no-await-in-loop
    const records = await queryAll<Record<string, unknown>>(
      ctx.conn,
      `SELECT ${select} FROM ${object} WHERE ${EXTERNAL_ID} IN (${chunk.map(quote).join(',')})`
    );
    for (const { attributes, ...queried } of records) {
      const image = Object.fromEntries(['Id', EXTERNAL_ID, ...written].map((f) => [f, queried[f] ?? null]));
      current.set(String(queried[EXTERNAL_ID]), { sfId: String(queried.Id), image, queried });
    }
  }
  return current;
}
