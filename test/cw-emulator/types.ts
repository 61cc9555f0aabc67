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
  /** The `/login/companyinfo/{companyId}` answer; `CompanyID` is the company id it answers for. */
  companyInfo: CompanyInfo;
}

/** The collections of a tenant that hold records, by property name. */
export type TenantCollection = Exclude<keyof Tenant, 'companyInfo'>;
