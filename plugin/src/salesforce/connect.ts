/* A connection from an instance URL and an access token, for scripts that run the engine directly. */
import { AuthInfo, Connection } from '@salesforce/core';

/** Connects the way `sf org login access-token` does, without storing anything under HOME. */
export async function connectWithToken(instanceUrl: string, accessToken: string): Promise<Connection> {
  const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken, instanceUrl, loginUrl: instanceUrl } });
  return Connection.create({ authInfo });
}
