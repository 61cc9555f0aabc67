/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ConnectWiseClient } from '../../src/connectwise/client.js';
import { extract } from '../../src/connectwise/extractor.js';
import { ExtractionProgress } from '../../src/store/extractionProgress.js';
import { SOURCE_KINDS, WorkStore } from '../../src/store/workStore.js';
import { fakeTenant, sampleTenant } from './fakeTenant.js';
import { startStub, TEST_CREDENTIALS, type StubServer } from './stubServer.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = fileURLToPath(new URL('fixtures/runExtract.ts', import.meta.url));

describe('extract after SIGKILL', () => {
  let dir: string;
  let stub: StubServer | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cwm-kill-'));
  });

  afterEach(async () => {
    await stub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('continues from what the killed process had committed', async function () {
    this.timeout(20_000);
    let kill: (() => void) | undefined;
    stub = await startStub(
      fakeTenant(sampleTenant(), {
        // The child dies while it waits for the third page of tickets.
        intercept: (request) => {
          if (kill && request.path === 'service/tickets' && request.query.get('pageId') === '104') {
            kill();
            kill = undefined;
            return { body: [], delayMs: 300 };
          }
          return undefined;
        },
      }),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      cwd: repoRoot,
      env: { ...process.env, CWM_TEST_DIR: dir, CWM_TEST_BASE_URL: stub.baseUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    kill = () => child.kill('SIGKILL');
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );
    expect(signal, stderr).to.equal('SIGKILL');

    const store = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: 'org' });
    try {
      expect(store.countSource('tickets')).to.equal(4);
      // Kinds are read side by side, so which ones had finished depends on timing: ask the store.
      const progress = new ExtractionProgress(store);
      const finished = SOURCE_KINDS.filter((kind) => progress.kind(kind)?.done);
      expect(finished).to.include('members');
      const before = stub.requests.length;
      const client = new ConnectWiseClient({ ...TEST_CREDENTIALS, baseUrl: stub.baseUrl, pageSize: 2 });
      const summary = await extract({ client, store });
      expect(summary.resumed).to.equal(true);
      for (const kind of finished) expect(summary.kinds[kind], kind).to.include({ skipped: true, requests: 0 });
      expect(summary.kinds.tickets.read).to.equal(3);
      expect(
        stub.requests
          .slice(before)
          .find((request) => request.path === 'service/tickets')
          ?.query.get('conditions'),
      ).to.equal('id > 104');
      expect(store.countSource('tickets')).to.equal(7);
      expect(store.countSource('ticketNotes')).to.equal(14);
    } finally {
      store.close();
    }
  });
});
