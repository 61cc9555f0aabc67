import { expect } from 'chai';
import { autoConfirm } from '../../src/mapping/decisions.js';
import { proposeDecisions, type ProposalSource } from '../../src/mapping/proposals.js';
import { settleDecisions } from '../../src/mapping/snapshot.js';
import type { OrgContext, OrgUser } from '../../src/salesforce/orgContext.js';

const admin: OrgUser = { Id: '005A', Username: 'admin@org.example', Email: 'admin@org.example', IsActive: true };
const org: OrgContext = {
  orgId: '00D000000000001AAA',
  runningUser: admin,
  users: [
    admin,
    { Id: '005B', Username: 'jo@org.example', Email: 'jo.smith@msp.example', FirstName: 'Jo', LastName: 'Smith', IsActive: true },
    { Id: '005C', Username: 'max@org.example', Email: 'max@msp.example', FirstName: 'Max', LastName: 'Mustermann', IsActive: true },
    { Id: '005D', Username: 'gone@org.example', Email: 'gone@msp.example', IsActive: false },
    { Id: '005E', Username: 'li@org.example', Email: 'li.wei@other.example', FirstName: 'Li', LastName: 'Wei', IsActive: true },
  ],
  queues: [
    { Id: '00GQ1', Name: 'Help Desk', DeveloperName: 'Help_Desk', supportsCase: true },
    { Id: '00GQ2', Name: 'Projects', DeveloperName: 'Projects', supportsCase: false },
  ],
  caseStatuses: [
    { value: 'New', label: 'New', defaultValue: true, closed: false },
    { value: 'Working', label: 'Working', defaultValue: false, closed: false },
    { value: 'Escalated', label: 'Escalated', defaultValue: false, closed: false },
    { value: 'Closed', label: 'Closed', defaultValue: false, closed: true },
  ],
  casePriorities: [
    { value: 'High', label: 'High', defaultValue: false },
    { value: 'Medium', label: 'Medium', defaultValue: true },
    { value: 'Low', label: 'Low', defaultValue: false },
  ],
  describes: new Map(),
  inactiveOwnersAllowed: false,
};

const source: ProposalSource = {
  members: [
    { id: 1, identifier: 'jsmith', firstName: 'Jo', lastName: 'Smith', primaryEmail: 'Jo.Smith@MSP.example' },
    { id: 2, identifier: 'max', firstName: 'Max', lastName: 'Mustermann', primaryEmail: 'max@msp.example' },
    { id: 3, identifier: 'gone', primaryEmail: 'gone@msp.example', inactiveFlag: true },
    { id: 4, identifier: 'lwei', firstName: 'Li', lastName: 'Wei', primaryEmail: 'lwei@msp.example' },
  ],
  boards: [
    { id: 1, name: 'HELP-DESK' },
    { id: 2, name: 'Projects' },
  ],
  boardStatuses: [
    { id: 10, name: 'New', board: { id: 1 } },
    { id: 11, name: 'In Progress', board: { id: 1 } },
    { id: 12, name: 'Completed', board: { id: 1 }, closedStatus: true },
    { id: 20, name: 'New', board: { id: 2 } },
    { id: 21, name: 'Awaiting Parts', board: { id: 2 } },
  ],
  priorities: [
    { id: 8, name: 'Priority 3 - Normal Response', sortOrder: 3 },
    { id: 4, name: 'Priority 1 - Emergency Response', sortOrder: 1 },
    { id: 9, name: 'Tier Z', sortOrder: 9 },
  ],
  tickets: [
    { id: 100, board: { id: 1 }, status: { name: 'In Progress' }, priority: { id: 4 }, owner: { identifier: 'jsmith' } },
    { id: 101, board: { id: 1 }, status: { name: 'In Progress' }, priority: { id: 8 }, owner: { identifier: 'JSMITH' } },
    { id: 102, board: { id: 2 }, status: { name: 'Closed Lost' }, closedFlag: true, priority: { id: 9 } },
  ],
};

const policy = { unmatchedMembers: 'fallback' as const, fallbackOwner: admin };
const decisions = proposeDecisions(source, org, policy);
const find = (kind: string, key: string) => decisions.find((d) => d.kind === kind && d.sourceKey === key)!;

describe('proposeDecisions', () => {
  // Expected targets: a hand-written table of what an admin would choose for this tenant.
  const expected: Array<[string, string, string | undefined, number]> = [
    ['member', '1', '005B', 0.95], // email differs only in case
    ['member', '2', '005C', 1], // exact email
    ['member', '3', '005A', 0.9], // only an inactive user has the email: fallback owner
    ['member', '4', '005E', 0.7], // no email match, one active user with the same name
    ['board', '1', '00GQ1', 1], // "HELP-DESK" ~ "Help Desk"
    ['board', '2', undefined, 0.9], // the Projects queue cannot own cases: create one
    ['status', '1:New', 'New', 1],
    ['status', '1:In Progress', 'Working', 0.8],
    ['status', '1:Completed', 'Closed', 0.8],
    ['status', '2:Awaiting Parts', 'New', 0.5],
    ['status', '2:Closed Lost', 'Closed', 0.5], // known only from a closed ticket
    ['priority', '4', 'High', 0.8],
    ['priority', '8', 'Medium', 0.8],
    ['priority', '9', 'Low', 0.6], // by rank: last of three
  ];
  for (const [kind, key, target, confidence] of expected) {
    it(`proposes ${target ?? 'create'} for ${kind} ${key} at ${confidence}`, () => {
      const d = find(kind, key);
      expect(d.proposedTarget).to.equal(target);
      expect(d.confidence).to.equal(confidence);
      expect(d.reason).to.be.a('string').and.not.equal('');
    });
  }

  it('counts the tickets behind each value, matching member identifiers without case', () => {
    expect(find('member', '1').recordCount).to.equal(2);
    expect(find('status', '1:In Progress').recordCount).to.equal(2);
    expect(find('board', '2').recordCount).to.equal(1);
  });

  it('keeps statuses of the same name on two boards apart, with the board as context', () => {
    expect(find('status', '1:New').sourceContext).to.equal('HELP-DESK');
    expect(find('status', '2:New').sourceContext).to.equal('Projects');
  });
});

describe('settleDecisions', () => {
  it('auto-confirms at the threshold and leaves lower proposals open', () => {
    const { open } = settleDecisions([], decisions, { autoConfirm: true, threshold: 0.8 });
    expect(open.map((d) => `${d.kind}:${d.sourceKey}`).sort()).to.deep.equal(['member:4', 'priority:9', 'status:2:Awaiting Parts', 'status:2:Closed Lost']);
  });

  it('keeps what an admin decided when proposals are made again', () => {
    const made = autoConfirm(decisions, 0).map((d) => (d.kind === 'board' && d.sourceKey === '1' ? { ...d, status: 'Skip' as const } : d));
    const { decisions: again } = settleDecisions(made, proposeDecisions(source, org, policy), { autoConfirm: false, threshold: 1 });
    expect(again.find((d) => d.kind === 'board' && d.sourceKey === '1')?.status).to.equal('Skip');
  });

  it('without auto-confirm every new proposal stays open', () => {
    expect(settleDecisions([], decisions, { autoConfirm: false, threshold: 0 }).open).to.have.length(decisions.length);
  });
});
