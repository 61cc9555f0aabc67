/**
 * Paging (api-notes §3). Navigable mode: `page` (1-based) and `pageSize` (default 25, at most
 * 1000), with a `Link` header naming the next and last pages; the last page has no `next`.
 * Forward-only mode (request header `pagination-type: forward-only`): keyset paging by id, where
 * `pageId=N` means "ids above N" and the `Link` header carries only `next` until the run is done.
 */
import { IncomingHttpHeaders } from 'node:http';
import { CwRecord } from '../types.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 1000;

/** How the client asked to be paged. */
export interface PageRequest {
  forwardOnly: boolean;
  page: number;
  pageSize: number;
  /** Only records with a greater id; set by forward-only links, and honoured in either mode. */
  pageId?: number;
}

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

/** Reads the paging parameters; sizes above the maximum are cut to it, as the server does. */
export function readPaging(params: URLSearchParams, headers: IncomingHttpHeaders): PageRequest {
  const mode = String(headers['pagination-type'] ?? '').toLowerCase();
  const pageSize = Math.min(
    MAX_PAGE_SIZE,
    positiveInt(params.get('pageSize') ?? params.get('pagesize')) ?? DEFAULT_PAGE_SIZE,
  );
  const pageIdText = params.get('pageId') ?? params.get('pageid');
  const pageId = pageIdText !== null && /^\s*-?\d+\s*$/.test(pageIdText) ? Number(pageIdText) : undefined;
  return { forwardOnly: mode === 'forward-only', page: positiveInt(params.get('page')) ?? 1, pageSize, pageId };
}

/** Drops records at or below `pageId`; `records` must be in ascending id order. */
export function afterPageId(records: CwRecord[], pageId: number | undefined): CwRecord[] {
  if (pageId === undefined) return records;
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (records[middle].id <= pageId) low = middle + 1;
    else high = middle;
  }
  return records.slice(low);
}

function linkTo(requestUrl: URL, changes: Record<string, string>, drop: string[]): string {
  const url = new URL(requestUrl.href);
  for (const name of drop) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(changes)) url.searchParams.set(name, value);
  return url.href;
}

/**
 * The Link header of a navigable page: `first` and `prev` after page 1, `next` before the last
 * page, and always `last`. Every other query parameter is carried over unchanged.
 */
export function navigableLink(requestUrl: URL, paging: PageRequest, total: number): string {
  const lastPage = Math.max(1, Math.ceil(total / paging.pageSize));
  const size = String(paging.pageSize);
  const parts: string[] = [];
  const at = (page: number, rel: string): void => {
    parts.push(`<${linkTo(requestUrl, { pageSize: size, page: String(page) }, ['pagesize'])}>; rel="${rel}"`);
  };
  if (paging.page > 1) {
    at(1, 'first');
    at(Math.min(paging.page - 1, lastPage), 'prev');
  }
  if (paging.page < lastPage) at(paging.page + 1, 'next');
  at(lastPage, 'last');
  return parts.join(', ');
}

/** The Link header of a forward-only page: `next` with the last id seen as `pageId`. */
export function forwardOnlyLink(requestUrl: URL, paging: PageRequest, lastId: number): string {
  const next = linkTo(requestUrl, { pageSize: String(paging.pageSize), pageId: String(lastId) }, [
    'page',
    'pageid',
    'pagesize',
  ]);
  return `<${next}>; rel="next"`;
}
