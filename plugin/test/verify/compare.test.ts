import { expect } from 'chai';
import { sameValue } from '../../src/verify/compare.js';

describe('sameValue', () => {
  // [type, what was sent, what the org gives back, same?] — written from Salesforce's REST formats.
  const table: Array<[string, string | number | boolean | null, string | number | boolean | null, boolean]> = [
    ['datetime', '2024-05-01T12:00:00Z', '2024-05-01T12:00:00.000+0000', true],
    ['datetime', '2024-05-01T12:00:00Z', '2024-05-01T12:00:01.000+0000', false],
    ['date', '2024-05-01', '2024-05-01', true],
    ['double', '3.50', 3.5, true],
    ['boolean', true, 'true', true],
    ['boolean', false, true, false],
    ['reference', '001Em0000000001AAA', '001Em0000000001', true],
    ['textarea', 'line one\r\nline two', 'line one\nline two', true],
    ['string', 'Acme', 'ACME', false],
    ['string', null, '', true],
    ['string', '', 'something', false],
    ['picklist', 'Working', 'Working', true],
  ];
  for (const [type, expected, actual, same] of table) {
    it(`${type}: ${JSON.stringify(expected)} ${same ? 'matches' : 'differs from'} ${JSON.stringify(actual)}`, () =>
      expect(sameValue(type, expected, actual)).to.equal(same));
  }
});
