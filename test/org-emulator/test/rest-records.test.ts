/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { call, startTestOrg } from './helpers.js';

describe('org emulator: REST sObject resources', () => {
  let org: OrgEmulator;
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  it('answers 401 INVALID_SESSION_ID for a wrong token', async () => {
    const res = await fetch(`${org.instanceUrl}/services/data/v62.0/sobjects`, {
      headers: { Authorization: 'Bearer 00D000000000001!nope' },
    });
    expect(res.status).to.equal(401);
    expect(await res.json()).to.deep.equal([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
  });

  it('collapses the double slash the sf CLI sends and reports api usage', async () => {
    const res = await fetch(`${org.instanceUrl}//services/data`, {
      headers: { Authorization: `Bearer ${org.accessToken}` },
    });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/json;charset=UTF-8');
    expect(res.headers.get('sforce-limit-info')).to.match(/^api-usage=\d+\/5000000$/);
    const versions = (await res.json()) as Array<{ version: string }>;
    expect(versions.map((v) => v.version)).to.include.members(['50.0', '51.0', '62.0']);
  });

  it('creates, reads, updates and deletes an account', async () => {
    const created = await call(org, 'POST', '/sobjects/Account', { Name: 'Contoso', CW_Id__c: 'C-100' });
    expect(created.status).to.equal(201);
    expect(created.body.success).to.equal(true);
    expect(created.body.id).to.match(/^001\w{15}$/);
    const read = await call(org, 'GET', `/sobjects/Account/${created.body.id.slice(0, 15)}?fields=Name,CW_Id__c`);
    expect(read.body).to.deep.include({ Name: 'Contoso', CW_Id__c: 'C-100' });
    expect((await call(org, 'PATCH', `/sobjects/Account/${created.body.id}`, { Name: 'Contoso Ltd' })).status).to.equal(
      204,
    );
    expect(org.records('Account').find((a) => a.Id === created.body.id)?.Name).to.equal('Contoso Ltd');
    expect((await call(org, 'DELETE', `/sobjects/Account/${created.body.id}`)).status).to.equal(204);
    expect((await call(org, 'GET', `/sobjects/Account/${created.body.id}`)).status).to.equal(404);
  });

  it('decodes external id values in upsert URLs exactly once', async () => {
    const res = await call(org, 'PATCH', `/sobjects/Account/CW_Id__c/${encodeURIComponent('100%/B 1')}`, {
      Name: 'Odd key',
    });
    expect(res.status).to.equal(201);
    expect(org.records('Account').find((a) => a.Id === res.body.id)?.CW_Id__c).to.equal('100%/B 1');
  });

  it('upserts by external id: 201 created, then 200 updated', async () => {
    const first = await call(org, 'PATCH', '/sobjects/Account/CW_Id__c/U-1', { Name: 'Upserted' });
    expect(first.status).to.equal(201);
    expect(first.body.created).to.equal(true);
    const second = await call(org, 'PATCH', '/sobjects/Account/CW_Id__c/U-1', { Name: 'Upserted again' });
    expect(second.status).to.equal(200);
    expect(second.body).to.deep.include({ id: first.body.id, created: false });
  });

  const rejects: Array<[string, string, Record<string, unknown>, string, string | RegExp]> = [
    [
      'a missing required field',
      'Account',
      { Industry: 'Retail' },
      'REQUIRED_FIELD_MISSING',
      'Required fields are missing: [Name]',
    ],
    [
      'an unknown field',
      'Account',
      { Name: 'x', Foo__c: 1 },
      'INVALID_FIELD',
      "No such column 'Foo__c' on sobject of type Account",
    ],
    [
      'a too long subject',
      'Case',
      { Subject: 'y'.repeat(256) },
      'STRING_TOO_LONG',
      /^Subject: data value too large: y+ \(max length=255\)$/,
    ],
    [
      'a bad email',
      'Contact',
      { LastName: 'Doe', Email: 'not-an-email' },
      'INVALID_EMAIL_ADDRESS',
      'Email: invalid email address: not-an-email',
    ],
    [
      'a read-only field',
      'Case',
      { Subject: 'x', IsClosed: true },
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      /^Unable to create\/update fields: IsClosed\./,
    ],
    [
      'a malformed id',
      'Contact',
      { LastName: 'Doe', AccountId: 'foo' },
      'MALFORMED_ID',
      'Account ID: id value of incorrect type: foo',
    ],
    [
      'an id of the wrong object',
      'Contact',
      { LastName: 'Doe', AccountId: '003000000000001AAA' },
      'FIELD_INTEGRITY_EXCEPTION',
      /id value of incorrect type/,
    ],
    [
      'a missing parent',
      'Contact',
      { LastName: 'Doe', AccountId: '001000000000099AAA' },
      'INVALID_CROSS_REFERENCE_KEY',
      'invalid cross reference id',
    ],
    [
      'a number in a text-typed JSON slot',
      'Account',
      { Name: 'x', NumberOfEmployees: 'many' },
      'JSON_PARSER_ERROR',
      /Cannot deserialize instance of int/,
    ],
    [
      'a bad restricted picklist value',
      'CWM_Board__c',
      { Name: 'B', Kind__c: 'Nope' },
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'Kind: bad value for restricted picklist field: Nope',
    ],
  ];
  for (const [what, object, body, code, message] of rejects) {
    it(`rejects ${what} with ${code}`, async () => {
      const res = await call(org, 'POST', `/sobjects/${object}`, body);
      expect(res.status).to.equal(400);
      expect(res.body[0].errorCode).to.equal(code);
      if (typeof message === 'string') expect(res.body[0].message).to.equal(message);
      else expect(res.body[0].message).to.match(message);
    });
  }

  it('rejects a second record with the same unique external id (DUPLICATE_VALUE)', async () => {
    const first = await call(org, 'POST', '/sobjects/Account', { Name: 'One', CW_Id__c: 'DUP-1' });
    const second = await call(org, 'POST', '/sobjects/Account', { Name: 'Two', CW_Id__c: 'dup-1' });
    expect(second.body[0]).to.deep.equal({
      errorCode: 'DUPLICATE_VALUE',
      message: `duplicate value found: CW_Id__c duplicates value on record with id: ${first.body.id}`,
      fields: ['CW_Id__c'],
    });
  });

  it('defaults and derives case fields from the case status', async () => {
    const res = await call(
      org,
      'POST',
      '/sobjects/Case',
      { Subject: 'Printer on fire' },
      { 'Sforce-Auto-Assign': 'FALSE' },
    );
    const stored = org.records('Case').find((c) => c.Id === res.body.id) as Record<string, unknown>;
    expect(stored).to.include({ Status: 'New', Priority: 'Medium', IsClosed: false, OwnerId: org.userId });
    await call(org, 'PATCH', `/sobjects/Case/${res.body.id}`, { Status: 'Closed' }, { 'Sforce-Auto-Assign': 'FALSE' });
    const closed = org.records('Case').find((c) => c.Id === res.body.id) as Record<string, unknown>;
    expect(closed.IsClosed).to.equal(true);
    expect(closed.ClosedDate).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  describe('case ownership', () => {
    let queueId: string;
    let otherUserId: string;
    let inactiveUserId: string;
    before(() => {
      const profileId = org.records('Profile').find((p) => p.Name === 'Standard User')?.Id;
      const user = {
        Email: 'x@example.com',
        Alias: 'x',
        TimeZoneSidKey: 'GMT',
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        ProfileId: profileId,
      };
      [otherUserId, inactiveUserId] = org.seed('User', [
        { ...user, Username: 'tech@example.com', LastName: 'Tech', IsActive: true },
        { ...user, Username: 'gone@example.com', LastName: 'Gone', IsActive: false },
      ]);
      [queueId] = org.seed('Group', [{ Name: 'Tier 1', DeveloperName: 'Tier_1', Type: 'Queue' }]);
      org.seed('QueueSobject', [{ QueueId: queueId, SobjectType: 'Case' }]);
    });

    it('re-owns new cases to the default case owner unless Sforce-Auto-Assign is FALSE', async () => {
      const assigned = await call(org, 'POST', '/sobjects/Case', { Subject: 'a', OwnerId: otherUserId });
      const kept = await call(
        org,
        'POST',
        '/sobjects/Case',
        { Subject: 'b', OwnerId: otherUserId },
        { 'Sforce-Auto-Assign': 'FALSE' },
      );
      const owner = (id: string): unknown => org.records('Case').find((c) => c.Id === id)?.OwnerId;
      expect(owner(assigned.body.id)).to.equal(org.userId);
      expect(owner(kept.body.id)).to.equal(otherUserId);
    });

    it('accepts a queue that supports Case as owner', async () => {
      const res = await call(
        org,
        'POST',
        '/sobjects/Case',
        { Subject: 'q', OwnerId: queueId },
        { 'Sforce-Auto-Assign': 'FALSE' },
      );
      expect(res.status).to.equal(201);
    });

    it('refuses a queue without a QueueSobject row for the object', async () => {
      const res = await call(org, 'POST', '/sobjects/Account', { Name: 'Owned by queue', OwnerId: queueId });
      expect(res.body[0]).to.deep.include({
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `Owner ID: id value of incorrect type: ${queueId}`,
      });
    });

    it('refuses an inactive user as owner', async () => {
      const res = await call(
        org,
        'POST',
        '/sobjects/Case',
        { Subject: 'i', OwnerId: inactiveUserId },
        { 'Sforce-Auto-Assign': 'FALSE' },
      );
      expect(res.body[0].errorCode).to.equal('INACTIVE_OWNER_OR_USER');
    });
  });

  describe('audit fields', () => {
    it('accepts CreatedDate on insert and shows it createable in describe', async () => {
      const describe = await call(org, 'GET', '/sobjects/Case/describe');
      const created = describe.body.fields.find((f: { name: string }) => f.name === 'CreatedDate');
      expect(created).to.include({ createable: true, updateable: false });
      const res = await call(
        org,
        'POST',
        '/sobjects/Case',
        { Subject: 'old', CreatedDate: '2019-03-04T05:06:07.000Z' },
        { 'Sforce-Auto-Assign': 'FALSE' },
      );
      expect(org.records('Case').find((c) => c.Id === res.body.id)?.CreatedDate).to.equal(
        '2019-03-04T05:06:07.000+0000',
      );
    });

    it('refuses CreatedDate on update and on objects without the permission', async () => {
      const acc = await call(org, 'POST', '/sobjects/Account', { Name: 'Audit' });
      const update = await call(org, 'PATCH', `/sobjects/Account/${acc.body.id}`, {
        CreatedDate: '2019-03-04T05:06:07.000Z',
      });
      expect(update.body[0].errorCode).to.equal('INVALID_FIELD_FOR_INSERT_UPDATE');
      const product = await call(org, 'POST', '/sobjects/Product2', {
        Name: 'Widget',
        CreatedDate: '2019-03-04T05:06:07.000Z',
      });
      expect(product.body[0].errorCode).to.equal('INVALID_FIELD_FOR_INSERT_UPDATE');
    });

    it('refuses CreatedDate in the future', async () => {
      const res = await call(org, 'POST', '/sobjects/Account', {
        Name: 'Future',
        CreatedDate: '2999-01-01T00:00:00.000Z',
      });
      expect(res.status).to.equal(400);
    });

    it('keeps audit fields read-only when the permission is off', async () => {
      const strict = await startTestOrg({ allowAuditFields: false });
      try {
        const res = await call(strict, 'POST', '/sobjects/Account', {
          Name: 'x',
          CreatedDate: '2019-03-04T05:06:07.000Z',
        });
        expect(res.body[0].errorCode).to.equal('INVALID_FIELD_FOR_INSERT_UPDATE');
      } finally {
        await strict.close();
      }
    });
  });

  it('enforces CaseComment rules: ParentId required, CommentBody up to 4000 characters', async () => {
    const missing = await call(org, 'POST', '/sobjects/CaseComment', { CommentBody: 'orphan' });
    expect(missing.body[0]).to.deep.include({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['ParentId'] });
    const parent = await call(org, 'POST', '/sobjects/Case', { Subject: 'with comments' });
    const long = await call(org, 'POST', '/sobjects/CaseComment', {
      ParentId: parent.body.id,
      CommentBody: 'z'.repeat(4001),
    });
    expect(long.body[0].errorCode).to.equal('STRING_TOO_LONG');
    const ok = await call(org, 'POST', '/sobjects/CaseComment', {
      ParentId: parent.body.id,
      CommentBody: 'z'.repeat(4000),
      IsPublished: true,
    });
    expect(ok.status).to.equal(201);
    const moved = await call(org, 'PATCH', `/sobjects/CaseComment/${ok.body.id}`, { ParentId: parent.body.id });
    expect(moved.body[0].errorCode).to.equal('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('keeps setup objects to themselves: Group DeveloperName is unique', async () => {
    await call(org, 'POST', '/sobjects/Group', { Name: 'Escalations', Type: 'Queue' });
    const again = await call(org, 'POST', '/sobjects/Group', { Name: 'Escalations', Type: 'Queue' });
    expect(again.body[0].errorCode).to.equal('DUPLICATE_DEVELOPER_NAME');
  });

  it('answers userinfo as the sf CLI login expects', async () => {
    const res = await call(org, 'GET', '/services/oauth2/userinfo');
    expect(res.body).to.include({
      user_id: org.userId,
      organization_id: org.orgId,
      preferred_username: 'admin@cwm-emulator.example',
    });
    expect(org.accessToken).to.match(/(00D\w{12,15})![.\w]*/);
  });
});

describe('org emulator: injected faults', () => {
  let org: OrgEmulator;
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  it('answers a matching request with the injected status, then recovers', async () => {
    org.injectFault({ method: 'GET', path: '/query', status: 503 });
    const failed = await call(org, 'GET', `/query?q=${encodeURIComponent('SELECT Id FROM User')}`);
    expect(failed.status).to.equal(503);
    expect(failed.body[0].errorCode).to.equal('SERVER_UNAVAILABLE');
    const next = await call(org, 'GET', `/query?q=${encodeURIComponent('SELECT Id FROM User')}`);
    expect(next.status).to.equal(200);
  });

  it('fails the next writes of an object with UNABLE_TO_LOCK_ROW', async () => {
    org.lockRows('Account', 1);
    const res = await call(org, 'POST', '/composite/sobjects', {
      records: [
        { attributes: { type: 'Account' }, Name: 'Locked' },
        { attributes: { type: 'Account' }, Name: 'Free' },
      ],
    });
    expect(res.body[0].errors[0].statusCode).to.equal('UNABLE_TO_LOCK_ROW');
    expect(res.body[1].success).to.equal(true);
  });

  // The row error a validation rule gives: its message, on its error-display field
  // (shared/reference/salesforce/api-notes.md, error catalogue).
  it('refuses saves a validation rule matches until the rule is deactivated', async () => {
    org.addValidationRule({
      name: 'Phone_Required_For_Partners',
      sobject: 'Account',
      when: (r) => r.Type === 'Partner' && !r.Phone,
      message: 'Partners need a phone number.',
      errorDisplayField: 'Phone',
    });
    const send = (): Promise<{ body: any }> =>
      call(org, 'POST', '/composite/sobjects', {
        records: [
          { attributes: { type: 'Account' }, Name: 'Partner Without Phone', Type: 'Partner' },
          { attributes: { type: 'Account' }, Name: 'Customer Without Phone', Type: 'Customer' },
        ],
      });
    const refused = await send();
    expect(refused.body[0].errors).to.deep.equal([
      { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Partners need a phone number.', fields: ['Phone'] },
    ]);
    expect(refused.body[1].success).to.equal(true);
    org.deactivateValidationRule('Phone_Required_For_Partners');
    const accepted = await send();
    expect(accepted.body.map((r: any) => r.success)).to.deep.equal([true, true]);
  });
});
