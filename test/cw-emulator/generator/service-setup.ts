/**
 * Service set-up tables: boards, their per-board statuses, and the global priorities.
 * Status names repeat across boards on purpose (every board has its own "New" and "Closed"),
 * because a migration must key its status mapping on (board, name), never on name alone.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext } from './context.js';
import { References } from './references.js';

type StatusTemplate = readonly [name: string, closed: boolean, escalation: string];

const HELP_DESK: readonly StatusTemplate[] = [
  ['New', false, 'NotResponded'],
  ['Assigned', false, 'Responded'],
  ['In Progress', false, 'Responded'],
  ['Waiting on Client', false, 'ResolutionPlan'],
  ['Scheduled', false, 'ResolutionPlan'],
  ['Escalated', false, 'Responded'],
  ['Completed', true, 'Resolved'],
  ['Closed', true, 'Resolved'],
];

const ALERTS: readonly StatusTemplate[] = [
  ['New', false, 'NotResponded'],
  ['Acknowledged', false, 'Responded'],
  ['In Progress', false, 'Responded'],
  ['Completed', true, 'Resolved'],
  ['>Closed', true, 'NoEscalation'],
];

const PROJECTS: readonly StatusTemplate[] = [
  ['New', false, 'NotResponded'],
  ['In Progress', false, 'Responded'],
  ['On Hold', false, 'ResolutionPlan'],
  ['Waiting on Vendor', false, 'ResolutionPlan'],
  ['Waiting on Client', false, 'ResolutionPlan'],
  ['Completed', true, 'Resolved'],
  ['Closed', true, 'Resolved'],
  ['Cancelled', true, 'NoEscalation'],
];

const BOARDS: ReadonlyArray<readonly [name: string, statuses: readonly StatusTemplate[]]> = [
  ['Help Desk', HELP_DESK],
  ['Network Operations Center', ALERTS],
  ['Professional Services', PROJECTS],
  ['Tier 2 / Escalations', HELP_DESK],
  ['Onboarding & Offboarding', PROJECTS],
  ['Alerts - RMM', ALERTS],
  ['Field Services', HELP_DESK],
  ['Security (SOC)', ALERTS],
  ["Client's Portal Requests", HELP_DESK],
  ['Procurement', PROJECTS],
];

/** Priorities as ConnectWise ships them, plus the "do not respond" one MSPs add. */
const PRIORITIES: ReadonlyArray<readonly [name: string, sortOrder: number, color: string]> = [
  ['Priority 1 - Emergency Response', 1, 'Red'],
  ['Priority 2 - Quick Response', 3, 'Orange'],
  ['Priority 3 - Normal Response', 6, 'Blue'],
  ['Priority 4 - Schedule Maintenance', 8, 'Green'],
  ['Priority 5 - Next Time', 10, 'Gray'],
  ['Do Not Respond', 12, 'Black'],
];

/** The service set-up of one tenant. */
export interface ServiceSetup {
  boards: CwRecord[];
  boardStatuses: CwRecord[];
  priorities: CwRecord[];
}

/** Boards grow with the tenant: 3 for a handful of companies, all 10 for thousands. */
function boardCount(companies: number): number {
  return Math.min(BOARDS.length, Math.max(3, Math.round(2 * Math.log10(companies) + 1)));
}

/** Generates boards with their statuses, and the priorities. */
export function generateServiceSetup(context: GeneratorContext, refs: References): ServiceSetup {
  const { random } = context;
  const boards: CwRecord[] = [];
  const boardStatuses: CwRecord[] = [];
  let statusId = 1;
  for (let index = 0; index < boardCount(context.options.companies); index++) {
    const [name, template] = BOARDS[index];
    const board: CwRecord = {
      id: index + 1,
      name,
      locationId: 2,
      businessUnitId: 10,
      inactiveFlag: false,
      projectFlag: false,
      billTime: 'NoDefault',
      _info: { lastUpdated: context.between(context.startMs, context.startMs + 86_400_000 * 30), updatedBy: 'zAdmin' },
    };
    boards.push(board);
    template.forEach(([statusName, closed, escalation], sortOrder) => {
      boardStatuses.push({
        id: statusId++,
        name: statusName,
        board: refs.board(board),
        sortOrder,
        displayOnBoard: !closed,
        inactive: false,
        closedStatus: closed,
        timeEntryNotAllowed: closed,
        defaultFlag: sortOrder === 0,
        escalationStatus: escalation,
        customerPortalFlag: random.chance(0.5),
      });
    });
    // Boards collect retired statuses over the years; some tickets still sit in them.
    if (random.chance(0.5)) {
      boardStatuses.push({
        id: statusId++,
        name: random.pick(['Pending Parts (old)', 'zz Do Not Use', 'Re-opened']),
        board: refs.board(board),
        sortOrder: template.length,
        displayOnBoard: false,
        inactive: true,
        closedStatus: false,
        timeEntryNotAllowed: false,
        defaultFlag: false,
        escalationStatus: 'NoEscalation',
        customerPortalFlag: false,
      });
    }
  }
  const priorities = PRIORITIES.map(([name, sortOrder, color], index): CwRecord => ({
    id: index + 1,
    name,
    color,
    sortOrder,
    defaultFlag: index === 2,
    _info: refsLinks(context, index + 1),
  }));
  return { boards, boardStatuses, priorities };
}

function refsLinks(context: GeneratorContext, id: number): Record<string, string> {
  const doubled = context.drawDoubledSlash();
  return {
    priority_href: context.href(`service/priorities/${id}`, doubled),
    image_href: context.href(`service/priorities/${id}/image?lm=2019-04-02T14:11:52Z`, doubled),
  };
}
