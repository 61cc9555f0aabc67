/*
 * A connection to the org emulator of the kind the sf CLI hands a command, for tests that drive
 * plugin code against the emulator without the CLI.
 */
import { AuthInfo, Connection } from '@salesforce/core';
import type { OrgEmulator } from '../../../test/org-emulator/index.js';

export async function connectTo(org: OrgEmulator): Promise<Connection> {
  const authInfo = await AuthInfo.create({
    accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl },
  });
  const conn = await Connection.create({ authInfo });
  conn.setApiVersion('62.0');
  return conn;
}
