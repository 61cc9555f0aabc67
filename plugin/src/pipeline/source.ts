/* The ConnectWise records a run or a verification works from, read out of the work store. */
import type { SourceKind, WorkStore } from '../store/workStore.js';
import type {
  CwAgreement,
  CwAgreementType,
  CwBoard,
  CwBoardStatus,
  CwCompany,
  CwContact,
  CwMember,
  CwPriority,
  CwSla,
  CwTicket,
  CwTicketNote,
  CwUserDefinedField,
} from '../transform/sourceTypes.js';

/** The ConnectWise kinds this migration maps today; extraction reads these and their parents. */
export const MIGRATED_KINDS: readonly SourceKind[] = [
  'members',
  'boards',
  'boardStatuses',
  'priorities',
  'companies',
  'contacts',
  'tickets',
  'ticketNotes',
  'slas',
  'agreementTypes',
  'agreements',
  'userDefinedFields',
];

export interface Source {
  members: CwMember[];
  boards: CwBoard[];
  boardStatuses: CwBoardStatus[];
  priorities: CwPriority[];
  companies: CwCompany[];
  contacts: CwContact[];
  tickets: CwTicket[];
  notesByTicket: Map<number, CwTicketNote[]>;
  slas: CwSla[];
  agreementTypes: CwAgreementType[];
  agreements: CwAgreement[];
  userDefinedFields: CwUserDefinedField[];
}

export function readSource(store: WorkStore): Source {
  const all = <T>(kind: SourceKind): T[] => store.sourceRecords<T>(kind).filter((r) => !r.deleted).map((r) => r.payload);
  const notesByTicket = new Map<number, CwTicketNote[]>();
  for (const record of store.iterateSourceRecords<CwTicketNote>('ticketNotes')) {
    if (record.deleted || record.parentId === undefined) continue;
    const list = notesByTicket.get(record.parentId) ?? [];
    list.push(record.payload);
    notesByTicket.set(record.parentId, list);
  }
  return {
    members: all('members'),
    boards: all('boards'),
    boardStatuses: all('boardStatuses'),
    priorities: all('priorities'),
    companies: all('companies'),
    contacts: all('contacts'),
    tickets: all('tickets'),
    notesByTicket,
    slas: all('slas'),
    agreementTypes: all('agreementTypes'),
    agreements: all('agreements'),
    userDefinedFields: all('userDefinedFields'),
  };
}

