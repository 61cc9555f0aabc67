import { expect } from 'chai';
import { ProblemLog } from '../../src/report/problems.js';
import { caseRow, descriptionNote, type CaseMapping } from '../../src/transform/cases.js';
import { commentRows, isPublic } from '../../src/transform/comments.js';
import { joinParts } from '../../src/transform/text.js';
import type { CwTicket, CwTicketNote } from '../../src/transform/sourceTypes.js';
import { describeOf } from '../support/describes.js';

const mapping: CaseMapping = {
  queueForBoard: (boardId) => (boardId === 1 ? '00G000000000001AAA' : undefined),
  boardSkipped: (boardId) => boardId === 9,
  status: (boardId, name) => ({ '1:In Progress': 'Working', '1:Closed': 'Closed' })[`${boardId}:${name}`],
  priority: (id) => ({ 4: 'High', 8: 'Low' })[id],
  userForMember: (identifier) => (identifier === 'jsmith' ? '005000000000001AAA' : undefined),
};

const ticket: CwTicket = {
  id: 1201,
  summary: 'Printer on 2nd floor jams, "again"',
  board: { id: 1, name: 'Help Desk' },
  status: { id: 17, name: 'In Progress' },
  priority: { id: 4, name: 'Priority 1 - Emergency Response' },
  company: { id: 19 },
  contact: { id: 8 },
  owner: { id: 3, identifier: 'nobody' },
  _info: { dateEntered: '2024-02-03T04:05:06Z' },
};

const notes: CwTicketNote[] = [
  { id: 31, text: 'Internal: check toner', internalAnalysisFlag: true },
  { id: 30, text: 'Printer jams on every job.', detailDescriptionFlag: true },
  { id: 32, text: 'Replaced the roller.', detailDescriptionFlag: true, member: { identifier: 'jsmith', name: 'Jo Smith' } },
];

const ctx = (problems: ProblemLog) => ({
  describe: describeOf('Case'),
  problems,
  mapping,
  setAuditFields: () => true,
  landedAccounts: new Set(['19']),
  landedContacts: new Set(['8']),
});

describe('caseRow', () => {
  it('maps a ticket: description from the first detail note, mapped status and priority, the board queue as owner', () => {
    const problems = new ProblemLog();
    const { row } = caseRow(ticket, notes, ctx(problems));
    expect(row).to.deep.equal({
      CW_Id__c: '1201',
      Subject: 'Printer on 2nd floor jams, "again"',
      CW_Board__c: 'Help Desk',
      Description: 'Printer jams on every job.',
      Status: 'Working',
      Priority: 'High',
      OwnerId: '00G000000000001AAA',
      'Account.CW_Id__c': '19',
      'Contact.CW_Id__c': '8',
      Original_Create_Date__c: '2024-02-03T04:05:06.000Z',
      CreatedDate: '2024-02-03T04:05:06.000Z',
    });
    expect(problems.all()).to.have.length(0);
  });

  it('gives the case to the owning member when the member matched a user', () => {
    const { row } = caseRow({ ...ticket, owner: { identifier: 'jsmith' } }, notes, ctx(new ProblemLog()));
    expect(row?.OwnerId).to.equal('005000000000001AAA');
  });

  it('skips a ticket on a skipped board and reports it', () => {
    const problems = new ProblemLog();
    const result = caseRow({ ...ticket, board: { id: 9, name: 'Internal' } }, notes, ctx(problems));
    expect(result.row).to.equal(undefined);
    expect(problems.all()[0]).to.include({ outcome: 'skipped', sourceId: 1201, object: 'Case' });
  });

  it('says a skipped ticket whose case an earlier run loaded stays in the org', () => {
    const problems = new ProblemLog();
    const result = caseRow({ ...ticket, board: { id: 9, name: 'Internal' } }, notes, { ...ctx(problems), inOrg: () => true });
    expect(result.row).to.equal(undefined);
    expect(problems.all()[0].reason).to.equal(
      'Board "Internal" is mapped to Skip; the case an earlier run loaded stays in the org as it is (roll that run back to remove it).'
    );
  });

  it('splits a description longer than Description holds and hands the rest on as comments', () => {
    const long = 'x'.repeat(40_000);
    const result = caseRow(ticket, [{ id: 1, text: long, detailDescriptionFlag: true }], ctx(new ProblemLog()));
    // Each part gives 20 characters to its "(part n of m)" marker (reserved for up to 9999 parts):
    // 31,980 go to Description, and the other 8,020 need three comments of at most 3,980.
    expect(String(result.row?.Description).length).to.be.at.most(32_000);
    expect(result.descriptionOverflow).to.have.length(3);
    for (const part of result.descriptionOverflow) expect(part.length).to.be.at.most(4000);
    expect(joinParts([String(result.row?.Description), ...result.descriptionOverflow])).to.equal(long);
  });
});

describe('descriptionNote', () => {
  it('is the detail note with the lowest id', () => expect(descriptionNote(notes)?.id).to.equal(30));
});

describe('commentRows', () => {
  const base = { caseId: '500000000000001AAA', userForMember: mapping.userForMember, auditFields: true };

  it('keeps author and time in audit fields when the member matched a user', () => {
    const rows = commentRows({ ...notes[2], dateCreated: '2024-02-04T10:00:00Z' }, 1201, { ...base, problems: new ProblemLog() });
    expect(rows).to.have.length(1);
    expect(rows[0].row).to.deep.equal({
      ParentId: '500000000000001AAA',
      CommentBody: 'Replaced the roller.',
      IsPublished: true,
      CreatedDate: '2024-02-04T10:00:00.000Z',
      CreatedById: '005000000000001AAA',
    });
  });

  it('writes the author into the text when there is no user to carry it', () => {
    const note: CwTicketNote = { id: 40, text: 'Any update?', detailDescriptionFlag: true, contact: { name: 'Ann Lee' }, dateCreated: '2024-02-05T09:00:00Z' };
    const [comment] = commentRows(note, 1201, { ...base, problems: new ProblemLog() });
    expect(comment.row.CommentBody).to.equal('Written by Ann Lee (contact) on 2024-02-05T09:00:00.000Z in ConnectWise\n\nAny update?');
  });

  it('splits a 9,000-character note into three comments and reports it', () => {
    const problems = new ProblemLog();
    const rows = commentRows({ id: 41, text: 'y'.repeat(9000), member: { identifier: 'jsmith' } }, 1201, { ...base, problems });
    expect(rows.map((r) => r.part)).to.deep.equal([1, 2, 3]);
    for (const r of rows) expect(String(r.row.CommentBody).length).to.be.at.most(4000);
    expect(problems.all()[0]).to.include({ object: 'CaseComment', field: 'CommentBody', sourceId: 41, outcome: 'adjusted' });
  });

  it('marks internal notes private', () => {
    expect(isPublic(notes[0])).to.equal(false);
    expect(isPublic({ id: 1, detailDescriptionFlag: true, internalFlag: true })).to.equal(false);
    expect(isPublic(notes[1])).to.equal(true);
  });
});
