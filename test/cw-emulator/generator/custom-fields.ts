/**
 * User-defined fields (api-notes §7): the definitions at `system/userDefinedFields` and the
 * `customFields[]` every record of a screen carries. Values are scalars of every field type,
 * though the spec says object; a field never set is either left out (`value` missing) or null,
 * as older and newer tenants do. Elements for unset fields are shared between records, since a
 * 50,000-ticket tenant would otherwise hold a few hundred thousand identical small objects.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext, isoSeconds } from './context.js';

/** The screens that carry custom fields, with the pod names the values report (2025 payloads). */
export type Screen = 'company' | 'contact' | 'ticket' | 'configuration' | 'agreement' | 'project';

type Definition = readonly [
  screen: Screen,
  caption: string,
  type: string,
  entryMethod: string,
  decimals: number,
  options?: readonly string[],
];

/** Screen ids and pod names; ct300 and the pod names are from the amp-labs sample, the rest follow its pattern. */
const SCREENS: Record<Screen, readonly [screenId: string, description: string, podId: number, pod: string]> = {
  company: ['cm100', 'Company', 1, 'company_detail'],
  contact: ['ct300', 'Contact', 5, 'contact_detail'],
  ticket: ['sr100', 'Service Ticket', 12, 'ticket_detail'],
  configuration: ['cf200', 'Configuration', 20, 'configuration_detail'],
  agreement: ['ag100', 'Agreement', 30, 'agreement_detail'],
  project: ['pm100', 'Project', 40, 'project_detail'],
};

/** Every field type and entry method appears at least once. */
const DEFINITIONS: readonly Definition[] = [
  ['company', 'Region', 'Text', 'List', 0, ['North', 'South', 'East', 'West', 'Österreich']],
  ['company', 'Contract Value', 'Currency', 'EntryField', 2],
  ['company', 'Onboarded', 'Date', 'Date', 0],
  ['company', 'Managed Services', 'Checkbox', 'EntryField', 0],
  ['company', 'Client Portal', 'Hyperlink', 'EntryField', 0],
  ['contact', 'Preferred Language', 'Text', 'Option', 0, ['English', 'Français', 'Deutsch', '日本語']],
  ['contact', 'VIP', 'Checkbox', 'EntryField', 0],
  ['contact', 'Birthday', 'Date', 'Date', 0],
  ['ticket', 'Root Cause', 'Text', 'List', 0, ['Hardware', 'Software', 'User Error', 'Network', "Vendor's fault"]],
  ['ticket', 'Customer Impact %', 'Percent', 'EntryField', 1],
  ['ticket', 'Escalation Notes', 'TextArea', 'EntryField', 0],
  ['configuration', 'Management IP', 'IPAddress', 'EntryField', 0],
  ['configuration', 'Local Admin Password', 'Password', 'EntryField', 0],
  ['configuration', 'Open in RMM', 'Button', 'EntryField', 0],
  ['agreement', 'Seats', 'Number', 'EntryField', 0],
  ['agreement', 'Renewal Date', 'Date', 'Date', 0],
  ['project', 'Budget Code', 'Text', 'EntryField', 0],
  ['project', 'Hours Cap', 'Number', 'EntryField', 2],
];

const FIRST_ID = 40;

function definitionGuid(index: number): string {
  return `${(0x5a000000 + index).toString(16)}-7535-ef11-828c-de755223c039`;
}

