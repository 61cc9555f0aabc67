/*
 * `sf cw migrate rollback` is resumable: SIGKILLed from outside at seeded random moments (twice in a
 * row), then run again, it ends with every live record equal, field for field, to its state before
 * the run, as the org emulator's snapshot diff compares them. The org starts with records of its own
 * that the run updates, so kills fall among restores as well as deletes.
 *
 * Kill moments are drawn with a seeded generator (KILL_SEED) relative to moments the test observes
 * in the org during an uninterrupted reference rollback, never checkpoints the plugin chooses. Every
 * answer of the org is slowed a little while a rollback runs, so the work spans enough time to be
 * interrupted in the middle.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'chai';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import { generateTenant } from '../cw-emulator/generator.js';
import type { OrgSnapshot } from '../org-emulator/index.js';
import { runWatched, seededRandom, settleOrg, type WatchedOutcome } from './killer.js';
import { differences, migrate, startHarness, type Harness } from './support.js';

/** Change to replay another schedule; each kill is printed with where it landed. */
const KILL_SEED = 20_250_707;
/** Milliseconds every answer of the org waits while a rollback runs. */
const LATENCY_MS = 40;
const ALIAS = 'rbkill';

interface RollbackJson {
  status: number;
  name?: string;
  message?: string;
  result?: {
    status: string;
    deleted: Record<string, number>;
    restored: Record<string, number>;
    changedAfterRun: unknown[];
    runRecords: string[];
  };
}

/** What the test can see of a rollback at one moment. */
interface Observation {
  elapsed: number;
  restRequests: number;
  /** Accounts the org knew before the run that hold their own values again. */
  restoredAccounts: number;
  count(object: string): number;
}

