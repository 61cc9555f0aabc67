import { expect } from 'chai';
import { ProblemLog } from '../../src/report/problems.js';
import { contactRow, flagDuplicateEmails, isValidEmail } from '../../src/transform/contacts.js';
import type { CwContact } from '../../src/transform/sourceTypes.js';
import { describeOf } from '../support/describes.js';

const ctx = (problems: ProblemLog, landed: string[] = ['19']) => ({
  describe: describeOf('Contact'),
  problems,
  setAuditFields: () => false,
  landedAccounts: new Set(landed),
});

describe('contactRow', () => {
  it('takes the default email and phone, a cell number as mobile, and keeps the other items in the description', () => {
    const contact: CwContact = {
      id: 8,
      firstName: 'Zoë',
      lastName: 'Ångström',
      company: { id: 19, name: 'Acme' },
      communicationItems: [
        { type: { name: 'Email' }, value: 'old@acme.example', communicationType: 'Email', defaultFlag: false },
        { type: { name: 'Email' }, value: 'zoe@acme.example', communicationType: 'Email', defaultFlag: true },
        { type: { name: 'Direct' }, value: '555-0101', extension: '12', communicationType: 'Phone', defaultFlag: true },
        { type: { name: 'Cell' }, value: '555-0199', communicationType: 'Phone', defaultFlag: false },
      ],
    };
    const problems = new ProblemLog();
    const row = contactRow(contact, ctx(problems));
    expect(row).to.deep.equal({
      CW_Id__c: '8',
      FirstName: 'Zoë',
      LastName: 'Ångström',
      Email: 'zoe@acme.example',
      Phone: '555-0101 x12',
      MobilePhone: '555-0199',
      'Account.CW_Id__c': '19',
      Description: 'From ConnectWise:\nEmail: old@acme.example',
    });
    expect(problems.all()).to.have.length(0);
  });

  it('keeps an invalid email in the description and reports it, leaving Email empty', () => {
    const problems = new ProblemLog();
    const row = contactRow(
      { id: 9, lastName: 'Doe', communicationItems: [{ value: 'jane.doe@@acme', communicationType: 'Email', defaultFlag: true }] },
      ctx(problems)
    );
    expect(row.Email).to.equal(undefined);
    expect(row.Description).to.contain('jane.doe@@acme');
    expect(problems.all()[0]).to.include({ outcome: 'adjusted', field: 'Email', sourceId: 9 });
  });

  it('joins an email value without "@" to its domain', () => {
    const row = contactRow(
      { id: 10, lastName: 'Doe', communicationItems: [{ value: 'jo', domain: 'acme.example', communicationType: 'Email' }] },
      ctx(new ProblemLog())
    );
    expect(row.Email).to.equal('jo@acme.example');
  });

  it('uses the first name as last name when ConnectWise has none, and says so', () => {
    const problems = new ProblemLog();
    const row = contactRow({ id: 11, firstName: 'Prince' }, ctx(problems));
    expect(row.LastName).to.equal('Prince');
    expect(row.FirstName).to.equal(undefined);
    expect(problems.all()[0]).to.include({ field: 'LastName', outcome: 'adjusted' });
  });

  it('loads a contact whose company did not land without an account, and reports it', () => {
    const problems = new ProblemLog();
    const row = contactRow({ id: 12, lastName: 'Orphan', company: { id: 404, name: 'Gone Ltd' } }, ctx(problems, []));
    expect(row['Account.CW_Id__c']).to.equal(undefined);
    expect(problems.all()[0]).to.include({ field: 'AccountId', sourceId: 12 });
  });
});

describe('isValidEmail', () => {
  const table: Array<[string, boolean]> = [
    ['a@b.co', true],
    ["o'brien+tag@mail.example.org", true],
    ['no-at-sign.example', false],
    ['two@@signs.example', false],
    ['spaces in@example.com', false],
    ['dots..twice@example.com', false],
    ['nodomain@localhost', false],
  ];
  for (const [value, valid] of table) {
    it(`${valid ? 'accepts' : 'rejects'} ${value}`, () => expect(isValidEmail(value)).to.equal(valid));
  }
});

describe('flagDuplicateEmails', () => {
  it('flags the second contact with the same email, ignoring case', () => {
    const problems = new ProblemLog();
    const email = (id: number, value: string): CwContact => ({ id, lastName: 'X', communicationItems: [{ value, communicationType: 'Email' }] });
    flagDuplicateEmails([email(1, 'help@acme.example'), email(2, 'other@acme.example'), email(3, 'HELP@acme.example')], problems);
    expect(problems.all().map((p) => [p.sourceId, p.outcome])).to.deep.equal([[3, 'flagged']]);
  });
});
