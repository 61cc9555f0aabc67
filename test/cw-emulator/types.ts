/**
 * The data the ConnectWise emulator serves: plain objects in the shape the Manage REST API
 * returns them (api-notes §2 and §6). Records stay loosely typed on purpose: the real API leaves
 * out null and empty properties, embeds odd shapes in old tenants, and the sample payloads must
 * pass through unchanged, so a strict interface per entity would either lie or get in the way.
 */

/** One ConnectWise record as JSON: an object with a numeric `id` and whatever else the API sends. */
export type CwRecord = { id: number } & Record<string, unknown>;

/** The body of `GET /login/companyinfo/{companyId}` (unauthenticated; outside `/apis/3.0`). */
export type CompanyInfo = Record<string, unknown>;

/**
 * A ConnectWise tenant. Every array is in the order the API would list it (ascending id) and
 * every element is exactly what the API returns for that collection.
 *
 * The emulator reads these arrays on each request, so tests may push, splice or edit records in
 * place; set `_info.lastUpdated` when you change one, as the real server would.
 */
export interface Tenant {
  /** `system/members`. */
  members: CwRecord[];
  /** `service/boards`. */
  boards: CwRecord[];
  /** `service/boards/{id}/statuses`, all boards together; each status names its board in `board.id`. */
  boardStatuses: CwRecord[];
  /** `service/priorities`. */
  priorities: CwRecord[];
  /** `company/companies`. */
  companies: CwRecord[];
  /** `company/contacts`. */
  contacts: CwRecord[];
  /** `service/tickets`. */
  tickets: CwRecord[];
  /** `service/tickets/{id}/notes`, all tickets together; each note names its ticket in `ticketId`. */
  ticketNotes: CwRecord[];
  /** `system/userDefinedFields` (custom-field definitions), where the tenant has any. */
  userDefinedFields?: CwRecord[];
  /** `service/boards/{id}/types`, all boards together, each naming its board in `board.id`. */
  boardTypes?: CwRecord[];
  /** `service/boards/{id}/subtypes`, by `board.id`. */
  boardSubTypes?: CwRecord[];
  /** `service/boards/{id}/items`, by `board.id`. */
  boardItems?: CwRecord[];
  /** `service/boards/{id}/teams`, by `boardId` (teams carry a bare id, not a reference). */
  boardTeams?: CwRecord[];
  /** `service/SLAs`. */
  slas?: CwRecord[];
  /** `service/SLAs/{id}/priorities`, all SLAs together, by `sla.id`. */
  slaPriorities?: CwRecord[];
  /** `company/companies/{id}/sites`, by `company.id`. */
  companySites?: CwRecord[];
  /** `company/companies/{id}/notes`, by `company.id`. */
  companyNotes?: CwRecord[];
  /** `time/entries`; ticket time names its ticket in `chargeToType`/`chargeToId`. */
  timeEntries?: CwRecord[];
  /** `company/configurations`. */
  configurations?: CwRecord[];
  /** `company/configurations/types`. */
  configurationTypes?: CwRecord[];
  /** `company/configurations/statuses`. */
  configurationStatuses?: CwRecord[];
  /** `procurement/catalog`. */
  catalogItems?: CwRecord[];
  /** `finance/agreements`. */
  agreements?: CwRecord[];
  /** `finance/agreements/{id}/additions`, all agreements together, by `agreementId`. */
  agreementAdditions?: CwRecord[];
  /** `finance/agreements/types`. */
  agreementTypes?: CwRecord[];
  /** `service/knowledgeBaseArticles`. */
  kbArticles?: CwRecord[];
  /** `service/knowledgeBaseCategories`. */
  kbCategories?: CwRecord[];
  /** `service/knowledgeBaseSubCategories`. */
  kbSubCategories?: CwRecord[];
  /** `finance/invoices`. */
  invoices?: CwRecord[];
  /** `project/projects`. */
  projects?: CwRecord[];
  /** `system/documents`: each document with the record it is attached to (the API lists them per record). */
  documents?: DocumentEntry[];
  /** The `/login/companyinfo/{companyId}` answer; `CompanyID` is the company id it answers for. */
  companyInfo: CompanyInfo;
}

/**
 * A document (`system/documents`): the `DocumentInfo` the API lists, the record it hangs on
 * (the list is queried by `recordType` and `recordId`, and the info itself does not say), and
 * optionally its bytes. Without `content` the emulator makes `info.size` bytes from the id on
 * each download, so a large tenant's files cost no memory.
 */
export interface DocumentEntry {
  recordType: string;
  recordId: number;
  info: CwRecord;
  content?: Buffer | string;
}

/** The collections of a tenant that hold plain records, by property name. */
export type TenantCollection = Exclude<keyof Tenant, 'companyInfo' | 'documents'>;
