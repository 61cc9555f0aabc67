/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { call, soql, startTestOrg } from './helpers.js';

/** User inserts through the API, checked against the User describe in test/fixtures/salesforce/describe. */
describe('org emulator: users through the API', () => {
  let org: OrgEmulator;
  let standardProfileId: string;
  const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    Username: 'grace@cw-migrate.example',
    LastName: 'Hopper',
    FirstName: 'Grace',
    Email: 'grace@example.com',
    Alias: 'ghopper',
    TimeZoneSidKey: 'Europe/Berlin',
    LocaleSidKey: 'de_DE',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'de',
    ProfileId: standardProfileId,
    ...over,
  });

  before(async () => {
    org = await startTestOrg();
    standardProfileId = String(org.records('Profile').find((p) => p.Name === 'Standard User')?.Id);
  });
  after(() => org.close());

  it('creates an active user with its profile assignment', async () => {
    const res = await call(org, 'POST', '/sobjects/User', valid());
    expect(res.status, res.text).to.equal(201);
    const user = org.records('User').find((u) => u.Id === res.body.id);
    expect(user).to.include({ Name: 'Grace Hopper', IsActive: true, ProfileId: standardProfileId });
    const psa = await soql(org, `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${res.body.id}'`);
    expect(psa.body.totalSize).to.equal(1);
  });

  it('creates an inactive user when asked to', async () => {
    const res = await call(
      org,
      'POST',
      '/sobjects/User',
      valid({ Username: 'former@cw-migrate.example', IsActive: false }),
    );
    expect(res.status, res.text).to.equal(201);
    expect(org.records('User').find((u) => u.Id === res.body.id)?.IsActive).to.equal(false);
  });

  it('lists every missing required field', async () => {
    const res = await call(org, 'POST', '/sobjects/User', { LastName: 'Nobody' });
    expect(res.status).to.equal(400);
    expect(res.body[0].errorCode).to.equal('REQUIRED_FIELD_MISSING');
    expect(res.body[0].fields).to.have.members([
      'Username',
      'Email',
      'Alias',
      'TimeZoneSidKey',
      'LocaleSidKey',
      'EmailEncodingKey',
      'ProfileId',
      'LanguageLocaleKey',
    ]);
  });

  const rejects: Array<[string, Record<string, unknown>, string, string]> = [
    [
      'a username that is not an email address',
      { Username: 'grace' },
      'FIELD_INTEGRITY_EXCEPTION',
      'Username must be in the form of an email address (for example, john@acme.com): Username',
    ],
    [
      'an alias longer than 8 characters',
      { Alias: 'ghopper99' },
      'STRING_TOO_LONG',
      'Alias: data value too large: ghopper99 (max length=8)',
    ],
    [
      'a time zone that is not in the list',
      { TimeZoneSidKey: 'Mars/Olympus' },
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'Time Zone: bad value for restricted picklist field: Mars/Olympus',
    ],
    [
      'an unknown language',
      { LanguageLocaleKey: 'xx_XX' },
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'Language: bad value for restricted picklist field: xx_XX',
    ],
    [
      'an invalid email',
      { Email: 'grace.example.com' },
      'INVALID_EMAIL_ADDRESS',
      'Email: invalid email address: grace.example.com',
    ],
  ];
  for (const [what, change, code, message] of rejects) {
    it(`refuses ${what}`, async () => {
      const res = await call(org, 'POST', '/sobjects/User', valid({ Username: 'new@cw-migrate.example', ...change }));
      expect(res.status).to.equal(400);
      expect(res.body[0]).to.deep.include({ errorCode: code, message });
    });
  }

  it('refuses a username already taken, ignoring case, with DUPLICATE_USERNAME', async () => {
    const res = await call(org, 'POST', '/sobjects/User', valid({ Username: 'Grace@CW-Migrate.example' }));
    expect(res.status).to.equal(400);
    expect(res.body[0].errorCode).to.equal('DUPLICATE_USERNAME');
    expect(res.body[0].fields).to.deep.equal(['Username']);
  });

  it('never deletes a user: REST has no DELETE, collections report the row', async () => {
    const rest = await call(org, 'DELETE', `/sobjects/User/${org.userId}`);
    expect(rest.status).to.equal(405);
    expect(rest.body[0]).to.deep.equal({
      errorCode: 'METHOD_NOT_ALLOWED',
      message: "HTTP Method 'DELETE' not allowed. Allowed are HEAD,GET,PATCH",
    });
    const collection = await call(org, 'DELETE', `/composite/sobjects?ids=${org.userId}`);
    expect(collection.body[0].success).to.equal(false);
    expect(collection.body[0].errors[0].statusCode).to.equal('INVALID_TYPE_FOR_OPERATION');
    expect(org.records('User').some((u) => u.Id === org.userId)).to.equal(true);
  });

  it('deactivates a user and its profile assignment with it', async () => {
    const [id] = org.seed('User', [valid({ Username: 'leaver@cw-migrate.example' })]);
    const res = await call(org, 'PATCH', `/sobjects/User/${id}`, { IsActive: false });
    expect(res.status, res.text).to.equal(204);
    const psa = org.records('PermissionSetAssignment').filter((a) => a.AssigneeId === id);
    expect(psa.map((a) => a.IsActive)).to.deep.equal([false]);
  });
});
