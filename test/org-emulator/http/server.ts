import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DmlFailure } from '../dml/errors.js';
import type { EmulatorState } from '../state.js';
import { ApiError, notFound, type ApiRequest, type ApiResponse, type Route } from './api.js';
import { failureResponse } from './routes-records.js';

const JSON_TYPE = 'application/json;charset=UTF-8';
const DATA_PATH = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/;
const MIN_VERSION = 50;
const MAX_VERSION = 62;

/** Splits a raw request URL into a clean path and query; `//services/data` (the sf CLI's form) becomes `/services/data`. */
export function splitUrl(raw: string): { path: string; query: URLSearchParams } {
  const at = raw.indexOf('?');
  const pathPart = at >= 0 ? raw.slice(0, at) : raw;
  const path = pathPart.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return { path, query: new URLSearchParams(at >= 0 ? raw.slice(at + 1) : '') };
}

/** Routes requests to the route table; shared by the HTTP server and composite subrequests. */
export class Router {
  public constructor(private readonly routes: Route[]) {}

  /** Finds the route for a path; `version` is empty for paths outside `/services/data/vNN.N`. */
  public match(method: string, path: string): { route: Route; params: string[]; version: string; relative: string } {
    const data = DATA_PATH.exec(path);
    let version = '';
    let relative = path;
    if (data) {
      version = data[1];
      const major = Number(version);
      if (major < MIN_VERSION || major > MAX_VERSION) throw notFound();
      relative = data[2] ?? '';
    }
    let allowed: string[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(relative);
      if (!m) continue;
      if (route.method === method)
        return {
          route,
          params: m.slice(1).map(decodeParam),
          version: version || String(MAX_VERSION) + '.0',
          relative,
        };
      allowed.push(route.method);
    }
    allowed = [...new Set(allowed)];
    if (allowed.length > 0)
      throw new ApiError(
        405,
        'METHOD_NOT_ALLOWED',
        `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
      );
    throw notFound();
  }

  // eslint-disable-next-line class-methods-use-this -- kept on the router so callers need one object
  public async run(req: ApiRequest, route: Route, params: string[]): Promise<ApiResponse> {
    try {
      return await route.handler(req, params);
    } catch (err) {
      return errorResponse(err);
    }
  }
}

/** Path parameters arrive percent-encoded; a malformed escape is kept as sent rather than failing the request. */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function errorResponse(err: unknown): ApiResponse {
  if (err instanceof ApiError) return err.toResponse();
  if (err instanceof DmlFailure) return failureResponse(err);
  return {
    status: 500,
    body: [{ message: `An unexpected error occurred: ${(err as Error).message}`, errorCode: 'UNKNOWN_EXCEPTION' }],
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', `Unexpected character in the request body: ${(err as Error).message}`);
  }
}

function send(res: ServerResponse, response: ApiResponse, limitInfo: string | undefined): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  if (limitInfo) headers['Sforce-Limit-Info'] = limitInfo;
  let payload: string | undefined;
  if (response.file !== undefined) {
    headers['Content-Type'] = response.contentType ?? 'text/csv';
    res.writeHead(response.status, headers);
    createReadStream(response.file)
      .on('error', () => res.destroy())
      .pipe(res);
    return;
  }
  if (response.text !== undefined) {
    headers['Content-Type'] = response.contentType ?? 'text/plain';
    payload = response.text;
  } else if (response.body !== undefined && response.status !== 204) {
    headers['Content-Type'] = JSON_TYPE;
    payload = JSON.stringify(response.body);
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** The HTTP front: token check, API usage accounting, body parsing, routing and the common response headers. */
export function createApiServer(state: EmulatorState, router: Router): Server {
  return createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const { path, query } = splitUrl(req.url ?? '/');
    const kind = path.includes('/jobs/')
      ? 'bulk'
      : path.startsWith('/services/oauth2') || path.startsWith('/id/')
        ? 'oauth'
        : 'rest';
    const isData = path.startsWith('/services/data');
    const limitInfo = (): string | undefined =>
      isData ? `api-usage=${state.usage.used}/${state.usage.max}` : undefined;
    const handle = async (): Promise<ApiResponse> => {
      const { standing } = state.org.faults;
      if (standing.latencyMs > 0) await new Promise((wait) => setTimeout(wait, standing.latencyMs));
      const auth = req.headers.authorization ?? '';
      const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(auth)?.[1] ?? query.get('oauth_token');
      // A token-only session has no refresh: once expired (expireSession), every call is refused until a new login.
      if (token !== state.accessToken)
        return { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
      state.counts[kind] = (state.counts[kind] ?? 0) + 1;
      if (isData) {
        // Over the allowance every data call is refused (and not counted), /limits included, as in a real org.
        if (state.usage.used >= state.usage.max)
          return {
            status: 403,
            body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
          };
        state.usage.used++;
        if (state.org.faults.takeServerFailure())
          return {
            status: 503,
            body: [{ message: 'Server temporarily unavailable (standing fail rate)', errorCode: 'SERVER_UNAVAILABLE' }],
          };
      }
      const fault = state.org.faults.take(method, path);
      if (fault?.delayMs) await new Promise((wait) => setTimeout(wait, fault.delayMs));
      if (fault?.status) {
        const errorCode = fault.errorCode ?? (fault.status === 503 ? 'SERVER_UNAVAILABLE' : 'UNKNOWN_EXCEPTION');
        return {
          status: fault.status,
          body: [{ message: fault.message ?? `Injected fault: ${errorCode}`, errorCode }],
        };
      }
      try {
        const { route, params, version, relative } = router.match(method, path);
        const body = route.streamBody ? undefined : await readJson(req);
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]),
        );
        return await router.run(
          { method, path: relative, version, query, headers, body, stream: route.streamBody ? req : undefined },
          route,
          params,
        );
      } catch (err) {
        return errorResponse(err);
      }
    };
    handle()
      .then((response) => {
        // Unread request bodies (errors before parsing) are drained so keep-alive connections stay usable.
        req.resume();
        send(res, response, limitInfo());
      })
      .catch((err: unknown) => send(res, errorResponse(err), limitInfo()));
  });
}
