/*
 * Company -> Account. The parent hierarchy loads in waves by depth, so every parent exists before
 * its children; a parent that is missing, or a true cycle, is broken at one company and reported.
 */
import type { ProblemLog } from '../report/problems.js';
import type { ObjectDescribe } from '../salesforce/orgContext.js';
import { applyCustomFields, type CustomFieldMapping } from './customFields.js';
import { EXTERNAL_ID, RowBuilder, isoDateTime, type Row } from './rows.js';
import { present, type CwCompany } from './sourceTypes.js';

export interface AccountWave {
  depth: number;
  companies: CwCompany[];
}

export interface HierarchyPlan {
  waves: AccountWave[];
  /** The parent each company keeps once missing parents and cycles are cut. */
  parentOf: Map<number, number | undefined>;
}

/**
 * Orders companies into waves: depth 0 has no (usable) parent, depth n has its parent in wave n-1.
 * A company whose parent is not in the tenant, or that sits on a cycle, loads without a parent and
 * gets an "adjusted" line; the company on a cycle with the lowest id is the one cut loose.
 */
export function planHierarchy(companies: CwCompany[], problems: ProblemLog): HierarchyPlan {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const parentOf = new Map<number, number | undefined>();
  for (const company of companies) {
    const parentId = company.parentCompany?.id ?? undefined;
    if (parentId !== undefined && !byId.has(parentId)) {
      problems.add({
        outcome: 'adjusted',
        sourceKind: 'company',
        sourceId: company.id,
        object: 'Account',
        field: 'ParentId',
        reason: `Parent company ${parentId} is not in the ConnectWise data; the account loads without a parent.`,
      });
    }
    parentOf.set(company.id, parentId !== undefined && byId.has(parentId) ? parentId : undefined);
  }
  breakCycles(companies, parentOf, problems);

  const depth = new Map<number, number>();
  const depthOf = (id: number): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const chain: number[] = [];
    let current: number | undefined = id;
    while (current !== undefined && !depth.has(current)) {
      chain.push(current);
      current = parentOf.get(current);
    }
    let d = current === undefined ? -1 : depth.get(current)!;
    for (const member of chain.reverse()) depth.set(member, ++d);
    return depth.get(id)!;
  };
  const waves: AccountWave[] = [];
  for (const company of companies) {
    const d = depthOf(company.id);
    while (waves.length <= d) waves.push({ depth: waves.length, companies: [] });
    waves[d].companies.push(company);
  }
  return { waves, parentOf };
}

function breakCycles(companies: CwCompany[], parentOf: Map<number, number | undefined>, problems: ProblemLog): void {
  const settled = new Set<number>();
  for (const company of companies) {
    const path: number[] = [];
    const onPath = new Set<number>();
    let current: number | undefined = company.id;
    while (current !== undefined && !settled.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && onPath.has(current)) {
      const cycle = path.slice(path.indexOf(current));
      const cut = Math.min(...cycle);
      parentOf.set(cut, undefined);
      problems.add({
        outcome: 'adjusted',
        sourceKind: 'company',
        sourceId: cut,
        object: 'Account',
        field: 'ParentId',
        reason: `Companies ${cycle.join(' -> ')} are each other's parents; ${cut} loads without a parent to break the cycle.`,
      });
    }
    for (const id of path) settled.add(id);
  }
}

export interface AccountTransformContext {
  describe: ObjectDescribe;
  problems: ProblemLog;
  /** Set CreatedDate from ConnectWise: only on insert, and only where the org allows it. */
  setAuditFields: (company: CwCompany) => boolean;
  /** Parent companies that landed in Salesforce, by ConnectWise id. */
  landedParents: Set<string>;
  /** The parent each company keeps after cycles and missing parents are resolved. */
  parentOf: Map<number, number | undefined>;
  /** Where custom-field values go; without it they are left out (tests of other fields). */
  customFields?: CustomFieldMapping;
}

/** One Account row for one company. */
export function accountRow(company: CwCompany, ctx: AccountTransformContext): Row {
  const b = new RowBuilder(ctx.describe, ctx.problems, { kind: 'company', id: company.id });
  b.set(EXTERNAL_ID, String(company.id));
  b.set('Name', present(company.name) ? company.name : company.identifier ?? `ConnectWise company ${company.id}`);
  b.set('AccountNumber', company.identifier);
  const street = [company.addressLine1, company.addressLine2].filter(present).join('\n');
  b.set('BillingStreet', street);
  b.set('BillingCity', company.city);
  b.set('BillingState', company.state);
  b.set('BillingPostalCode', company.zip);
  b.set('BillingCountry', company.country?.name);
  b.set('Phone', company.phoneNumber);
  b.set('Fax', company.faxNumber);
  b.set('Website', company.website);
  const entered = isoDateTime(company._info?.dateEntered);
  b.set('Original_Create_Date__c', entered);
  if (entered && ctx.setAuditFields(company)) b.set('CreatedDate', entered);
  const parentId = ctx.parentOf.get(company.id);
  if (parentId !== undefined) {
    if (ctx.landedParents.has(String(parentId))) {
      b.set(`Parent.${EXTERNAL_ID}`, String(parentId));
    } else {
      ctx.problems.add({
        outcome: 'adjusted',
        sourceKind: 'company',
        sourceId: company.id,
        object: 'Account',
        field: 'ParentId',
        reason: `Parent company ${parentId} did not load; the account loads without a parent.`,
        action: 'Fix the parent (see its own line), then run again to set the parent.',
      });
    }
  }
  if (ctx.customFields) {
    applyCustomFields(b, company.customFields, { object: 'Account', describe: ctx.describe, mapping: ctx.customFields, problems: ctx.problems, source: { kind: 'company', id: company.id } });
  }
  return b.build();
}
