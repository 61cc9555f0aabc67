/**
 * Helpers the emulator's tests share: an authenticated GET and a tiny hand-written tenant whose
 * values the tests can state outright.
 */
import { CwEmulator } from './server.js';
import { CwRecord, Tenant } from './types.js';

/** A response as the tests look at it. */
export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** GETs a path under the API base (or a full URL) with the emulator's credentials, unless overridden. */
export async function cwGet(cw: CwEmulator, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const url = path.startsWith('http') ? path : `${cw.baseUrl}/${path}`;
  const auth = Buffer.from(`${cw.companyId}+${cw.publicKey}:${cw.privateKey}`).toString('base64');
  const response = await fetch(url, { headers: { authorization: `Basic ${auth}`, clientId: cw.clientId, ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The URLs of a Link header by rel. */
export function links(header: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const match = /^<([^>]+)>;\s*rel="([^"]+)"$/.exec(part.trim());
    if (match) result[match[2]] = match[1];
  }
  return result;
}

const board = (id: number, name: string): CwRecord => ({ id, name, inactiveFlag: false });
const status = (id: number, name: string, boardId: number, closedStatus: boolean): CwRecord => ({
  id,
  name,
  board: { id: boardId, name: boardId === 1 ? 'Help Desk' : 'Projects' },
  closedStatus,
});

/** A five-ticket tenant written by hand, so expected answers can be written by hand too. */
export function handTenant(): Tenant {
  return {
    members: [
      {
        id: 1,
        identifier: 'jdoe',
        firstName: 'John',
        lastName: 'Doe',
        inactiveFlag: false,
        primaryEmail: 'John.Doe@msp.example.com',
      },
      { id: 2, identifier: 'asmith', firstName: 'Ann', lastName: 'Smith', inactiveFlag: true },
    ],
    boards: [board(1, 'Help Desk'), board(2, 'Projects')],
    boardStatuses: [
      status(10, 'New', 1, false),
      status(11, 'Closed', 1, true),
      status(20, 'New', 2, false),
      status(21, 'Closed', 2, true),
    ],
    priorities: [{ id: 3, name: 'Priority 3 - Normal Response', sortOrder: 6 }],
    companies: [
      { id: 250, identifier: 'OBrien', name: "O'Brien & Sons, LLC", _info: { lastUpdated: '2024-01-10T08:00:00Z' } },
      {
        id: 251,
        identifier: 'Acme',
        name: '"Acme" Holdings',
        parentCompany: { id: 250, identifier: 'OBrien', name: "O'Brien & Sons, LLC" },
        _info: { lastUpdated: '2024-06-01T12:30:00Z', updatedBy: 'trigger        ' },
      },
    ],
    contacts: [
      {
        id: 5,
        firstName: 'Zoë',
        lastName: 'Müller',
        company: { id: 250, identifier: 'OBrien', name: "O'Brien & Sons, LLC" },
        communicationItems: [
          { id: 1, type: { id: 1, name: 'Email' }, value: 'zoe@obrien.example.com', communicationType: 'Email' },
        ],
        customFields: [{ id: 7, caption: 'Region', type: 'Text', value: 'West' }],
      },
      {
        id: 6,
        firstName: 'Πέτρος',
        company: { id: 251, identifier: 'Acme', name: '"Acme" Holdings' },
        customFields: [{ id: 7, caption: 'Region', type: 'Text', value: 'East' }],
      },
    ],
    tickets: [
      ticket(100, 'Printer offline', 1, 10, false, '2024-01-01T09:00:00Z', 250),
      ticket(101, 'Can\'t open "Q3 Report.xlsx"', 1, 11, true, '2024-02-01T09:00:00Z', 251),
      ticket(102, 'VPN drops, again', 2, 20, false, '2024-03-01T09:00:00Z', 250),
      ticket(103, 'Δεν λειτουργεί ο εκτυπωτής', 2, 21, true, '2024-04-01T09:00:00Z', 251),
      {
        id: 104,
        summary: 'No board yet',
        closedFlag: false,
        company: { id: 250, identifier: 'OBrien', name: "O'Brien & Sons, LLC" },
        _info: { lastUpdated: '2024-05-01T09:00:00Z', dateEntered: '2024-05-01T09:00:00Z' },
      },
    ],
    ticketNotes: [
      {
        id: 900,
        ticketId: 100,
        text: 'First line\r\nSecond line',
        detailDescriptionFlag: true,
        internalAnalysisFlag: false,
        resolutionFlag: false,
      },
      {
        id: 901,
        ticketId: 100,
        text: 'Internal',
        detailDescriptionFlag: false,
        internalAnalysisFlag: true,
        resolutionFlag: false,
      },
      {
        id: 902,
        ticketId: 101,
        text: 'Done',
        detailDescriptionFlag: false,
        internalAnalysisFlag: false,
        resolutionFlag: true,
      },
    ],
    companyInfo: { CompanyName: 'Hand Tenant', Codebase: 'v4_6_release/', CompanyID: 'handco', IsCloud: true },
  };
}

function ticket(
  id: number,
  summary: string,
  boardId: number,
  statusId: number,
  closed: boolean,
  entered: string,
  companyId: number,
): CwRecord {
  return {
    id,
    summary,
    board: { id: boardId, name: boardId === 1 ? 'Help Desk' : 'Projects' },
    status: { id: statusId, name: closed ? 'Closed' : 'New' },
    company: { id: companyId, identifier: companyId === 250 ? 'OBrien' : 'Acme' },
    closedFlag: closed,
    _info: { lastUpdated: entered, dateEntered: entered },
  };
}
