/**
 * Serves the built preview on 127.0.0.1 and forwards `/services/data/...` to a Salesforce REST endpoint with the
 * access token, so the page's stub adapters read and write real (or emulated) org data without seeing the token.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { DIST } from './build.js';

const require = createRequire(import.meta.url);
const SLDS = join(dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
};

export type PreviewTarget = { instanceUrl: string; accessToken: string };
export type PreviewServer = { url: string; close(): Promise<void> };

function sendFile(res: ServerResponse, root: string, relative: string): void {
  const file = normalize(join(root, relative));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

async function forward(req: IncomingMessage, res: ServerResponse, target: PreviewTarget): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const upstream = await fetch(new URL(req.url ?? '/', target.instanceUrl), {
    method: req.method,
    headers: { Authorization: `Bearer ${target.accessToken}`, 'Content-Type': 'application/json' },
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

/** Starts the preview server on 127.0.0.1 (a random port unless one is given). */
export async function startPreviewServer(target: PreviewTarget, port = 0): Promise<PreviewServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://preview').pathname;
    if (path.startsWith('/services/')) {
      forward(req, res, target).catch((error: Error) => {
        res.writeHead(502, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify([{ errorCode: 'PREVIEW_PROXY', message: error.message }]));
      });
    } else if (path === '/favicon.ico') {
      res.writeHead(204).end();
    } else if (path.startsWith('/slds/')) {
      sendFile(res, SLDS, path.slice('/slds/'.length));
    } else {
      sendFile(res, DIST, path === '/' ? 'index.html' : path.slice(1));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
