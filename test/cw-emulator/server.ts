/**
 * The ConnectWise PSA (Manage) REST API emulator: a node:http server that answers
 * `/{codebase}/apis/3.0/...` reads the way a cloud tenant does (api-notes §1–§5), over a
 * {@link Tenant} held in memory, plus the unauthenticated `/login/companyinfo/{companyId}`.
 *
 * @example
 * const cw = await startCwEmulator({ tenant: generateTenant({ seed: 1, companies: 50 }) });
 * // cw.baseUrl → http://127.0.0.1:PORT/v4_6_release/apis/3.0
 * await cw.close();
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { checkAuth, Credentials } from './http/auth.js';
import { CwHttpError, endpointMissing, methodNotAllowed, recordMissing, sendJson } from './http/errors.js';
import { CwFaults, FaultInjector } from './http/faults.js';
import { sendDocument } from './http/download.js';
import { Answer, answerCount, answerItem, answerList } from './http/list.js';
import { Router } from './http/routes.js';
import { DocumentEntry, Tenant } from './types.js';

export type { CwFaults } from './http/faults.js';

/** Options for {@link startCwEmulator}. Credentials default to fixed, made-up test values. */
export interface CwEmulatorOptions {
  tenant: Tenant;
  /** Port to listen on (127.0.0.1). Default 0: any free port. */
  port?: number;
  /** Default: the tenant's `companyInfo.CompanyID`, else `cwmigrate`. */
  companyId?: string;
  publicKey?: string;
  privateKey?: string;
  clientId?: string;
  faults?: CwFaults;
}

/** A running emulator. */
export interface CwEmulator {
  /** e.g. `http://127.0.0.1:PORT/v4_6_release/apis/3.0` */
  baseUrl: string;
  /** e.g. `http://127.0.0.1:PORT` */
  site: string;
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
  /** The data served. Mutable: change, add or delete records (and set `_info.lastUpdated`) between requests. */
  tenant: Tenant;
  /** Faults in force; replace or edit to change them mid-test. */
  faults: CwFaults;
  /** Requests received so far, faulted ones included. */
  requestCount(): number;
  close(): Promise<void>;
}

export const DEFAULT_PUBLIC_KEY = 'Pk7Rn2Xw9Qe4Lt6Z';
export const DEFAULT_PRIVATE_KEY = 'Sv3Hd8Ma1Yc5Ub0J';
export const DEFAULT_CLIENT_ID = '3f1c2a4e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';

/** Cloud tenants answer on `v4_6_release` and on their real codebase, e.g. `v2025_1`. */
const API_PATH = /^\/(v4_6_release|v\d{4}_\d+)\/apis\/3\.0\/(.+?)\/?$/i;
const COMPANY_INFO_PATH = /^\/login\/companyinfo\/([^/]+)\/?$/i;

/** Starts the emulator on 127.0.0.1 and resolves once it is listening. */
export async function startCwEmulator(options: CwEmulatorOptions): Promise<CwEmulator> {
  let requests = 0;
  let sequence = 0;
  const infoCompany = options.tenant.companyInfo?.CompanyID;
  const credentials: Credentials = {
    companyId: options.companyId ?? (typeof infoCompany === 'string' ? infoCompany : 'cwmigrate'),
    publicKey: options.publicKey ?? DEFAULT_PUBLIC_KEY,
    privateKey: options.privateKey ?? DEFAULT_PRIVATE_KEY,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
  };
  const emulator = { tenant: options.tenant, faults: options.faults ?? {} } as CwEmulator;
  const injector = new FaultInjector(() => emulator.faults);
  const router = new Router(() => emulator.tenant);

  const answer = (request: IncomingMessage, url: URL): Answer | { download: DocumentEntry } => {
    const companyInfo = COMPANY_INFO_PATH.exec(url.pathname);
    if (companyInfo) {
      const info = emulator.tenant.companyInfo;
      const wanted = decodeURIComponent(companyInfo[1]).toLowerCase();
      const known =
        wanted === credentials.companyId.toLowerCase() || wanted === String(info?.CompanyID ?? '').toLowerCase();
      // An unknown company gets a 200 with a null body, not a 404 (api-notes §1).
      return { body: known ? info : null, headers: {} };
    }
    const api = API_PATH.exec(url.pathname);
    if (!api) throw endpointMissing();
    const failure = checkAuth(request, credentials);
    if (failure) throw failure;
    if (injector.broken()) throw new CwHttpError(500, { code: 'UnexpectedError', message: 'An error has occurred.' });
    if (request.method !== 'GET' && request.method !== 'HEAD') throw methodNotAllowed(request.method ?? '');
    const route = router.resolve(api[2].split('/').map(decodeURIComponent), url.searchParams);
    if (route.kind === 'document') return { body: route.body, headers: {} };
    if (route.kind === 'download') return { download: route.entry };
    if (route.kind === 'item') {
      const record = route.collection.records.find((candidate) => candidate.id === route.id);
      if (!record) throw recordMissing(route.collection.label, route.id);
      return answerItem(record, url.searchParams);
    }
    if (route.count) return answerCount(route.collection.records, url.searchParams);
    return answerList(route.collection.records, url.searchParams, request.headers, url);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    requests++;
    const common = {
      'x-cw-request-id': `cwemu-${++sequence}`,
      'x-server-name': 'cw-emulator',
      'api-current-version': '2025.1',
    };
    await injector.delay();
    // Throttling happens at the edge, before the API looks at credentials.
    if (injector.throttled()) {
      sendJson(
        response,
        429,
        { code: 'TooManyRequests', message: 'Too many requests. Retry after the time given in Retry-After.' },
        { ...common, 'retry-after': String(injector.retryAfter()) },
      );
      return;
    }
    try {
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
      const answered = answer(request, url);
      if ('download' in answered) sendDocument(response, answered.download, common);
      else sendJson(response, 200, answered.body, { ...common, ...answered.headers });
    } catch (error) {
      if (error instanceof CwHttpError) {
        sendJson(response, error.status, error.body, { ...common, ...error.headers });
      } else {
        sendJson(
          response,
          500,
          { code: 'UnexpectedError', message: error instanceof Error ? error.message : String(error) },
          common,
        );
      }
    }
  };

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const site = `http://127.0.0.1:${port}`;
  Object.assign(emulator, {
    baseUrl: `${site}/v4_6_release/apis/3.0`,
    site,
    ...credentials,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
  return emulator;
}
