/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ExtractionProgress } from '../../src/store/extractionProgress.js';
import { WorkStore } from '../../src/store/workStore.js';

describe('ExtractionProgress', () => {
  let dir: string;
  let store: WorkStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cwm-progress-'));
    store = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: 'org' });
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes an unfinished run and forgets a finished one', () => {
    const progress = new ExtractionProgress(store);
    const first = progress.beginRun();
    expect(first.resumed).to.equal(false);
    progress.saveKind('members', { done: true, startedAt: first.run.startedAt, read: 2 });
    const again = progress.beginRun();
    expect(again).to.deep.equal({ run: first.run, resumed: true });
    expect(progress.kind('members')?.done).to.equal(true);
    progress.finishRun();
    expect(progress.currentRun()).to.equal(undefined);
    expect(progress.kind('members')).to.equal(undefined);
  });

  it('starts over when asked for a different since', () => {
    const progress = new ExtractionProgress(store);
    progress.beginRun('2024-01-01T00:00:00Z');
    progress.saveKind('tickets', { done: false, startedAt: 'x', read: 5, afterId: 5 });
    const next = progress.beginRun('2024-02-01T00:00:00Z');
    expect(next.resumed).to.equal(false);
    expect(next.run.since).to.equal('2024-02-01T00:00:00Z');
    expect(progress.kind('tickets')).to.equal(undefined);
  });

  it('queues parents once each and hands them out in id order', () => {
    const progress = new ExtractionProgress(store);
    progress.queue('ticketNotes', [9, 3, 5, 3]);
    expect(progress.pending('ticketNotes')).to.deep.equal([3, 5, 9]);
    progress.dequeue('ticketNotes', 5);
    expect(progress.pending('ticketNotes')).to.deep.equal([3, 9]);
    expect(progress.pending('boardStatuses')).to.deep.equal([]);
    // A second instance on the same store sees the same queue.
    expect(new ExtractionProgress(store).pending('ticketNotes')).to.deep.equal([3, 9]);
  });
});
