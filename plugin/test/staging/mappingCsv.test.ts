import { expect } from 'chai';
import type { MappingDecision } from '../../src/mapping/decisions.js';
import { decisionsToCsv, readDecisionsCsv, type MappingTargets } from '../../src/staging/mappingCsv.js';

/** The org's targets, by hand: two users, one case queue, four statuses, three priorities. */
const targets: MappingTargets = {
  member: [
    { value: '005000000000001AAA', label: 'admin@org.example' },
    { value: '005000000000002AAA', label: 'jo@org.example' },
  ],
  board: [{ value: '00G000000000001AAA', label: 'Help Desk' }],
  status: [
    { value: 'New', label: 'New' },
    { value: 'Working', label: 'Working' },
    { value: 'Escalated', label: 'Escalated' },
    { value: 'Closed', label: 'Closed' },
  ],
  priority: [
    { value: 'High', label: 'High' },
    { value: 'Medium', label: 'Medium' },
    { value: 'Low', label: 'Low' },
  ],
};

const base = { recordCount: 3, confidence: 0.9, reason: 'Because.' };
const decisions: MappingDecision[] = [
  {
    ...base,
    kind: 'member',
    sourceKey: '11',
    sourceLabel: 'Jo Smith',
    sourceContext: 'jsmith',
    status: 'Proposed',
    proposedTarget: '005000000000002AAA',
    proposedLabel: 'jo@org.example',
  },
  {
    ...base,
    kind: 'board',
    sourceKey: '1',
    sourceLabel: 'Help Desk',
    status: 'Confirmed',
    proposedTarget: '00G000000000001AAA',
    proposedLabel: 'Help Desk',
    confirmedTarget: '00G000000000001AAA',
  },
  { ...base, kind: 'board', sourceKey: '2', sourceLabel: 'Alerts, "RMM"', status: 'Proposed' },
  {
    ...base,
    kind: 'status',
    sourceKey: '1:In Progress',
    sourceLabel: 'In Progress',
    sourceContext: 'Help Desk',
    status: 'Proposed',
    proposedTarget: 'Working',
    proposedLabel: 'Working',
    confidence: 0.8,
  },
  {
    ...base,
    kind: 'priority',
    sourceKey: '4',
    sourceLabel: 'Priority 1 - Emergency',
    status: 'Proposed',
    proposedTarget: 'High',
    proposedLabel: 'High',
  },
];

const HEADER = 'Kind,Source Key,Status,Target';
const csv = (...rows: string[]): string => [HEADER, ...rows].join('\n') + '\n';