/** The definitions as `system/userDefinedFields` lists them. */
export function generateUserDefinedFields(context: GeneratorContext): CwRecord[] {
  let optionId = 100;
  return DEFINITIONS.map(([screen, caption, type, entryMethod, decimals, options], index): CwRecord => {
    const [screenId, screenDescription, podId] = SCREENS[screen];
    const definition: CwRecord = {
      id: FIRST_ID + index,
      podId,
      podDescription: `${screenDescription} Details`,
      caption,
      sequenceNumber: index + 1,
      screenId,
      screenDescription,
      fieldTypeIdentifier: type,
      numberDecimals: decimals,
      entryTypeIdentifier: entryMethod,
      requiredFlag: false,
      displayOnScreenFlag: true,
      readOnlyFlag: false,
      listViewFlag: index % 3 !== 2,
    };
    if (type === 'Button') definition.buttonUrl = 'https://rmm.example.test/device?id=[cf_recid]';
    if (options) {
      definition.options = options.map((optionValue, sortOrder) => ({
        id: optionId++,
        optionValue,
        defaultFlag: sortOrder === 0,
        inactiveFlag: sortOrder === options.length - 1 && options.length > 4,
        sortOrder,
      }));
    }
    definition.businessUnitIds = [];
    definition.locationIds = [];
    definition.connectWiseID = definitionGuid(index);
    definition.displayScreenInASIO = false;
    definition.dateCreated = context.between(context.startMs, context.startMs + 86_400_000 * 60);
    definition._info = {};
    return definition;
  });
}

function valueFor(context: GeneratorContext, definition: Definition): unknown {
  const { random } = context;
  const [, , type, , decimals, options] = definition;
  if (options) return random.pick(options);
  switch (type) {
    case 'Number':
      return decimals > 0 ? Math.round(random.next() * 50_000) / 100 : random.int(1, 500);
    case 'Currency':
      return Math.round(random.next() * 25_000_000) / 100;
    case 'Percent':
      return Math.round(random.next() * 1000) / 10;
    case 'Date':
      // Date-only values come back as midnight UTC (api-notes §2).
      return `${isoSeconds(context.startMs + random.next() * (context.endMs - context.startMs)).slice(0, 10)}T00:00:00Z`;
    case 'Checkbox':
      return random.chance(0.5);
    case 'Hyperlink':
      return `https://portal.example.test/c/${random.int(1000, 9999)}`;
    case 'IPAddress':
      return `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
    case 'TextArea':
      return random.chance(0.5) ? 'Called vendor.\r\nWaiting on RMA "#4471".' : 'Escalated to Tier 2; see ticket notes.';
    default:
      return random.pick(['BUD-2024-01', 'Alpha', "O'Neil fund", 'Δοκιμή', '']);
  }
}

/** One definition with the two shared elements that stand for "never set". */
interface SharedField {
  definition: Definition;
  missing: Readonly<Record<string, unknown>>;
  empty: Readonly<Record<string, unknown>>;
}

/** The custom fields of one screen, ready to hang on records; builds shared elements once. */
export class CustomFieldMaker {
  private readonly byScreen = new Map<Screen, SharedField[]>();

  public constructor(private readonly context: GeneratorContext) {
    DEFINITIONS.forEach((definition, index) => {
      const [screen, caption, type, entryMethod, decimals] = definition;
      const id = FIRST_ID + index;
      const base = { id, caption, type, entryMethod, numberOfDecimals: decimals };
      const tail = { connectWiseId: definitionGuid(index), rowNum: 1, userDefinedFieldRecId: id, podId: SCREENS[screen][3] };
      const list = this.byScreen.get(screen) ?? [];
      list.push({
        definition,
        missing: Object.freeze({ ...base, ...tail }),
        empty: Object.freeze({ ...base, value: null, ...tail }),
      });
      this.byScreen.set(screen, list);
    });
  }

  /**
   * The `customFields[]` of one record: each field set with probability `fill`, else unset
   * (the value key left out, or null). Buttons never carry a value and passwords never show one.
   */
  public fieldsFor(screen: Screen, fill = 0.5): Array<Record<string, unknown>> {
    const { random } = this.context;
    return (this.byScreen.get(screen) ?? []).map((field) => {
      const type = field.definition[2];
      const unset = type === 'Button' || type === 'Password' || !random.chance(fill);
      if (unset) return random.chance(0.5) ? field.missing : field.empty;
      return { ...field.missing, value: valueFor(this.context, field.definition) };
    });
  }
}
