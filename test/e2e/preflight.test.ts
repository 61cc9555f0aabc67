/*
 * Pre-flight predicts the org's refusals: rows with planted defects are checked against the
 * org's describe, then all of them are sent to the org anyway, and the rows pre-flight flagged
 * must be exactly the rows the org refuses, with the same status codes.
 */
import { expect } from 'chai';
import { sendCollections } from '../../plugin/src/salesforce/collections.js';
import { connectWithToken } from '../../plugin/src/salesforce/connect.js';
import { readOrgContext, type OrgContext } from '../../plugin/src/salesforce/orgContext.js';
import { preflightRow } from '../../plugin/src/salesforce/preflight.js';
import type { Row } from '../../plugin/src/transform/rows.js';
import { startOrgEmulator, type OrgEmulator } from '../org-emulator/index.js';

describe('pre-flight validation predicts what the org refuses', () => {
  let org: OrgEmulator;
  let context: OrgContext;
  let conn: Awaited<ReturnType<typeof connectWithToken>>;
  let idleQueue: string;
  let formerUser: string;

  before(async () => {
    org = await startOrgEmulator();
    [idleQueue] = org.seed('Group', [{ Name: 'Projects Only', DeveloperName: 'Projects_Only', Type: 'Queue' }]);
    [formerUser] = org.seed('User', [{ Username: 'left@msp.example', Email: 'left@msp.example', LastName: 'Left', Alias: 'left', IsActive: false }]);
    conn = await connectWithToken(org.instanceUrl, org.accessToken);
    context = await readOrgContext(conn);
  });
  after(async () => org?.close());

  // [object, row, the codes a real org gives for it (hand-written from api-notes §2)]
  const cases = (): Array<[string, Row, string[]]> => [
    ['Account', { Name: 'Acme' }, []],
    ['Account', { Name: 'x'.repeat(256) }, ['STRING_TOO_LONG']],
    ['Account', { Phone: '555-0100' }, ['REQUIRED_FIELD_MISSING']],
    ['Contact', { LastName: 'Lee', Email: 'lee@@example' }, ['INVALID_EMAIL_ADDRESS']],
    ['Contact', { FirstName: 'Only' }, ['REQUIRED_FIELD_MISSING']],
    ['Case', { Subject: 'To a queue that cannot own cases', OwnerId: idleQueue }, ['FIELD_INTEGRITY_EXCEPTION']],
    ['Case', { Subject: 'To someone who left', OwnerId: formerUser }, ['INACTIVE_OWNER_OR_USER']],
    ['Case', { Subject: 'Fine' }, []],
  ];

  it('flags exactly the rows the org then refuses, with the same codes', async () => {
    for (const [object, row, expected] of cases()) {
      const predicted = preflightRow(context, context.describes.get(object)!, row, 'insert').map((e) => e.code);
      expect(predicted, `${object} ${JSON.stringify(row).slice(0, 80)} predicted`).to.deep.equal(expected);
      // eslint-disable-next-line no-await-in-loop
      const [result] = await sendCollections(conn, { object, operation: 'insert', rows: [row], headers: { 'Sforce-Auto-Assign': 'FALSE' } });
      const given = result.success ? [] : [String(result.error).split(':')[0]];
      expect(given, `${object} ${JSON.stringify(row).slice(0, 80)} from the org`).to.deep.equal(expected);
    }
  });
});
