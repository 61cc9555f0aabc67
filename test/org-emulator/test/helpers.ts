/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOrgEmulator, type OrgEmulator, type OrgEmulatorOptions } from '../index.js';

/** The emulator's own SFDX fixture (CW_Id__c on Account/Contact/Case, custom object CWM_Board__c). */
export const FIXTURE_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/salesforce/source');

export function startTestOrg(options: OrgEmulatorOptions = {}): Promise<OrgEmulator> {
  return startOrgEmulator({ sourceDirs: [FIXTURE_SOURCE], ...options });
}

export type HttpResult<T = any> = {
  status: number;
  headers: Headers;
  body: T;
  text: string;
};

/** A raw HTTP call to the emulator (path relative to /services/data/v62.0 unless it starts with /services or /id). */
export async function call<T = any>(
  org: OrgEmulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const url =
    path.startsWith('/services') || path.startsWith('/id/')
      ? org.instanceUrl + path
      : `${org.instanceUrl}/services/data/v62.0${path}`;
  const isText = typeof body === 'string';
  const res = await fetch(url, {
    method,
    headers: {
      Authorization: `Bearer ${org.accessToken}`,
      ...(body === undefined ? {} : { 'Content-Type': isText ? 'text/csv' : 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').startsWith('application/json') && text ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, body: json as T, text };
}

/** Runs a SOQL query through GET /query and returns the parsed body. */
export async function soql<T = any>(org: OrgEmulator, query: string): Promise<HttpResult<T>> {
  return call<T>(org, 'GET', `/query?q=${encodeURIComponent(query)}`);
}
