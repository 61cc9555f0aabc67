/*
 * Reading back what the migration wrote: one Bulk API 2.0 query job per object, every page of its
 * results, so a tenant of any size costs a handful of API calls rather than one per 2,000 records.
 */
import type { Connection } from '@salesforce/core';
import { bulkQuery } from '../salesforce/bulk2.js';

/**
 * The records of one object with the fields asked for, each value under the name it was asked by
 * (a parent's field as `Parent.CW_Id__c`). Values are the CSV's text, '' for null.
 *
 * @param where a SOQL condition without the WHERE keyword; every record of the object without one.
 * @example
 * const cases = await readRecords(conn, 'Case', ['Id', 'CW_Id__c', 'Account.CW_Id__c'], 'CW_Id__c != null');
 */
export async function readRecords(
  conn: Connection,
  object: string,
  fields: string[],
  where?: string,
): Promise<Array<Record<string, string>>> {
  const names = [...new Set(fields)];
  const soql = `SELECT ${names.join(', ')} FROM ${object}${where ? ` WHERE ${where}` : ''}`;
  const records = await bulkQuery(conn, { soql });
  // Field names are not case-sensitive, so the org may head a column differently from the query.
  const asked = new Map(names.map((name) => [name.toLowerCase(), name]));
  return records.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([column, value]) => [asked.get(column.toLowerCase()) ?? column, value]),
    ),
  );
}
