/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { SfError } from '@salesforce/core/sfError';

/** One entry of the `errors` array in a ConnectWise error body. */
export type ConnectWiseErrorDetail = {
  code?: string;
  message?: string;
  resource?: string;
  field?: string;
};

/** The machine-readable part of a {@link ConnectWiseError}, also exposed as its `data`. */
// A type alias rather than an interface: SfError data must be assignable to a JSON map.
export type ConnectWiseErrorData = {
  method: string;
  /** The request URL without any user or password part. */
  url: string;
  status?: number;
  code?: string;
  errors?: ConnectWiseErrorDetail[];
};

/**
 * A ConnectWise request that failed for good: the server refused it, or it kept failing after
 * the retries. The message and actions say what to check; they never hold a key or the
 * Authorization header.
 */
export class ConnectWiseError extends SfError<ConnectWiseErrorData> {
  /** The HTTP status, when the server answered at all. */
  public readonly status?: number;
  /** The request URL without credentials. */
  public readonly url: string;
  /** Field-level errors from the body, when ConnectWise sent any. */
  public readonly errors: ConnectWiseErrorDetail[];

  public constructor(init: {
    message: string;
    method: string;
    url: string;
    status?: number;
    code: string;
    errors?: ConnectWiseErrorDetail[];
    actions?: string[];
    cause?: unknown;
  }) {
    super(init.message, 'ConnectWiseError', init.actions, init.cause instanceof Error ? init.cause : undefined);
    this.code = init.code;
    this.status = init.status;
    this.url = init.url;
    this.errors = init.errors ?? [];
    const data: ConnectWiseErrorData = { method: init.method, url: init.url, status: init.status, code: init.code };
    if (this.errors.length > 0) {
      data.errors = this.errors;
    }
    this.setData(data);
  }
}

/** Removes a user and password from a URL so it can be shown or logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
    }
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

/** Replaces every occurrence of a secret in a text; an echoed key must not reach a message. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) {
      result = result.split(secret).join('***');
    }
  }
  return result;
}

interface ErrorBody {
  code?: string;
  message?: string;
  errors?: ConnectWiseErrorDetail[];
}

function parseErrorBody(text: string): ErrorBody {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as ErrorBody) : {};
  } catch {
    // Proxies and the Cloudflare edge answer with HTML; there is nothing useful to quote.
    return {};
  }
}

const CREDENTIAL_ACTIONS = [
  'Check the API member keys: CW_PUBLIC_KEY and CW_PRIVATE_KEY (or the matching flags). ' +
    'If in doubt, generate a new key pair in System > Members > API Members.',
  'Check the company id (CW_COMPANY_ID): the company name typed at the ConnectWise login, not a number.',
  'Check the clientId (CW_CLIENT_ID): the GUID registered at developer.connectwise.com.',
];

const LOCATION_ACTIONS = [
  'Check the site (CW_SITE): on ConnectWise Cloud use the API host, e.g. api-na.myconnectwise.net, ' +
    'not the na.myconnectwise.net UI host.',
  'Check the codebase (CW_CODEBASE): v4_6_release works everywhere; a tenant-specific one comes from ' +
    'https://<site>/login/companyinfo/<company id>.',
  'ConnectWise Cloud can answer 404 for wrong credentials too: check the company id and API keys.',
];

function actionsFor(status: number): { code: string; lead: string; actions: string[] } {
  if (status === 401) {
    return {
      code: 'Unauthorized',
      lead: 'ConnectWise did not accept the API credentials',
      actions: CREDENTIAL_ACTIONS,
    };
  }
  if (status === 403) {
    return {
      code: 'Forbidden',
      lead: 'The API member is not allowed to read this',
      actions: [
        'Give the API member a security role with Inquire rights on the module in the URL ' +
          '(System, Service Desk, Companies).',
        'A Private clientId only works on the tenant that registered it; ' +
          'a migration vendor needs a Public or Contractor clientId.',
      ],
    };
  }
  if (status === 404) {
    return { code: 'NotFound', lead: 'ConnectWise has nothing at this address', actions: LOCATION_ACTIONS };
  }
  if (status === 429) {
    return {
      code: 'TooManyRequests',
      lead: 'ConnectWise kept throttling the requests',
      actions: ['Lower the concurrency, or run again later; progress so far is kept.'],
    };
  }
  if (status >= 500) {
    return {
      code: 'ServerError',
      lead: 'ConnectWise kept failing',
      actions: ['Run again later; progress so far is kept. If it persists, use a smaller page size.'],
    };
  }
  return { code: 'BadRequest', lead: 'ConnectWise refused the request', actions: [] };
}

/**
 * Builds the error for a response that will not be retried (any more).
 *
 * @param init.body The response text; a ConnectWise `{code, message, errors}` body is quoted.
 * @param init.secrets Values that must never appear in the message (the private key, the
 * Authorization header value).
 */
export function errorFromResponse(init: {
  method: string;
  url: string;
  status: number;
  body: string;
  attempts: number;
  secrets: readonly string[];
}): ConnectWiseError {
  const url = redactUrl(init.url);
  const body = parseErrorBody(init.body);
  const known = actionsFor(init.status);
  const details = Array.isArray(body.errors) ? body.errors : [];
  let message = `${known.lead}: ${init.method} ${url} answered ${init.status}`;
  if (body.message) {
    message += ` (${body.code ? `${body.code}: ` : ''}${body.message})`;
  }
  for (const detail of details) {
    message += `\n  ${detail.field ?? detail.resource ?? '-'}: ${detail.message ?? detail.code ?? ''}`;
  }
  if (init.attempts > 1) {
    message += `\nGave up after ${init.attempts} attempts.`;
  }
  return new ConnectWiseError({
    message: scrubSecrets(message, init.secrets),
    method: init.method,
    url,
    status: init.status,
    code: body.code ?? known.code,
    errors: details,
    actions: known.actions,
  });
}

/** Builds the error for a request that never got an answer (network failure or time-out). */
export function errorFromFailure(init: {
  method: string;
  url: string;
  cause: unknown;
  timedOut: boolean;
  attempts: number;
  secrets: readonly string[];
}): ConnectWiseError {
  const url = redactUrl(init.url);
  const reason = init.timedOut ? 'the request timed out' : String((init.cause as Error)?.message ?? init.cause);
  const message =
    `Could not get an answer from ConnectWise for ${init.method} ${url} ` +
    `after ${init.attempts} attempts: ${reason}`;
  return new ConnectWiseError({
    message: scrubSecrets(message, init.secrets),
    method: init.method,
    url,
    code: init.timedOut ? 'Timeout' : 'NetworkError',
    actions: [
      'Check the site (CW_SITE) and that this machine can reach it (proxy, VPN, firewall).',
      'Run again; progress so far is kept.',
    ],
    cause: init.cause,
  });
}
