/**
 * The API's authentication: HTTP Basic with `{companyId}+{publicKey}` as the user and the
 * private key as the password, plus a `clientId` header on every call (api-notes §1).
 */
import { IncomingMessage } from 'node:http';
import { clientIdRejected, CwHttpError, notAuthenticated } from './errors.js';

/** The credentials the emulator accepts. */
export interface Credentials {
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
}

/**
 * Returns the error to answer with, or undefined when the request may proceed. The login is
 * checked before the clientId, so a client with no credentials at all learns about those first.
 */
export function checkAuth(request: IncomingMessage, credentials: Credentials): CwHttpError | undefined {
  const header = request.headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match) return notAuthenticated();
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const plus = user.indexOf('+');
  const company = plus < 0 ? '' : user.slice(0, plus);
  const publicKey = plus < 0 ? '' : user.slice(plus + 1);
  // Company ids are not case-sensitive at login; keys are.
  const valid =
    company.toLowerCase() === credentials.companyId.toLowerCase() &&
    publicKey === credentials.publicKey &&
    password === credentials.privateKey;
  if (!valid) return notAuthenticated();
  const clientId = request.headers.clientid;
  if (typeof clientId !== 'string' || clientId.trim().toLowerCase() !== credentials.clientId.toLowerCase())
    return clientIdRejected();
  return undefined;
}
