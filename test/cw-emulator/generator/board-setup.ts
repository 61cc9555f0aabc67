/**
 * A board's classification tables (api-notes §6.5): types, subtypes, items and teams. Like
 * statuses they are per board, and the same names repeat on every board with their own ids.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext } from './context.js';
import { References } from './references.js';

const TYPES: ReadonlyArray<readonly [name: string, category: string]> = [
  ['Incident', 'Reactive'],
  ['Service Request', 'Reactive'],
  ['Problem', 'Reactive'],
  ['Change', 'Proactive'],
  ['Maintenance', 'Proactive'],
];
const SUBTYPES = ['Hardware', 'Software', 'Network', 'Email', 'Printing', 'Security', 'Access / Permissions'];
const ITEMS = ['Workstation', 'Laptop', 'Server', 'Firewall', 'Microsoft 365', 'Line-of-business app', 'Printer'];
const TEAMS = ['Tier 1', 'Tier 2', 'Projects Team', 'After Hours'];

/** The classification tables of every board. */
export interface BoardSetup {
  boardTypes: CwRecord[];
  boardSubTypes: CwRecord[];
  boardItems: CwRecord[];
  boardTeams: CwRecord[];
}

function info(context: GeneratorContext): Record<string, string> {
  return { lastUpdated: context.between(context.startMs, context.startMs + 86_400_000 * 90), updatedBy: context.updatedBy('zAdmin') };
}

/** Generates types, subtypes, items and teams for each board; teams draw their members from `technicians`. */
export function generateBoardSetup(
  context: GeneratorContext,
  refs: References,
  boards: CwRecord[],
  technicians: CwRecord[],
): BoardSetup {
  const { random } = context;
  const setup: BoardSetup = { boardTypes: [], boardSubTypes: [], boardItems: [], boardTeams: [] };
  const ids = { type: 1, subType: 1, item: 1, team: 20 };
  for (const board of boards) {
    const boardRef = refs.board(board);
    const typeIds: number[] = [];
    TYPES.slice(0, random.int(3, TYPES.length)).forEach(([name, category], index) => {
      typeIds.push(ids.type);
      setup.boardTypes.push({
        id: ids.type++,
        name,
        category,
        defaultFlag: index === 0,
        inactiveFlag: false,
        requestForChangeFlag: name === 'Change',
        board: boardRef,
        location: refs.lookup('location', 2, 'Main Office'),
        department: refs.lookup('department', 10, 'Managed Services'),
        _info: info(context),
      });
    });
    for (const name of SUBTYPES.slice(0, random.int(3, SUBTYPES.length))) {
      const associated = typeIds.filter(() => random.chance(0.6));
      setup.boardSubTypes.push({
        id: ids.subType++,
        name,
        inactiveFlag: random.chance(0.05),
        typeAssociationIds: associated.length > 0 ? associated : [typeIds[0]],
        board: boardRef,
        _info: info(context),
      });
    }
    for (const name of ITEMS.slice(0, random.int(2, ITEMS.length))) {
      setup.boardItems.push({ id: ids.item++, name, inactiveFlag: false, board: boardRef, _info: info(context) });
    }
    TEAMS.slice(0, random.int(1, TEAMS.length)).forEach((name, index) => {
      const members = technicians.filter(() => random.chance(0.3)).map((member) => member.id);
      const leader = technicians.length > 0 ? random.pick(technicians) : undefined;
      const team: CwRecord = { id: ids.team++, name, boardId: board.id, businessUnitId: 10, defaultFlag: index === 0, locationId: 2 };
      team.members = members;
      team.notifyOnTicketDelete = false;
      if (leader) team.teamLeader = refs.member(leader);
      team._info = info(context);
      setup.boardTeams.push(team);
    });
  }
  return setup;
}
