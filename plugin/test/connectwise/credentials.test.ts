/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { expect } from 'chai';
import { credentialsFromEnv } from '../../src/connectwise/client.js';

describe('credentialsFromEnv', () => {
  it('reads the CW_ variables and leaves missing or blank ones undefined', () => {
    const credentials = credentialsFromEnv({
      CW_SITE: 'api-eu.myconnectwise.net',
      CW_COMPANY_ID: ' acme ',
      CW_PUBLIC_KEY: 'pub',
      CW_PRIVATE_KEY: '',
      CW_CLIENT_ID: 'c1',
    });
    expect(credentials).to.deep.equal({
      site: 'api-eu.myconnectwise.net',
      codebase: undefined,
      companyId: 'acme',
      publicKey: 'pub',
      privateKey: undefined,
      clientId: 'c1',
    });
  });
});
