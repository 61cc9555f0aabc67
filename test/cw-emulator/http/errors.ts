/**
 * Error bodies in the shape ConnectWise sends them (api-notes §5, `ErrorResponseMessage`).
 * Sources: the amp-labs sample bodies for 404s and validation, and the christaylorcodes
 * ConnectWiseManageAPI module (Invoke-CWMWebRequest.ps1), which handles exactly the codes
 * `Unauthorized` and `ConnectWiseApi`/`UserNotAuthenticated` for failed logins.
 */
import { ServerResponse } from 'node:http';

/** `{code, message, errors?}` as the API returns it. */
export interface ErrorBody {
  code: string;
  message: string;
  errors?: Array<{ code: string; message: string; resource?: string; field?: string }>;
}

/** A failure a handler reports; the server turns it into a status and a body. */
export class CwHttpError extends Error {
  public constructor(
    public readonly status: number,
    public readonly body: ErrorBody,
    public readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'CwHttpError';
  }
}

/** 404 for a path the API does not have (samples: read/not-found.json). */
export function endpointMissing(): CwHttpError {
  return new CwHttpError(404, { code: 'ConnectWiseApi', message: 'The endpoint does not exist.' });
}

/** 404 for an id that is not there, worded like "Contact 57919 not found" (samples: delete/contact-not-found.json). */
export function recordMissing(label: string, id: number | string): CwHttpError {
  return new CwHttpError(404, { code: 'NotFound', message: `${label} ${id} not found` });
}

/** 401 for a wrong or missing Basic login. */
export function notAuthenticated(): CwHttpError {
  return new CwHttpError(401, { code: 'ConnectWiseApi', message: 'UserNotAuthenticated' });
}

/** 401 for a missing or unknown clientId header. The code is documented; the wording is not. */
export function clientIdRejected(): CwHttpError {
  return new CwHttpError(401, {
    code: 'Unauthorized',
    message: 'A valid clientId header is required. See https://developer.connectwise.com/ClientID',
  });
}

/**
 * 400 for a query parameter the server cannot read. The message text for conditions follows the
 * connectwise-rest README; the `InvalidObject` code is the one ConnectWise uses for other 400s.
 */
export function badRequest(message: string): CwHttpError {
  return new CwHttpError(400, { code: 'InvalidObject', message });
}

/** 405 for a method the emulator does not serve (it is read-only). */
export function methodNotAllowed(method: string): CwHttpError {
  return new CwHttpError(405, {
    code: 'ConnectWiseApi',
    message: `The requested resource does not support http method '${method}'.`,
  });
}

/** Writes a JSON body with the headers every ConnectWise response carries. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}
