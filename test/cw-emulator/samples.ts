/**
 * Samples mode: a tenant built from real ConnectWise payloads (test/fixtures/connectwise/samples,
 * see PROVENANCE.md there) exactly as they were recorded. Nothing is cleaned: missing keys,
 * nulls, whole objects where the API sends references, `//` in links, and references to records
 * that are not in the set all stay, because the migration has to cope with them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CwRecord, Tenant, TenantCollection } from './types.js';

/** The folder the sample payloads live in. */
export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'connectwise', 'samples');

const KERKHOFF = 'KerkhoffTechnologies-django-connectwise';
const AMP = 'amp-labs-connectors';

/**
 * Which sample files make up each collection (paths relative to {@link SAMPLES_DIR}). A file
 * holds either one record (a get-by-id answer) or a list.
 */
export const SAMPLE_SOURCES: Partial<Record<TenantCollection, readonly string[]>> = {
  members: [`${KERKHOFF}/fixtures.API_MEMBER.json`],
  boards: [`${KERKHOFF}/fixtures.API_BOARD.json`],
  boardStatuses: [`${KERKHOFF}/fixtures.API_BOARD_STATUS_LIST.json`],
  priorities: [
    `${KERKHOFF}/fixtures.API_SERVICE_PRIORITY.json`,
    `${KERKHOFF}/fixtures.API_SERVICE_PRIORITY_LIMITED.json`,
  ],
  companies: [`${KERKHOFF}/fixtures.API_COMPANY.json`],
  contacts: [
    `${KERKHOFF}/fixtures.API_COMPANY_CONTACT_LIST.json`,
    `${AMP}/test/read/one-contact.json`,
    `${AMP}/test/read/contact-emma-diaz.json`,
    `${AMP}/test/read/contact-frank-fenrir.json`,
    `${AMP}/test/write/contacts/new.json`,
  ],
  tickets: [`${KERKHOFF}/fixtures.API_SERVICE_TICKET.json`],
  ticketNotes: [`${KERKHOFF}/fixtures.API_SERVICE_NOTE_LIST.json`],
  userDefinedFields: [`${AMP}/test/custom-fields/definitions.json`],
  boardTypes: [`${KERKHOFF}/fixtures.API_TYPE.json`],
  boardSubTypes: [`${KERKHOFF}/fixtures.API_SUBTYPE.json`],
  boardItems: [`${KERKHOFF}/fixtures.API_ITEM.json`],
  boardTeams: [`${KERKHOFF}/fixtures.API_SERVICE_TEAM_LIST.json`],
  slas: [`${KERKHOFF}/fixtures.API_SERVICE_SLA.json`],
  slaPriorities: [`${KERKHOFF}/fixtures.API_SERVICE_SLA_PRIORITY.json`],
  companySites: [`${KERKHOFF}/fixtures.API_COMPANY_SITE_LIST.json`],
  timeEntries: [`${KERKHOFF}/fixtures.API_TIME_ENTRY.json`],
  configurationTypes: [`${KERKHOFF}/fixtures.API_CONFIGURATION_TYPES.json`],
  configurationStatuses: [`${KERKHOFF}/fixtures.API_CONFIGURATION_STATUS.json`],
  agreements: [`${KERKHOFF}/fixtures.API_AGREEMENT.json`],
  agreementTypes: [`${KERKHOFF}/fixtures.API_AGREEMENT_TYPE.json`],
  projects: [`${KERKHOFF}/fixtures.API_PROJECT.json`],
};

/** The `/login/companyinfo` answer of the sample tenant (company id `CW`). */
export const SAMPLE_COMPANY_INFO = `${KERKHOFF}/fixtures.API_COMPANY_INFO.json`;

/** Reads one sample file as parsed JSON. */
export function readSample(relativePath: string): unknown {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, relativePath), 'utf8')) as unknown;
}

function records(paths: readonly string[] = []): CwRecord[] {
  const all = paths.flatMap((path) => {
    const content = readSample(path);
    return (Array.isArray(content) ? content : [content]) as CwRecord[];
  });
  // The API lists in ascending id order; the files come from different tenants in no order.
  return all.sort((a, b) => a.id - b.id);
}

/** Builds a tenant from the sample payloads, unchanged. Each call reads the files afresh. */
export function loadSampleTenant(): Tenant {
  const tenant: Tenant = {
    members: records(SAMPLE_SOURCES.members),
    boards: records(SAMPLE_SOURCES.boards),
    boardStatuses: records(SAMPLE_SOURCES.boardStatuses),
    priorities: records(SAMPLE_SOURCES.priorities),
    companies: records(SAMPLE_SOURCES.companies),
    contacts: records(SAMPLE_SOURCES.contacts),
    tickets: records(SAMPLE_SOURCES.tickets),
    ticketNotes: records(SAMPLE_SOURCES.ticketNotes),
    companyInfo: readSample(SAMPLE_COMPANY_INFO) as Tenant['companyInfo'],
  };
  for (const [collection, paths] of Object.entries(SAMPLE_SOURCES) as Array<[TenantCollection, readonly string[]]>) {
    if (!(collection in tenant)) tenant[collection] = records(paths);
  }
  return tenant;
}
