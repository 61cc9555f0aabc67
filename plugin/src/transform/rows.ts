/*
 * A target row: Salesforce field names to values. A reference by external id is written as a flat
 * "Relationship.Field" key (`Account.CW_Id__c`), the form Bulk API 2.0 takes as a CSV column; the
 * REST loader turns it into the nested form.
 */
import type { ProblemLog } from '../report/problems.js';
import type { ObjectDescribe } from '../salesforce/orgContext.js';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/** The field that makes every load an upsert: the ConnectWise id. */
export const EXTERNAL_ID = 'CW_Id__c';

/** Where a value that does not fit its field goes instead, per object. */
const OVERFLOW_FIELD: Record<string, string> = {
  Account: 'Description',
  Contact: 'Description',
  Case: 'Description',
  ServiceContract: 'Description',
};

/**
 * Builds rows for one object: sets fields that fit, and moves a value that is longer than its
 * field into the object's long description (labelled with the field it belonged to), with an
 * "adjusted" line in the report. Nothing is cut.
 */
export class RowBuilder {
  private readonly overflow: string[] = [];

  public constructor(
    private readonly describe: ObjectDescribe,
    private readonly problems: ProblemLog,
    private readonly source: { kind: string; id: number },
    public readonly row: Row = {}
  ) {}

  /** Sets `field` when the value is present; blank values are left out. */
  public set(field: string, value: string | number | boolean | null | undefined): this {
    if (value === undefined || value === null || value === '') return this;
    if (typeof value !== 'string') {
      this.row[field] = value;
      return this;
    }
    const length = this.describe.fields.find((f) => f.name === field)?.length ?? 0;
    if (length > 0 && value.length > length) {
      this.overflow.push(`${field}: ${value}`);
      this.problems.add({
        outcome: 'adjusted',
        sourceKind: this.source.kind,
        sourceId: this.source.id,
        object: this.describe.name,
        field,
        reason: `Value of ${value.length} characters is longer than ${field} allows (${length}); kept whole in ${
          OVERFLOW_FIELD[this.describe.name] ?? 'the report'
        } instead.`,
      });
      return this;
    }
    this.row[field] = value;
    return this;
  }

  /** Adds a labelled line to the long description, for source values with no field of their own. */
  public note(line: string): this {
    this.overflow.push(line);
    return this;
  }

  /** The finished row, with overflowed values appended to the description field. */
  public build(): Row {
    const target = OVERFLOW_FIELD[this.describe.name];
    if (this.overflow.length > 0 && target) {
      const existing = typeof this.row[target] === 'string' ? `${this.row[target] as string}\n\n` : '';
      this.row[target] = `${existing}From ConnectWise:\n${this.overflow.join('\n')}`;
    }
    return this.row;
  }
}

/** Ids of the source records a run read, so a missing reference can say why it is missing. */
export interface SourceIds {
  companies: Set<string>;
  contacts: Set<string>;
}

/**
 * Why a referenced record is not there to point at: ConnectWise does not have it, or it did not
 * load (its own line in problems.csv says why). Without the source ids, both are named.
 */
export function missingReference(what: 'Company' | 'Contact', id: number, source: SourceIds | undefined): string {
  if (!source) return `${what} ${id} did not load or is not in the ConnectWise data`;
  const ids = what === 'Company' ? source.companies : source.contacts;
  return ids.has(String(id))
    ? `${what} ${id} did not load (its own line in problems.csv says why)`
    : `${what} ${id} is not in the ConnectWise data`;
}

/** ConnectWise dates are UTC ISO strings; Salesforce takes them as they are. Invalid ones are dropped. */
export function isoDateTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
