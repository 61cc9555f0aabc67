import { expect } from 'chai';
import { IdFactory, idSuffix, toId18 } from '../ids.js';

describe('org emulator: record ids', () => {
  // The 15 -> 18 conversion example used throughout Salesforce documentation and forums.
  it('derives the case-safe suffix of a known id', () => {
    expect(idSuffix('001D000000IqhSL')).to.equal('IAZ');
    expect(toId18('001D000000IqhSL')).to.equal('001D000000IqhSLIAZ');
  });

  it('accepts 18-character ids and re-derives their suffix', () => {
    expect(toId18('001D000000IqhSLIAZ')).to.equal('001D000000IqhSLIAZ');
    expect(toId18('001D000000IqhSLxxx')).to.equal('001D000000IqhSLIAZ');
  });

  it('rejects text that is not shaped like an id', () => {
    expect(toId18('foo')).to.equal(undefined);
    expect(toId18('001D000000IqhS-')).to.equal(undefined);
  });

  it('mints distinct ids carrying the key prefix and a valid suffix', () => {
    const ids = new IdFactory();
    const a = ids.next('500');
    const b = ids.next('500');
    expect(a).to.match(/^500\w{15}$/);
    expect(a).to.not.equal(b);
    expect(toId18(a.slice(0, 15))).to.equal(a);
  });
});