describe('sf cw migrate rollback: resume after SIGKILL (end to end)', () => {
  const tenant = generateTenant({
    seed: 17,
    companies: 20,
    contactsPerCompany: [3, 4],
    ticketsPerCompany: [2, 4],
    notesPerTicket: [1, 4],
  });
  const topLevel = tenant.companies.filter((c) => c.deletedFlag !== true && c.parentCompany === undefined).slice(0, 3);
  const known = tenant.contacts
    .filter((c) => topLevel.some((co) => co.id === (c.company as { id?: number } | undefined)?.id))
    .slice(0, 3);
  let h: Harness;
  /** Moments of the reference rollback, in ms after spawn. */
  const timeline: Record<string, number> = {};

  const rollbackArgs = (runId: string): string[] => [
    'cw',
    'migrate',
    'rollback',
    '--target-org',
    ALIAS,
    '--run',
    runId,
    '--work-dir',
    join(h.dir, 'work'),
    '--json',
  ];

  /** Runs the rollback with the org slowed down; `watch` picks the kill moment, as in runWatched. */
  async function rollback(
    runId: string,
    watch?: (o: Observation) => number | undefined,
  ): Promise<WatchedOutcome<RollbackJson>> {
    const rest0 = h.org.requestCounts().rest ?? 0;
    h.org.setLatency(LATENCY_MS);
    try {
      return await runWatched<Observation, RollbackJson>(
        rollbackArgs(runId),
        h.env,
        (elapsed) => ({
          elapsed,
          restRequests: (h.org.requestCounts().rest ?? 0) - rest0,
          restoredAccounts: h.org.records('Account').filter((a) => String(a.Name).startsWith('Known Account')).length,
          count: (object) => h.org.records(object).length,
        }),
        watch,
      );
    } finally {
      h.org.setLatency(0);
    }
  }

  /** A completed migration run, and the org as it was just before it. */
  async function migrated(): Promise<{ runId: string; before: OrgSnapshot }> {
    const before = h.org.snapshot();
    const run = await migrate(h, ALIAS);
    expect(run.status, JSON.stringify(run).slice(0, 1500)).to.equal(0);
    expect(run.result?.status).to.equal('Completed');
    return { runId: run.result!.runId, before };
  }

  /** What the killed rollback of `runId` had booked, from the work store it left. */
  function booked(runId: string): string {
    const folder = join(h.dir, 'work', '.cw-migrate');
    const file = existsSync(folder) ? readdirSync(folder).find((f) => f.endsWith('.sqlite')) : undefined;
    if (!file) return 'no work store';
    const db = new DatabaseSync(join(folder, file), { readOnly: true });
    try {
      const rows = db
        .prepare('SELECT object, outcome, COUNT(*) AS n FROM rollback_done WHERE run_id = ? GROUP BY object, outcome')
        .all(runId) as Array<{ object: string; outcome: string; n: number }>;
      return rows.length === 0 ? 'nothing booked yet' : rows.map((r) => `${r.object} ${r.outcome} ${r.n}`).join(', ');
    } finally {
      db.close();
    }
  }

  before(async () => {
    h = await startHarness(tenant, ALIAS);
    // The org already knows a few companies and contacts, under other values; the run updates them.
    h.org.seed('Account', [
      ...topLevel.map((c, i) => ({ Name: `Known Account ${i}`, Phone: `555-010${i}`, CW_Id__c: String(c.id) })),
      { Name: 'Unrelated Customer' },
    ]);
    h.org.seed(
      'Contact',
      known.map((c, i) => ({ LastName: `Known Contact ${i}`, Title: 'Before the migration', CW_Id__c: String(c.id) })),
    );
  });
  after(async () => h?.close());

  it('an uninterrupted rollback, slowed down, puts the org back (the reference the kill moments come from)', async () => {
    const { runId, before } = await migrated();
    let comments: number | undefined;
    const outcome = await rollback(runId, (o) => {
      if (timeline.firstRequest === undefined && o.restRequests > 0) timeline.firstRequest = o.elapsed;
      if (timeline.firstRestore === undefined && o.restoredAccounts > 0) timeline.firstRestore = o.elapsed;
      if (comments === undefined) comments = o.count('CaseComment');
      if (timeline.firstDelete === undefined && o.count('CaseComment') < comments) timeline.firstDelete = o.elapsed;
      return undefined;
    });
    timeline.end = outcome.elapsed;
    // eslint-disable-next-line no-console
    console.log(`      reference rollback: timeline ${JSON.stringify(timeline)}`);
    expect(outcome.code, JSON.stringify(outcome.json ?? outcome.stderr).slice(0, 1500)).to.equal(0);
    expect(outcome.json?.result?.restored, 'records restored').to.deep.equal({
      Account: topLevel.length,
      Contact: known.length,
    });
    expect(differences(before, h.org.snapshot(), outcome.json?.result?.runRecords)).to.deep.equal([]);
    expect(timeline.firstRestore, 'the restores were seen').to.be.a('number');
    expect(timeline.firstDelete, 'the deletes were seen').to.be.a('number');
  });

  interface KillPlan {
    name: string;
    /** Called with what the test sees; returns the delay in ms before the kill once its anchor is seen. */
    watch(random: () => number): (o: Observation) => number | undefined;
  }
  const between = (random: () => number, lo: number, hi: number): number => lo + (hi - lo) * random();
  const anywhere: KillPlan = {
    name: 'anywhere in the work',
    watch: (r): ((o: Observation) => number | undefined) => {
      const delay = between(r, 0, 1) * (timeline.end - timeline.firstRequest);
      return (o) => (o.restRequests > 0 ? delay : undefined);
    },
  };
  const KILLS: KillPlan[] = [
    {
      name: 'around the restores',
      watch: (r): ((o: Observation) => number | undefined) => {
        // From the moment the first restore reaches the org (its booking may not have happened yet).
        const delay = between(r, 0, 1) * (timeline.firstDelete - timeline.firstRestore);
        return (o) => (o.restoredAccounts > 0 ? delay : undefined);
      },
    },
    anywhere,
    {
      name: 'among the deletes',
      watch: (r): ((o: Observation) => number | undefined) => {
        const delay = between(r, 0, 0.8) * (timeline.end - timeline.firstDelete);
        let comments: number | undefined;
        return (o) => {
          comments ??= o.count('CaseComment');
          return o.count('CaseComment') < comments ? delay : undefined;
        };
      },
    },
  ];

  KILLS.forEach((plan, index) => {
    it(`after SIGKILL ${plan.name}, twice, the rollback run again puts the org back as it was`, async () => {
      const random = seededRandom(KILL_SEED + index);
      let { runId, before } = await migrated();
      // A rollback quicker than the reference can end before the drawn moment; then a new run's
      // rollback is killed at the same moment brought closer (at most 3 tries).
      let killed = await rollback(runId, plan.watch(random));
      for (let scale = 0.5; killed.signal !== 'SIGKILL' && scale >= 0.25; scale /= 2) {
        // eslint-disable-next-line no-await-in-loop
        ({ runId, before } = await migrated());
        const watch = plan.watch(seededRandom(KILL_SEED + index));
        // eslint-disable-next-line no-await-in-loop
        killed = await rollback(runId, (o) => {
          const delay = watch(o);
          return delay === undefined ? undefined : delay * scale;
        });
      }
      await settleOrg(h.org);
      // eslint-disable-next-line no-console
      console.log(`      kill ${index} (seed ${KILL_SEED + index}) at ${String(killed.killedAt)} ms: ${booked(runId)}`);
      expect(killed.signal, 'the rollback was SIGKILLed').to.equal('SIGKILL');

      // Killed again while it resumes, at a second drawn moment; it may finish first, which is fine.
      const again = await rollback(runId, anywhere.watch(random));
      await settleOrg(h.org);
      // eslint-disable-next-line no-console
      console.log(
        `      second kill: ${again.signal === 'SIGKILL' ? `at ${String(again.killedAt)} ms: ${booked(runId)}` : 'the rollback finished first'}`,
      );

      const { json } = await runSfJson<RollbackJson>(rollbackArgs(runId).slice(0, -1), h.env);
      expect(json.status, JSON.stringify(json).slice(0, 1500)).to.equal(0);
      expect(json.result?.status).to.equal('RolledBack');
      expect(differences(before, h.org.snapshot(), json.result?.runRecords)).to.deep.equal([]);
    });
  });
});