describe('the mapping decisions CSV', () => {
  it('writes one row per decision with the columns an admin reads, and a byte-order mark for Excel', () => {
    const text = decisionsToCsv(decisions, targets);
    expect(
      text.startsWith(
        '\ufeffKind,Source Key,Source Label,Context,Record Count,Status,Target,Target Label,Proposed Target,Proposed Label,Confidence,Reason\n',
      ),
    ).to.equal(true);
    const lines = text.trim().split('\n');
    expect(lines).to.have.length(6);
    expect(lines[2]).to.equal(
      'Board,1,Help Desk,,3,Confirmed,00G000000000001AAA,Help Desk,00G000000000001AAA,Help Desk,0.9,Because.',
    );
    expect(lines[3]).to.equal('Board,2,"Alerts, ""RMM""",,3,Proposed,,,,,0.9,Because.');
  });

  it('reads back what it wrote as unchanged', () => {
    const read = readDecisionsCsv(decisionsToCsv(decisions, targets), decisions, targets);
    expect(read).to.deep.equal({ changed: [], unchanged: 5, badRows: [] });
  });

  it('takes targets by id (15 or 18 characters), username, queue name or picklist value, ignoring case', () => {
    const read = readDecisionsCsv(
      csv(
        'member,11,Confirmed,JO@ORG.EXAMPLE',
        'Board,2,confirmed,help desk',
        'Status,1:In Progress,Confirmed,escalated',
        'Priority,4,Confirmed,',
      ),
      decisions,
      targets,
    );
    expect(read.badRows).to.deep.equal([]);
    expect(read.changed.map((d) => [d.kind, d.sourceKey, d.status, d.confirmedTarget])).to.deep.equal([
      ['member', '11', 'Confirmed', '005000000000002AAA'],
      ['board', '2', 'Confirmed', '00G000000000001AAA'],
      ['status', '1:In Progress', 'Confirmed', 'Escalated'],
      // An empty target on a Confirmed row confirms the proposal.
      ['priority', '4', 'Confirmed', 'High'],
    ]);
    const byShortId = readDecisionsCsv(csv('Member,11,Confirmed,005000000000001'), decisions, targets);
    expect(byShortId.changed[0].confirmedTarget).to.equal('005000000000001AAA');
  });

  it('reads a file saved with semicolons, as Excel does where the decimal separator is a comma', () => {
    const semicolons = decisionsToCsv(decisions, targets)
      .split('\n')
      .map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'))
      .join('\n');
    expect(semicolons.split('\n')[1]).to.not.contain(',');
    expect(readDecisionsCsv(semicolons, decisions, targets)).to.deep.equal({ changed: [], unchanged: 5, badRows: [] });
    const edited = readDecisionsCsv('Kind;Source Key;Status;Target\nBoard;2;Create;\n', decisions, targets);
    expect(edited.badRows).to.deep.equal([]);
    expect(edited.changed.map((d) => [d.sourceKey, d.status])).to.deep.equal([['2', 'Create']]);
  });

  it('lets boards and members be Create or Skip, and keeps the rest of the decision', () => {
    const read = readDecisionsCsv(
      csv('Board,1,Skip,00G000000000001AAA', 'Board,2,Create,', 'Member,11,Create,'),
      decisions,
      targets,
    );
    expect(read.badRows).to.deep.equal([]);
    expect(read.changed.map((d) => [d.sourceKey, d.status, d.confirmedTarget, d.sourceLabel])).to.deep.equal([
      ['1', 'Skip', undefined, 'Help Desk'],
      ['2', 'Create', undefined, 'Alerts, "RMM"'],
      ['11', 'Create', undefined, 'Jo Smith'],
    ]);
  });

  it('reports every bad row by its line, with the reason, and changes nothing', () => {
    const more: MappingDecision[] = [
      ...decisions,
      { ...base, kind: 'status', sourceKey: '1:New', sourceLabel: 'New', status: 'Proposed', proposedTarget: 'New' },
      { ...base, kind: 'priority', sourceKey: '5', sourceLabel: 'Low', status: 'Proposed', proposedTarget: 'Low' },
      { ...base, kind: 'member', sourceKey: '12', sourceLabel: 'Max', status: 'Proposed' },
      { ...base, kind: 'board', sourceKey: '3', sourceLabel: 'Projects', status: 'Proposed' },
    ];
    const text = [
      HEADER,
      'Board,1,Skip,', // good: line 2
      'Queue,1,Skip,', // 3
      'Board,99,Skip,', // 4
      'Status,1:In Progress,Skip,', // 5
      'Priority,4,Create,', // 6
      '',
      'Status,1:New,Confirmed,Resolved', // 8 (after a blank line)
      'Member,11,Confirmed,gone@org.example', // 9
      'Board,2,Confirmed,', // 10
      'Priority,5,Done,', // 11
      'Member,12,Proposed,jo@org.example', // 12
      'Board,1,Create,', // 13: the same decision as line 2
      '"Board","3","Confirmed","Not a\nqueue"', // 14-15
    ].join('\n');
    const read = readDecisionsCsv(text, more, targets);
    expect(read.changed).to.deep.equal([]);
    expect(read.unchanged).to.equal(0);
    expect(read.badRows.map((r) => [r.line, r.kind, r.sourceKey, r.reason])).to.deep.equal([
      [3, 'Queue', '1', 'Kind "Queue" is not one of Member, Board, Status, Priority, SLA, Agreement Type, Custom Field, Custom Field Option.'],
      [4, 'Board', '99', 'No board decision has source key "99".'],
      [5, 'Status', '1:In Progress', 'Status decisions cannot be Skip; they take Proposed, Confirmed.'],
      [6, 'Priority', '4', 'Priority decisions cannot be Create; they take Proposed, Confirmed.'],
      [8, 'Status', '1:New', 'Target "Resolved" is not an active Case Status value in the org.'],
      [9, 'Member', '11', 'Target "gone@org.example" is not an active user (id or username) in the org.'],
      [10, 'Board', '2', 'Status is Confirmed but there is no target and no proposal to confirm.'],
      [11, 'Priority', '5', 'Status "Done" is not one of Proposed, Confirmed, Create, Skip.'],
      [
        12,
        'Member',
        '12',
        'Status is Proposed but Target is "jo@org.example": set Status to Confirmed to use the target, or clear it.',
      ],
      [13, 'Board', '1', 'The same decision is on line 2 already.'],
      [14, 'Board', '3', 'Target "Not a\nqueue" is not a case queue (id or name) in the org.'],
    ]);
  });

  it('says which required column the header lacks, and when the file is not CSV', () => {
    expect(readDecisionsCsv('Kind,Source Key,Target\nBoard,1,\n', decisions, targets).badRows).to.deep.equal([
      { line: 1, kind: '', sourceKey: '', reason: 'The header has no "Status" column.' },
    ]);
    const broken = readDecisionsCsv(`${HEADER}\nBoard,1,Skip,\nBoard,"2,Skip,\n`, decisions, targets).badRows;
    expect(broken).to.have.length(1);
    expect(broken[0].reason).to.match(/^The file is not valid CSV: /);
  });

  it('makes a board skipped by --skip-board an admin decision once the file changes it', () => {
    const flagged: MappingDecision = {
      ...decisions[1],
      status: 'Skip',
      confirmedTarget: undefined,
      fromFlag: true,
      reason: 'Skipped with --skip-board.',
    };
    const read = readDecisionsCsv(csv('Board,1,Confirmed,Help Desk'), [flagged], targets);
    expect(read.changed).to.have.length(1);
    expect(read.changed[0]).to.include({
      status: 'Confirmed',
      confirmedTarget: '00G000000000001AAA',
      fromFlag: undefined,
      reason: 'Decided in the mapping CSV.',
    });
  });
});
