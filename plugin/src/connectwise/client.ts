/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SfError } from '@salesforce/core/sfError';
import { ConnectWiseError, errorFromFailure, errorFromResponse, redactUrl } from './errors.js';
import { parseLinkHeader } from './linkHeader.js';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
  type RetryPolicy,
} from './retryPolicy.js';

export { credentialsFromEnv, type ConnectWiseCredentials } from './credentials.js';

/** What happened to one HTTP attempt; handed to `onRequest` for logs and benchmarks. */
export interface ConnectWiseRequestEvent {
  method: string;
  /** The URL without credentials (ConnectWise keys travel in a header, never in the URL). */
  url: string;
  attempt: number;
  /** Undefined when no response came back (network failure or time-out). */
  status?: number;
  durationMs: number;
  /** `retry` when another attempt follows after `waitMs`. */
  outcome: 'ok' | 'retry' | 'error';
  waitMs?: number;
}

/** How to reach and authenticate against a ConnectWise PSA tenant. */
export interface ConnectWiseClientOptions {
  /** The full API root, e.g. `http://127.0.0.1:8443/v4_6_release/apis/3.0`; wins over site. */
  baseUrl?: string;
  /** The API host, e.g. `api-na.myconnectwise.net`, or a URL with a scheme. */
  site?: string;
  /** The codebase path segment; `v4_6_release` is the alias every tenant answers. */
  codebase?: string;
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
  /** Records per page; ConnectWise caps it at 1000. */
  pageSize?: number;
  /** Retries after the first attempt of each request. */
  maxRetries?: number;
  /** Back-off tuning; tests shrink it. */
  backoff?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  /** Time-out per attempt. */
  timeoutMs?: number;
  /** The response model version pinned in the Accept header. */
  apiVersion?: string;
  fetch?: typeof fetch;
  onRequest?: (event: ConnectWiseRequestEvent) => void;
}

/** Counts the HTTP attempts made on behalf of one caller (an extraction step), retries included. */
export interface RequestTally {
  requests: number;
}

/** Filters and paging for {@link ConnectWiseClient.list}. */
export interface ListOptions {
  /** Extra query parameters the endpoint takes, e.g. `recordType` and `recordId` on `system/documents`. */
  params?: Record<string, string | number>;
  /** Counted up on every attempt this listing makes. */
  tally?: RequestTally;
  conditions?: string;
  childConditions?: string;
  orderBy?: string;
  /** A partial response: only these fields (`id,name,_info/lastUpdated`). */
  fields?: string;
  /** Keyset paging (`pagination-type: forward-only`); results come in ascending id order. */
  forwardOnly?: boolean;
  pageSize?: number;
}

interface Answer {
  body: unknown;
  headers: Headers;
}

const MAX_PAGE_SIZE = 1000;

function resolveBaseUrl(options: ConnectWiseClientOptions): string {
  if (options.baseUrl) {
    return options.baseUrl.replace(/\/+$/, '');
  }
  const site = (options.site ?? '').trim().replace(/\/+$/, '');
  const root = /^https?:\/\//i.test(site) ? site : `https://${site}`;
  if (/\/apis\/3\.0$/.test(root)) {
    return root;
  }
  const codebase = (options.codebase ?? 'v4_6_release').replace(/^\/+|\/+$/g, '');
  return `${root}/${codebase}/apis/3.0`;
}

