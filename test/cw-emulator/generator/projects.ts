/**
 * Projects (`project/projects`, api-notes §6.14): a few larger clients run one or two.
 * Estimated dates are date-only (midnight UTC); actual dates exist only once work started.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext, isoSeconds } from './context.js';
import { CustomFieldMaker } from './custom-fields.js';
import { References } from './references.js';

const NAMES = ['Office 365 Migration', 'Server Refresh', 'Network Upgrade', 'New Office Build-out', 'Security Hardening', "CEO's Home Office"];
const STATUSES = [
  { id: 1, name: 'Open' },
  { id: 2, name: 'In Progress' },
  { id: 3, name: 'Closed' },
];

function dateOnly(ms: number): string {
  return `${isoSeconds(ms).slice(0, 10)}T00:00:00Z`;
}

/** Everything a project of one company draws on. */
export interface ProjectInputs {
  company: CwRecord;
  contact?: CwRecord;
  managers: CwRecord[];
  fields: CustomFieldMaker;
}

/** Generates the projects of one company: usually none. */
export function generateProjects(
  context: GeneratorContext,
  refs: References,
  inputs: ProjectInputs,
  ids: { project: number },
  into: CwRecord[],
): void {
  const { random } = context;
  const count = random.weighted([0, 1, 2], [92, 6, 2]);
  for (let index = 0; index < count; index++) {
    const startMs = context.startMs + random.next() * (context.endMs - context.startMs);
    const endMs = startMs + random.int(14, 120) * 86_400_000;
    const closed = endMs < context.endMs && random.chance(0.8);
    const project: CwRecord = { id: ids.project++, name: random.pick(NAMES) };
    project.company = refs.company(inputs.company.id, String(inputs.company.identifier), String(inputs.company.name));
    if (inputs.contact) project.contact = refs.contact(inputs.contact);
    project.status = closed ? STATUSES[2] : random.pick(STATUSES.slice(0, 2));
    project.closedFlag = closed;
    project.board = { id: 1, name: 'Professional Services' };
    if (inputs.managers.length > 0) project.manager = refs.member(random.pick(inputs.managers));
    project.estimatedStart = dateOnly(startMs);
    project.estimatedEnd = dateOnly(endMs);
    if (startMs < context.endMs - 86_400_000) project.actualStart = dateOnly(startMs + 86_400_000);
    if (closed) project.actualEnd = dateOnly(endMs);
    project.estimatedHours = random.int(10, 400);
    project.actualHours = closed ? Number(project.estimatedHours) * (0.8 + random.next() * 0.5) : random.int(0, 100);
    project.budgetFlag = random.chance(0.5);
    project.billingMethod = random.pick(['FixedFee', 'ActualRates', 'NotToExceed']);
    project.percentComplete = closed ? 100 : random.int(0, 95);
    if (random.chance(0.6)) project.description = 'Scope per the signed proposal.\r\nPhase 1: discovery. Phase 2: cut-over.';
    project.customFields = inputs.fields.fieldsFor('project', 0.5);
    project._info = { lastUpdated: isoSeconds(Math.min(context.endMs, endMs)), updatedBy: context.updatedBy('zAdmin'), dateEntered: isoSeconds(startMs - 7 * 86_400_000) };
    into.push(project);
  }
}
