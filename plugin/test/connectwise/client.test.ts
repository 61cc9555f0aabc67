/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { inspect } from 'node:util';
import { expect } from 'chai';
import { ConnectWiseClient, type ConnectWiseRequestEvent } from '../../src/connectwise/client.js';
import { ConnectWiseError } from '../../src/connectwise/errors.js';
import { FAST_BACKOFF, startStub, TEST_CREDENTIALS, type StubHandler, type StubServer } from './stubServer.js';

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[][]> {
  const result: T[][] = [];
  for await (const page of pages) result.push(page);
  return result;
}

async function failure(promise: Promise<unknown>): Promise<ConnectWiseError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ConnectWiseError);
    return error as ConnectWiseError;
  }
  throw new Error('expected a ConnectWiseError');
}

describe('ConnectWiseClient', () => {
  let stub: StubServer | undefined;
  const serve = async (
    handler: StubHandler,
    extra: Partial<ConstructorParameters<typeof ConnectWiseClient>[0]> = {}
  ) => {
    stub = await startStub(handler);
    return new ConnectWiseClient({ ...TEST_CREDENTIALS, baseUrl: stub.baseUrl, backoff: FAST_BACKOFF, ...extra });
  };

  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });

  describe('settings', () => {
    it('builds the API root from a bare host and the default codebase', () => {
      const client = new ConnectWiseClient({ ...TEST_CREDENTIALS, site: 'api-na.myconnectwise.net' });
      expect(client.baseUrl).to.equal('https://api-na.myconnectwise.net/v4_6_release/apis/3.0');
    });

    it('keeps an explicit scheme and trims slashes around the codebase', () => {
      const client = new ConnectWiseClient({
        ...TEST_CREDENTIALS,
        site: 'http://localhost:8443/',
        codebase: 'v2025_1/',
      });
      expect(client.baseUrl).to.equal('http://localhost:8443/v2025_1/apis/3.0');
    });

    it('names every missing setting without showing any value', () => {
      expect(() => new ConnectWiseClient({ ...TEST_CREDENTIALS, site: '', clientId: '', privateKey: '' }))
        .to.throw(/site \(CW_SITE\), private key \(CW_PRIVATE_KEY\), clientId \(CW_CLIENT_ID\)/)
        .with.property('name', 'ConnectWiseSettingsMissing');
    });

    it('shows no key when the client is inspected or serialised', () => {
      const client = new ConnectWiseClient({ ...TEST_CREDENTIALS, site: 'api-na.myconnectwise.net' });
      const token = Buffer.from(`acme+${TEST_CREDENTIALS.publicKey}:${TEST_CREDENTIALS.privateKey}`).toString('base64');
      for (const text of [inspect(client, { depth: 5 }), JSON.stringify(client)]) {
        expect(text).to.not.include(TEST_CREDENTIALS.privateKey);
        expect(text).to.not.include(token);
      }
    });
  });

  describe('requests', () => {
    it('sends Basic auth, clientId and the pinned version', async () => {
      const client = await serve(() => ({ body: { version: 'v2025.1' } }));
      const info = await client.get<{ version: string }>('system/info');
      expect(info.version).to.equal('v2025.1');
      const headers = stub!.requests[0].headers;
      const expected = Buffer.from('acme+pub-KEY-1234:SuperSecretPrivateKey-9876').toString('base64');
      expect(headers.authorization).to.equal(`Basic ${expected}`);
      expect(headers.clientid).to.equal(TEST_CREDENTIALS.clientId);
      expect(headers.accept).to.equal('application/vnd.connectwise.com+json; version=2022.1');
      expect(stub!.requests[0].path).to.equal('system/info');
    });

    it('counts with the conditions encoded, spaces as %20', async () => {
      const client = await serve(() => ({ body: { count: 42 } }));
      expect(await client.count('service/tickets', 'closedFlag = false and board/name = "Help Desk"')).to.equal(42);
      const request = stub!.requests[0];
      expect(request.path).to.equal('service/tickets/count');
      expect(request.query.get('conditions')).to.equal('closedFlag = false and board/name = "Help Desk"');
      expect(request.url).to.include('closedFlag%20%3D%20false');
    });

    it('counts every attempt, retries included', async () => {
      let calls = 0;
      const client = await serve(() =>
        ++calls === 1 ? { status: 503, raw: '<html>busy</html>' } : { body: { count: 1 } }
      );
      await client.count('service/boards');
      expect(client.requestCount).to.equal(2);
      expect(client.retryCount).to.equal(1);
    });
  });

  describe('list', () => {
    it('follows the Link next URL exactly across pages', async () => {
      const client = await serve(
        (request) => {
          const page = Number(request.query.get('page') ?? 1);
          if (page === 1) {
            // The next link keeps the conditions but adds a marker only the server knows about.
            const next = `${request.url.replace('page=1', 'page=2')}&token=abc`;
            return { body: [{ id: 1 }, { id: 2 }], headers: { Link: `<${next}>; rel="next", <${next}>; rel="last"` } };
          }
          if (page === 2 && request.query.get('token') === 'abc') {
            return { body: [{ id: 3 }], headers: { Link: `<${request.url}>; rel="last"` } };
          }
          return { status: 400, body: { code: 'InvalidObject', message: 'unexpected page', errors: [] } };
        },
        { pageSize: 2 }
      );
      const pages = await collect(client.list<{ id: number }>('company/companies', { conditions: 'name like "A%"' }));
      expect(pages.map((page) => page.map((row) => row.id))).to.deep.equal([[1, 2], [3]]);
      expect(stub!.requests).to.have.length(2);
      expect(stub!.requests[1].query.get('conditions')).to.equal('name like "A%"');
      expect(stub!.requests[0].query.get('pageSize')).to.equal('2');
    });

    it('pages forward-only with the header and pageId links', async () => {
      const ids = [3, 5, 8, 13, 21];
      const client = await serve(
        (request) => {
          expect(request.headers['pagination-type']).to.equal('forward-only');
          const after = Number(request.query.get('pageId') ?? 0);
          const rest = ids.filter((id) => id > after);
          const body = rest.slice(0, 2).map((id) => ({ id }));
          const headers: Record<string, string> = {};
          if (rest.length > 2)
            headers.Link = `<${stub!.baseUrl}/service/tickets?pageSize=2&pageId=${body[1].id}>; rel="next"`;
          return { body, headers };
        },
        { pageSize: 2 }
      );
      const pages = await collect(client.list<{ id: number }>('service/tickets', { forwardOnly: true }));
      expect(pages.flat().map((row) => row.id)).to.deep.equal(ids);
      expect(stub!.requests.map((request) => request.query.get('pageId'))).to.deep.equal([null, '5', '13']);
      expect(stub!.requests[0].query.has('page')).to.equal(false);
    });

    it('falls back to page numbers when forward-only gets no Link on a full page', async () => {
      const ids = [1, 2, 3, 4, 5];
      const client = await serve(
        (request) => {
          const page = Number(request.query.get('page') ?? 1);
          return { body: ids.slice((page - 1) * 2, page * 2).map((id) => ({ id })) };
        },
        { pageSize: 2 }
      );
      const pages = await collect(client.list<{ id: number }>('service/tickets', { forwardOnly: true }));
      expect(pages.flat().map((row) => row.id)).to.deep.equal(ids);
      expect(stub!.requests.map((request) => request.query.get('page'))).to.deep.equal([null, '2', '3']);
      expect(stub!.requests[1].headers['pagination-type']).to.equal(undefined);
    });

    it('stops after a forward-only page without Link when the page is short', async () => {
      const client = await serve(() => ({ body: [{ id: 1 }] }), { pageSize: 2 });
      const pages = await collect(client.list('service/tickets', { forwardOnly: true }));
      expect(pages).to.have.length(1);
      expect(stub!.requests).to.have.length(1);
    });

    it('yields nothing for an empty collection', async () => {
      const client = await serve(() => ({ body: [] }));
      expect(await collect(client.list('service/priorities'))).to.deep.equal([]);
    });

    it('rejects an answer that is not a bare array', async () => {
      const client = await serve(() => ({ body: { items: [] } }));
      const error = await failure(collect(client.list('service/boards')));
      expect(error.code).to.equal('BadResponse');
    });
  });

  describe('retries', () => {
    it('waits as long as Retry-After says on 429, then succeeds', async () => {
      const events: ConnectWiseRequestEvent[] = [];
      let calls = 0;
      const client = await serve(
        () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '1' }, raw: '' } : { body: [{ id: 1 }] }),
        { onRequest: (event) => events.push(event) }
      );
      const started = Date.now();
      const pages = await collect(client.list('service/boards'));
      expect(Date.now() - started).to.be.at.least(1000);
      expect(pages).to.deep.equal([[{ id: 1 }]]);
      expect(events.map((event) => [event.status, event.outcome])).to.deep.equal([
        [429, 'retry'],
        [200, 'ok'],
      ]);
      expect(events[0].waitMs).to.be.within(1000, 1000 + FAST_BACKOFF.jitterMs);
    });

    it('backs off exponentially on 5xx and gives up with a clear error', async () => {
      const events: ConnectWiseRequestEvent[] = [];
      const client = await serve(() => ({ status: 502, raw: '<html>Bad gateway</html>' }), {
        maxRetries: 3,
        backoff: { baseDelayMs: 10, maxDelayMs: 1000, jitterMs: 0 },
        onRequest: (event) => events.push(event),
      });
      const error = await failure(client.get('service/tickets/1'));
      expect(stub!.requests).to.have.length(4);
      expect(events.map((event) => event.waitMs)).to.deep.equal([10, 20, 40, undefined]);
      expect(error.status).to.equal(502);
      expect(error.code).to.equal('ServerError');
      expect(error.message).to.match(
        /ConnectWise kept failing: GET http:\/\/127\.0\.0\.1:\d+\/.*service\/tickets\/1 answered 502/
      );
      expect(error.message).to.include('Gave up after 4 attempts');
      expect(error.actions?.join(' ')).to.include('Run again later');
    });

    it('retries a time-out and then reports it', async () => {
      const client = await serve(() => ({ body: [], delayMs: 300 }), { timeoutMs: 50, maxRetries: 1 });
      const error = await failure(client.get('service/boards'));
      expect(error.code).to.equal('Timeout');
      expect(error.message).to.include('after 2 attempts: the request timed out');
      expect(stub!.requests).to.have.length(2);
    });

    it('retries a network failure', async () => {
      let calls = 0;
      const flaky: typeof fetch = async (input, init) => {
        if (++calls === 1) throw new TypeError('fetch failed');
        return fetch(input, init);
      };
      const client = await serve(() => ({ body: { count: 7 } }), { fetch: flaky });
      expect(await client.count('company/contacts')).to.equal(7);
      expect(client.requestCount).to.equal(2);
    });

    it('does not retry a 400 and quotes the field errors', async () => {
      const client = await serve(() => ({
        status: 400,
        body: {
          code: 'InvalidObject',
          message: 'contact object is invalid',
          errors: [
            {
              code: 'MissingRequiredField',
              message: 'The firstName field is required.',
              resource: 'contact',
              field: 'firstName',
            },
          ],
        },
      }));
      const error = await failure(client.get('company/contacts/9'));
      expect(stub!.requests).to.have.length(1);
      expect(error.code).to.equal('InvalidObject');
      expect(error.message).to.include('(InvalidObject: contact object is invalid)');
      expect(error.message).to.include('firstName: The firstName field is required.');
      expect(error.errors[0].code).to.equal('MissingRequiredField');
    });
  });

  describe('errors', () => {
    it('explains a 401 without any secret', async () => {
      const token = Buffer.from(`acme+${TEST_CREDENTIALS.publicKey}:${TEST_CREDENTIALS.privateKey}`).toString('base64');
      const client = await serve(() => ({
        status: 401,
        // A server that echoes what it got must not get the key into the message either.
        body: { code: 'Unauthorized', message: `Bad key ${TEST_CREDENTIALS.privateKey} in Basic ${token}` },
      }));
      const error = await failure(client.get('system/members'));
      const everything = JSON.stringify({ ...error.toObject(), stack: error.stack, actions: error.actions });
      expect(everything).to.not.include(TEST_CREDENTIALS.privateKey);
      expect(everything).to.not.include(token);
      expect(everything).to.not.match(/authorization/i);
      expect(error.status).to.equal(401);
      expect(error.message).to.include('ConnectWise did not accept the API credentials');
      const actions = error.actions?.join('\n') ?? '';
      expect(actions).to.include('CW_PUBLIC_KEY and CW_PRIVATE_KEY');
      expect(actions).to.include('CW_COMPANY_ID');
      expect(actions).to.include('CW_CLIENT_ID');
    });

    it('points at site and codebase on 404', async () => {
      const client = await serve(() => ({
        status: 404,
        body: { code: 'ConnectWiseApi', message: 'The endpoint does not exist.', errors: null },
      }));
      const error = await failure(client.get('service/boardz'));
      expect(error.message).to.include('(ConnectWiseApi: The endpoint does not exist.)');
      expect(error.url).to.equal(`${stub!.baseUrl}/service/boardz`);
      const actions = error.actions?.join('\n') ?? '';
      expect(actions).to.include('CW_SITE');
      expect(actions).to.include('CW_CODEBASE');
    });

    it('says which role to check on 403', async () => {
      const client = await serve(() => ({ status: 403, body: { code: 'Forbidden', message: 'Access denied' } }));
      const error = await failure(client.get('system/members'));
      expect(error.actions?.[0]).to.include('security role');
    });
  });
});