function checkSettings(options: ConnectWiseClientOptions): void {
  const missing: string[] = [];
  if (!options.baseUrl && !options.site?.trim()) missing.push('site (CW_SITE)');
  if (!options.companyId) missing.push('company id (CW_COMPANY_ID)');
  if (!options.publicKey) missing.push('public key (CW_PUBLIC_KEY)');
  if (!options.privateKey) missing.push('private key (CW_PRIVATE_KEY)');
  if (!options.clientId) missing.push('clientId (CW_CLIENT_ID)');
  if (missing.length > 0) {
    throw new SfError(`ConnectWise settings are missing: ${missing.join(', ')}.`, 'ConnectWiseSettingsMissing', [
      'Set the environment variables named above, or pass the matching flags.',
    ]);
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    // encodeURIComponent rather than URLSearchParams: a space must not become `+`, which some
    // servers keep as a literal plus inside a condition.
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/**
 * A small ConnectWise Manage REST client: Basic auth with the API member keys, the clientId
 * header, page-by-page listing that follows the `Link` header, and retries that honour
 * `Retry-After` on 429 and back off on 5xx, network failures and time-outs.
 *
 * The keys live in private fields: logging or serialising the client shows no secret.
 *
 * @example
 * const client = new ConnectWiseClient({ site: 'api-na.myconnectwise.net', companyId: 'acme',
 *   publicKey, privateKey, clientId });
 * for await (const page of client.list<Ticket>('service/tickets', { forwardOnly: true })) { … }
 */
export class ConnectWiseClient {
  /** The API root every path is relative to. */
  public readonly baseUrl: string;
  public readonly pageSize: number;
  readonly #authorization: string;
  readonly #secrets: string[];
  readonly #clientId: string;
  readonly #accept: string;
  readonly #fetch: typeof fetch;
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #onRequest?: (event: ConnectWiseRequestEvent) => void;
  #requests = 0;
  #retries = 0;

  public constructor(options: ConnectWiseClientOptions) {
    checkSettings(options);
    this.baseUrl = resolveBaseUrl(options);
    this.pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
    const token = Buffer.from(`${options.companyId}+${options.publicKey}:${options.privateKey}`).toString('base64');
    this.#authorization = `Basic ${token}`;
    this.#secrets = [options.privateKey, token];
    this.#clientId = options.clientId;
    this.#accept = `application/vnd.connectwise.com+json; version=${options.apiVersion ?? '2022.1'}`;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...options.backoff };
    if (options.maxRetries !== undefined) {
      this.#policy.maxRetries = Math.max(0, options.maxRetries);
    }
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#onRequest = options.onRequest;
  }

  /** HTTP attempts made so far, retries included. */
  public get requestCount(): number {
    return this.#requests;
  }

  /** Attempts that were retries of an earlier one. */
  public get retryCount(): number {
    return this.#retries;
  }

  /**
   * Lists a collection page by page. The next page is the `Link` header's `rel="next"` URL,
   * followed exactly. In forward-only mode a server that sends no `Link` on a full first page
   * does not support it for this endpoint, so listing carries on with `page=2`, `page=3`, …
   * A server that sends no `Link` at all is paged the same way until a short page.
   *
   * @param path Relative to the API root, e.g. `service/tickets`.
   */
  public async *list<T>(path: string, options: ListOptions = {}): AsyncGenerator<T[]> {
    const pageSize = Math.min(options.pageSize ?? this.pageSize, MAX_PAGE_SIZE);
    const params = {
      ...options.params,
      conditions: options.conditions,
      childConditions: options.childConditions,
      orderBy: options.orderBy,
      fields: options.fields,
      pageSize,
    };
    const pageUrl = (page: number): string => this.url(path, { ...params, page });
    let forwardOnly = options.forwardOnly === true;
    let url: string | undefined = forwardOnly ? this.url(path, params) : pageUrl(1);
    let page = 1;
    let linked = false;
    while (url) {
      const answer = await this.send(url, forwardOnly, options.tally);
      if (!Array.isArray(answer.body)) {
        throw this.badResponse(url, 'a list endpoint did not return a JSON array');
      }
      const items = answer.body as T[];
      if (items.length > 0) {
        yield items;
      }
      const header = answer.headers.get('link');
      const next: string | undefined = parseLinkHeader(header, url).next;
      if (next) {
        linked = true;
        url = next;
      } else if (linked || header || items.length < pageSize) {
        url = undefined;
      } else {
        forwardOnly = false;
        page += 1;
        url = pageUrl(page);
      }
    }
  }

  /** Counts the records of a collection that match the conditions (`GET <path>/count`). */
  public async count(
    path: string,
    conditions?: string,
    extra: { params?: Record<string, string | number>; tally?: RequestTally } = {},
  ): Promise<number> {
    const url = this.url(`${path.replace(/\/+$/, '')}/count`, { ...extra.params, conditions });
    const answer = await this.send(url, false, extra.tally);
    const count = (answer.body as { count?: unknown } | null)?.count;
    if (typeof count !== 'number') {
      throw this.badResponse(url, 'a count endpoint did not return {"count": n}');
    }
    return count;
  }

  /** Reads one resource, e.g. `service/tickets/123` or `system/info`. */
  public async get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
    const answer = await this.send(this.url(path, params), false);
    return answer.body as T;
  }

  /**
   * Downloads a binary resource (`system/documents/{id}/download`) and hands the response to
   * `consume`, which must read the body (e.g. stream it to a file). A failure while reading the
   * body is retried like any other, so `consume` must tolerate being called again.
   *
   * @returns What `consume` returned.
   */
  public async download<T>(
    path: string,
    consume: (response: Response) => Promise<T>,
    tally?: RequestTally,
  ): Promise<T> {
    // connectwise-rest swaps application/json for a binary type on this path (api-notes §6.15).
    let result: T | undefined;
    await this.send(
      this.url(path, {}),
      false,
      tally,
      async (response): Promise<string> => {
        result = await consume(response);
        return '';
      },
      '*/*',
    );
    return result as T;
  }

  private url(path: string, params: Record<string, string | number | undefined>): string {
    return `${this.baseUrl}/${path.replace(/^\/+/, '')}${query(params)}`;
  }

  private badResponse(url: string, what: string): ConnectWiseError {
    return new ConnectWiseError({
      message: `Unexpected answer from ConnectWise for GET ${redactUrl(url)}: ${what}.`,
      method: 'GET',
      url: redactUrl(url),
      code: 'BadResponse',
      actions: ['Check the site and codebase (CW_SITE, CW_CODEBASE) point at the ConnectWise API.'],
    });
  }

  private async send(
    url: string,
    forwardOnly: boolean,
    tally?: RequestTally,
    readBody: (response: Response) => Promise<string> = (response) => response.text(),
    accept = this.#accept,
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      Authorization: this.#authorization,
      clientId: this.#clientId,
      Accept: accept,
    };
    if (forwardOnly) {
      headers['pagination-type'] = 'forward-only';
    }
    const binary = accept !== this.#accept;
    const shownUrl = redactUrl(url);
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const event = { method: 'GET', url: shownUrl, attempt };
      const retriesLeft = attempt <= this.#policy.maxRetries;
      this.#requests++;
      if (tally) tally.requests++;
      if (attempt > 1) this.#retries++;
      let response: Response;
      let text: string;
      try {
        response = await this.#fetch(url, { headers, signal: AbortSignal.timeout(this.#timeoutMs) });
        // Inside the try: the time-out also covers the body, and a cut-off body is retried too.
        text = response.ok ? await readBody(response) : await response.text();
      } catch (error) {
        const durationMs = Date.now() - started;
        if (!retriesLeft) {
          this.#onRequest?.({ ...event, durationMs, outcome: 'error' });
          const timedOut = isTimeout(error);
          throw errorFromFailure({
            method: 'GET',
            url,
            cause: error,
            timedOut,
            attempts: attempt,
            secrets: this.#secrets,
          });
        }
        const waitMs = retryDelay(this.#policy, attempt);
        this.#onRequest?.({ ...event, durationMs, outcome: 'retry', waitMs });
        await sleep(waitMs);
        continue;
      }
      const durationMs = Date.now() - started;
      const status = response.status;
      if (response.ok) {
        this.#onRequest?.({ ...event, status, durationMs, outcome: 'ok' });
        if (binary) {
          return { body: null, headers: response.headers };
        }
        try {
          return { body: text === '' ? null : (JSON.parse(text) as unknown), headers: response.headers };
        } catch {
          throw this.badResponse(url, 'the body is not JSON');
        }
      }
      if (!isRetryableStatus(status) || !retriesLeft) {
        this.#onRequest?.({ ...event, status, durationMs, outcome: 'error' });
        throw errorFromResponse({ method: 'GET', url, status, body: text, attempts: attempt, secrets: this.#secrets });
      }
      const retryAfter = status === 429 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      const waitMs = retryDelay(this.#policy, attempt, retryAfter);
      this.#onRequest?.({ ...event, status, durationMs, outcome: 'retry', waitMs });
      await sleep(waitMs);
    }
  }
}
