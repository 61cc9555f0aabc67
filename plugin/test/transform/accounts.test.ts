import { expect } from 'chai';
import { ProblemLog } from '../../src/report/problems.js';
import { accountRow, planHierarchy } from '../../src/transform/accounts.js';
import type { CwCompany } from '../../src/transform/sourceTypes.js';
import { describeOf } from '../support/describes.js';

const company = (id: number, parentId?: number): CwCompany => ({
  id,
  identifier: `C${id}`,
  name: `Company ${id}`,
  ...(parentId === undefined ? {} : { parentCompany: { id: parentId } }),
});

describe('planHierarchy', () => {
  it('puts parents in earlier waves than their children, whatever the input order', () => {
    // 4 -> 3 -> 2 -> 1 (child -> parent), listed children first.
    const { waves } = planHierarchy([company(4, 3), company(3, 2), company(2, 1), company(1)], new ProblemLog());
    expect(waves.map((w) => w.companies.map((c) => c.id))).to.deep.equal([[1], [2], [3], [4]]);
  });

  it('loads a company whose parent is missing at the top and reports it', () => {
    const problems = new ProblemLog();
    const { waves, parentOf } = planHierarchy([company(7, 999)], problems);
    expect(waves[0].companies.map((c) => c.id)).to.deep.equal([7]);
    expect(parentOf.get(7)).to.equal(undefined);
    expect(problems.all()).to.have.length(1);
    expect(problems.all()[0]).to.include({ outcome: 'adjusted', sourceId: 7, object: 'Account', field: 'ParentId' });
  });

  it('breaks a cycle at its lowest id and keeps the rest of the chain', () => {
    const problems = new ProblemLog();
    // 10 -> 11 -> 12 -> 10 is a cycle; 13 hangs below 12.
    const { waves, parentOf } = planHierarchy([company(10, 11), company(11, 12), company(12, 10), company(13, 12)], problems);
    expect(parentOf.get(10)).to.equal(undefined);
    expect(waves.map((w) => w.companies.map((c) => c.id).sort())).to.deep.equal([[10], [12], [11, 13]]);
    expect(problems.all().map((p) => p.sourceId)).to.deep.equal([10]);
  });
});

describe('accountRow', () => {
  it('maps a company with address, parent and entered date', () => {
    const problems = new ProblemLog();
    const row = accountRow(
      {
        id: 250,
        identifier: 'ACME',
        name: "O'Brien & Sons, \"Ltd\"",
        parentCompany: { id: 19 },
        addressLine1: '1 Main St',
        addressLine2: 'Suite 5',
        city: 'Tampa',
        state: 'FL',
        zip: '33602',
        country: { id: 1, name: 'United States' },
        phoneNumber: '813-555-0100',
        _info: { dateEntered: '2019-03-04T05:06:07Z' },
      },
      {
        describe: describeOf('Account'),
        problems,
        setAuditFields: () => true,
        landedParents: new Set(['19']),
        parentOf: new Map([[250, 19]]),
      }
    );
    expect(row).to.deep.equal({
      CW_Id__c: '250',
      Name: "O'Brien & Sons, \"Ltd\"",
      AccountNumber: 'ACME',
      BillingStreet: '1 Main St\nSuite 5',
      BillingCity: 'Tampa',
      BillingState: 'FL',
      BillingPostalCode: '33602',
      BillingCountry: 'United States',
      Phone: '813-555-0100',
      Original_Create_Date__c: '2019-03-04T05:06:07.000Z',
      CreatedDate: '2019-03-04T05:06:07.000Z',
      'Parent.CW_Id__c': '19',
    });
    expect(problems.all()).to.have.length(0);
  });

  it('keeps a city longer than BillingCity in the description instead of cutting it', () => {
    const problems = new ProblemLog();
    const city = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
    const row = accountRow(
      { id: 5, name: 'Welsh Co', city },
      { describe: describeOf('Account'), problems, setAuditFields: () => false, landedParents: new Set(), parentOf: new Map() }
    );
    expect(row.BillingCity).to.equal(undefined);
    expect(row.Description).to.contain(`BillingCity: ${city}`);
    expect(problems.all()[0]).to.include({ outcome: 'adjusted', field: 'BillingCity', sourceId: 5 });
  });
});
