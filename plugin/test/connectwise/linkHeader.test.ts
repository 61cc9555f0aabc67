/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { expect } from 'chai';
import { parseLinkHeader } from '../../src/connectwise/linkHeader.js';

describe('parseLinkHeader', () => {
  it('reads next and last from a ConnectWise header', () => {
    const header =
      '<https://api-na.myconnectwise.net/v4_6_release/apis/3.0/company/companies?pageSize=1000&page=2>; rel="next", ' +
      '<https://api-na.myconnectwise.net/v4_6_release/apis/3.0/company/companies?pageSize=1000&page=7>; rel="last"';
    expect(parseLinkHeader(header)).to.deep.equal({
      next: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0/company/companies?pageSize=1000&page=2',
      last: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0/company/companies?pageSize=1000&page=7',
    });
  });

  it('keeps commas inside the URL and resolves relative links', () => {
    const links = parseLinkHeader('</x/y?fields=id,name&pageId=9>; rel=next', 'https://h.example/a/b');
    expect(links.next).to.equal('https://h.example/x/y?fields=id,name&pageId=9');
  });

  it('gives nothing for a missing header', () => {
    expect(parseLinkHeader(null)).to.deep.equal({});
  });
});
