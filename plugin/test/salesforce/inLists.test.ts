import { expect } from 'chai';
import { inLists, soqlString } from '../../src/salesforce/orgContext.js';

describe('SOQL IN lists', () => {
  it('quotes values, escaping quotes and backslashes', () => {
    expect(soqlString("O'Brien \\ Sons")).to.equal("'O\\'Brien \\\\ Sons'");
  });

  it('holds at most 200 values a list', () => {
    const ids = Array.from({ length: 450 }, (_, i) => String(i));
    expect(inLists(ids).map((list) => list.split(',').length)).to.deep.equal([200, 200, 50]);
  });

  it('starts a new list before one grows past about 4,000 characters, and loses no value', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `customFieldOption:Case:12:${'x'.repeat(60)}${i}`);
    const lists = inLists(keys);
    expect(lists.length).to.be.greaterThan(1);
    for (const list of lists) expect(list.length).to.be.at.most(4000);
    expect(lists.join(',')).to.equal(keys.map(soqlString).join(','));
  });

  it('gives no list for no values', () => expect(inLists([])).to.deep.equal([]));
});
