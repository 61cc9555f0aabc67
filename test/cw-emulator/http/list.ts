/**
 * Answers a collection request: filter by `conditions`, `childConditions`,
 * `customFieldConditions` and `pageId`, sort, page, and cut to `fields`.
 */
import { IncomingHttpHeaders } from 'node:http';
import { compileConditions, compileElementConditions } from '../conditions/evaluate.js';
import { ConditionsSyntaxError } from '../conditions/lexer.js';
import { CwRecord } from '../types.js';
import { badRequest } from './errors.js';
import { afterPageId, forwardOnlyLink, navigableLink, readPaging } from './paging.js';
import { inIdOrder, parseFields, parseOrderBy, project, sortRecords } from './query.js';

/** A response body with its extra headers. */
export interface Answer {
  body: unknown;
  headers: Record<string, string>;
}

/** Reads a query parameter whatever its case (`orderBy`, `orderby`, `OrderBy`). */
export function param(params: URLSearchParams, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [key, value] of params) {
    if (key.toLowerCase() === lower) return value;
  }
  return null;
}

/** Runs a filter, turning a type mismatch found while reading records into a 400. */
function filtered(records: CwRecord[], params: URLSearchParams): CwRecord[] {
  const filters: Array<(record: CwRecord) => boolean> = [];
  try {
    const conditions = param(params, 'conditions');
    if (conditions?.trim()) filters.push(compileConditions(conditions));
    const childConditions = param(params, 'childConditions');
    if (childConditions?.trim()) filters.push(compileConditions(childConditions));
    const customFieldConditions = param(params, 'customFieldConditions');
    if (customFieldConditions?.trim()) filters.push(compileElementConditions(customFieldConditions, 'customFields'));
    return filters.length === 0 ? records : records.filter((record) => filters.every((keep) => keep(record)));
  } catch (error) {
    if (error instanceof ConditionsSyntaxError) throw badRequest(error.message);
    throw error;
  }
}

/** The records a list or count request selects, in the order it asked for. */
function selected(
  records: CwRecord[],
  params: URLSearchParams,
  pageId: number | undefined,
  forwardOnly: boolean,
): CwRecord[] {
  let ordered = inIdOrder(records) ? records : sortRecords(records, []);
  ordered = afterPageId(filtered(ordered, params), pageId);
  const orderBy = param(params, 'orderBy');
  // Forward-only pages are keyed on id, so they always come in id order whatever orderBy says.
  if (orderBy?.trim() && !forwardOnly) ordered = sortRecords(ordered, parseOrderBy(orderBy));
  return ordered;
}

/** `GET …/count`: `{"count": N}` for the records the conditions select. */
export function answerCount(records: CwRecord[], params: URLSearchParams): Answer {
  return { body: { count: selected(records, params, undefined, false).length }, headers: {} };
}

/** `GET …/{collection}`: one page of records as a bare JSON array, with its Link header. */
export function answerList(
  records: CwRecord[],
  params: URLSearchParams,
  headers: IncomingHttpHeaders,
  requestUrl: URL,
): Answer {
  const paging = readPaging(params, headers);
  const all = selected(records, params, paging.pageId, paging.forwardOnly);
  const fieldsText = param(params, 'fields');
  const fields = fieldsText?.trim() ? parseFields(fieldsText) : undefined;
  const cut = (page: CwRecord[]): unknown[] => (fields ? page.map((record) => project(record, fields)) : page);
  if (paging.forwardOnly) {
    const page = all.slice(0, paging.pageSize);
    const more = all.length > page.length;
    // No Link header at all tells the client the run is complete.
    const link: Record<string, string> = more
      ? { link: forwardOnlyLink(requestUrl, paging, page[page.length - 1].id) }
      : {};
    return { body: cut(page), headers: link };
  }
  const start = (paging.page - 1) * paging.pageSize;
  const page = all.slice(start, start + paging.pageSize);
  return { body: cut(page), headers: { link: navigableLink(requestUrl, paging, all.length) } };
}

/** `GET …/{collection}/{id}`: the record, cut to `fields` if asked. */
export function answerItem(record: CwRecord, params: URLSearchParams): Answer {
  const fieldsText = param(params, 'fields');
  return { body: fieldsText?.trim() ? project(record, parseFields(fieldsText)) : record, headers: {} };
}
