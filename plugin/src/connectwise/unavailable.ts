/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { ConnectWiseError } from './errors.js';

/**
 * Why an endpoint cannot be read at all, when the error says the tenant does not offer it:
 * a 404 with ConnectWise's "endpoint does not exist" body (an older version, e.g. `allNotes`, or
 * a module the tenant does not have), a 405, or a 403 (the API member's security role). Any
 * other failure is undefined here: it is a real error and stops the extraction.
 */
export function unavailableReason(error: unknown): string | undefined {
  if (!(error instanceof ConnectWiseError) || error.status === undefined) return undefined;
  if (error.status === 404 && error.code === 'ConnectWiseApi') return 'the endpoint does not exist on this tenant';
  if (error.status === 405) return 'the endpoint does not allow reading on this tenant';
  if (error.status === 403) return 'the API member may not read it (security role)';
  return undefined;
}
