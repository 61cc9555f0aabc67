/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { StubHandler, StubReply, StubRequest } from './stubServer.js';
import { TEST_CREDENTIALS } from './stubServer.js';

export type Rec = { id: number; _info?: { lastUpdated?: string } } & Record<string, unknown>;

/** A hand-written tenant: top-level collections plus statuses per board and notes per ticket. */
export interface FakeTenantData {
  members: Rec[];
  boards: Rec[];
  statuses: Record<number, Rec[]>;
  priorities: Rec[];
  companies: Rec[];
  contacts: Rec[];
  tickets: Rec[];
  notes: Record<number, Rec[]>;
}

const TOP_LEVEL: Record<string, keyof FakeTenantData> = {
  'system/members': 'members',
  'service/boards': 'boards',
  'service/priorities': 'priorities',
  'company/companies': 'companies',
  'company/contacts': 'contacts',
  'service/tickets': 'tickets',
};

const EXPECTED_AUTH = `Basic ${Buffer.from(
  `${TEST_CREDENTIALS.companyId}+${TEST_CREDENTIALS.publicKey}:${TEST_CREDENTIALS.privateKey}`
).toString('base64')}`;

function filter(records: Rec[], conditions: string | null): Rec[] {
  let result = [...records].sort((a, b) => a.id - b.id);
  const since = conditions ? /lastUpdated > \[([^\]]+)\]/.exec(conditions) : null;
  if (since) {
    const after = Date.parse(since[1]);
    result = result.filter((record) => Date.parse(record._info?.lastUpdated ?? '1970-01-01T00:00:00Z') > after);
  }
  const afterId = conditions ? /\bid > (\d+)/.exec(conditions) : null;
  if (afterId) {
    result = result.filter((record) => record.id > Number(afterId[1]));
  }
  return result;
}

function linkTo(request: StubRequest, params: Record<string, string>): string {
  const url = new URL(request.url);
  for (const [key, value] of Object.entries(params)) {
    url.searchParams.set(key, value);
  }
  return url.toString();
}

function pageOf(request: StubRequest, records: Rec[], forwardOnlySupported: boolean): StubReply {
  const pageSize = Number(request.query.get('pageSize') ?? 25);
  if (forwardOnlySupported && request.headers['pagination-type'] === 'forward-only') {
    const pageId = Number(request.query.get('pageId') ?? 0);
    const rest = records.filter((record) => record.id > pageId);
    const body = rest.slice(0, pageSize);
    const headers: Record<string, string> = {};
    if (rest.length > pageSize) {
      headers.Link = `<${linkTo(request, { pageId: String(body[body.length - 1].id) })}>; rel="next"`;
    }
    return { body, headers };
  }
  const page = Number(request.query.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(records.length / pageSize));
  const body = records.slice((page - 1) * pageSize, page * pageSize);
  const links = [];
  if (page < last) links.push(`<${linkTo(request, { page: String(page + 1) })}>; rel="next"`);
  if (page > 1) links.push(`<${linkTo(request, { page: '1' })}>; rel="first"`);
  links.push(`<${linkTo(request, { page: String(last) })}>; rel="last"`);
  return { body, headers: { Link: links.join(', ') } };
}

/**
 * Answers like a ConnectWise tenant holding `data`: Basic auth, `/count`, conditions on
 * `lastUpdated > [..]` and `id > n`, navigable and forward-only paging with `Link` headers,
 * and 404 for unknown parents. `intercept` can answer a request first (to inject failures).
 */
export function fakeTenant(
  data: FakeTenantData,
  options: { forwardOnly?: boolean; intercept?: (request: StubRequest) => StubReply | undefined } = {}
): StubHandler {
  return (request) => {
    const injected = options.intercept?.(request);
    if (injected) return injected;
    if (request.headers.authorization !== EXPECTED_AUTH || !request.headers.clientid) {
      return { status: 401, body: { code: 'Unauthorized', message: 'UserNotAuthenticated', errors: null } };
    }
    const counting = request.path.endsWith('/count');
    const path = counting ? request.path.slice(0, -'/count'.length) : request.path;
    let records: Rec[] | undefined;
    const top = TOP_LEVEL[path];
    const child = /^service\/(boards|tickets)\/(\d+)\/(statuses|notes)$/.exec(path);
    if (top) {
      records = data[top] as Rec[];
    } else if (child) {
      const parentId = Number(child[2]);
      const parents = child[1] === 'boards' ? data.boards : data.tickets;
      if (!parents.some((parent) => parent.id === parentId)) {
        return { status: 404, body: { code: 'NotFound', message: `Ticket ${parentId} not found`, errors: null } };
      }
      records = (child[3] === 'statuses' ? data.statuses : data.notes)[parentId] ?? [];
    }
    if (!records) {
      return { status: 404, body: { code: 'ConnectWiseApi', message: 'The endpoint does not exist.', errors: null } };
    }
    const matching = filter(records, request.query.get('conditions'));
    return counting ? { body: { count: matching.length } } : pageOf(request, matching, options.forwardOnly ?? true);
  };
}

/** A small tenant with hand-picked values; every expected count in the tests comes from here. */
export function sampleTenant(): FakeTenantData {
  const at = (day: number): { lastUpdated: string; updatedBy: string } => ({
    lastUpdated: `2024-03-${String(day).padStart(2, '0')}T10:00:00Z`,
    updatedBy: 'jdoe      ',
  });
  const tickets: Rec[] = [];
  const notes: Record<number, Rec[]> = {};
  for (let id = 101; id <= 107; id++) {
    tickets.push({ id, summary: `Ticket ${id}`, board: { id: 1, name: 'Help Desk' }, _info: at(id - 100) });
    notes[id] = [1, 2].map((n) => ({ id: id * 10 + n, ticketId: id, text: `Note ${n} of ${id}`, _info: at(id - 100) }));
  }
  return {
    members: [
      { id: 1, identifier: 'jdoe', firstName: 'Jane', _info: at(1) },
      { id: 2, identifier: 'bsmith', firstName: 'Bob', _info: at(2) },
    ],
    boards: [
      { id: 1, name: 'Help Desk', _info: at(1) },
      { id: 2, name: 'O\'Brien "Projects"', _info: at(1) },
    ],
    statuses: {
      1: [
        { id: 11, name: 'New', board: { id: 1 } },
        { id: 12, name: 'Closed', board: { id: 1 } },
      ],
      2: [{ id: 21, name: 'New', board: { id: 2 } }],
    },
    priorities: [{ id: 4, name: 'Priority 3 - Normal', sortOrder: 3 }],
    companies: [1, 2, 3, 4, 5].map((id) => ({ id, identifier: `C${id}`, name: `Company ${id}`, _info: at(id) })),
    contacts: [1, 2, 3].map((id) => ({ id, firstName: `Contact ${id}`, company: { id }, _info: at(id) })),
    tickets,
    notes,
  };
}
