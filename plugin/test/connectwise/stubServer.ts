/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stub saw it. */
export interface StubRequest {
  method: string;
  /** The path below the API root, e.g. `service/tickets`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The full URL the client asked for. */
  url: string;
}

/** What the stub answers; `body` is sent as JSON unless `raw` is given. */
export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
  delayMs?: number;
}

export type StubHandler = (request: StubRequest, root: string) => StubReply | Promise<StubReply>;

export interface StubServer {
  /** The API root, `http://127.0.0.1:<port>/v4_6_release/apis/3.0`. */
  baseUrl: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

const ROOT = '/v4_6_release/apis/3.0/';

/** Starts a tiny HTTP server on a free port that answers like ConnectWise would. */
export async function startStub(handler: StubHandler): Promise<StubServer> {
  const requests: StubRequest[] = [];
  let baseUrl = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: StubRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.startsWith(ROOT) ? url.pathname.slice(ROOT.length) : url.pathname,
      query: url.searchParams,
      headers: req.headers,
      url: `${baseUrl.replace(/\/v4_6_release.*$/, '')}${req.url ?? ''}`,
    };
    requests.push(request);
    void Promise.resolve(handler(request, baseUrl))
      .then(async (reply) => {
        if (reply.delayMs) {
          await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        }
        if (res.destroyed) return;
        const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
        res.end(text);
      })
      .catch((error: Error) => {
        res.writeHead(599);
        res.end(error.message);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/v4_6_release/apis/3.0`;
  return {
    baseUrl,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The credentials every test client uses; the private key must never show up anywhere. */
export const TEST_CREDENTIALS = {
  companyId: 'acme',
  publicKey: 'pub-KEY-1234',
  privateKey: 'SuperSecretPrivateKey-9876',
  clientId: '11111111-2222-3333-4444-555555555555',
};

/** Fast retries for tests: no real back-off waits. */
export const FAST_BACKOFF = { baseDelayMs: 5, maxDelayMs: 2000, jitterMs: 5 };
