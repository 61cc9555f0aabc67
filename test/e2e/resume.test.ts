/*
 * Reliability of `sf cw migrate run`, end to end through the real sf CLI:
 *
 * - SIGKILL from outside at seeded random moments of a run (during extraction, mid Bulk API job,
 *   between objects, mid comments, anywhere in the load): the next run resumes without duplicating a
 *   record or repeating finished work, and the org ends exactly as after an uninterrupted run.
 * - Faults from the org (row locks, 5xx, request limit, expired session): retried where a retry can
 *   succeed; otherwise the run stops with a clear error and a non-zero exit, and the next run,
 *   once the fault is gone, completes with the same org state as the uninterrupted run.
 *
 * Every expectation comes from the reference run (an uninterrupted run into its own org emulator,
 * compared record by record by natural key) and from what the test itself observes in the org at
 * the moment of a kill, never from the plugin's code. Kill moments are drawn with a seeded generator
 * (see KILL_SEED) relative to moments the test observes in the emulators, not checkpoints the
 * plugin chooses.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'chai';
import { loginWithToken, runSfJson } from '../../scripts/lib/sfCli.js';
import { generateTenant } from '../cw-emulator/generator.js';
import { startOrgEmulator, type OrgEmulator, type OrgSnapshot } from '../org-emulator/index.js';
import { runWatched, seededRandom, settleOrg, type WatchedOutcome } from './killer.js';
import { startHarness, type Harness, type RunJson } from './support.js';

/** Change to replay another schedule; the schedule of a run is printed with its outcome. */
const KILL_SEED = 20_250_611;

type Rec = Record<string, unknown>;
type ObjectSummary = NonNullable<RunJson['result']>['objects'][number];

/** Objects the migration writes, in load order. */
const LOADED = ['Group', 'QueueSobject', 'Account', 'Contact', 'Case', 'CaseComment'] as const;

// ---------------------------------------------------------------------------------------------
// Comparing two orgs: records by natural key, references rewritten to the natural key they point at

/**
 * The generated tenant's "now" (generateTenant's default asOf): no ConnectWise timestamp is later, so a
 * CreatedDate after it was stamped by the org at insert, not carried over from ConnectWise.
 */
const TENANT_AS_OF = '2025-06-30T00:00:00Z';

/** Fields the platform stamps on every save, and ids; they differ between any two orgs. */
const PLATFORM_FIELDS = new Set(['Id', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'LastViewedDate', 'LastReferencedDate']);

/** The natural key of a record, where its object has one. */
function naturalKey(object: string, r: Rec, label: (id: unknown) => string): string | undefined {
  switch (object) {
    case 'Account':
    case 'Contact':
    case 'Case':
      return r.CW_Id__c == null ? undefined : String(r.CW_Id__c);
    case 'User':
      // Every emulator's running admin has a username of its own (one sf HOME logs into several).
      return /^admin[.@].*cwm-emulator\.example$/.test(String(r.Username)) ? 'the running admin' : String(r.Username);
    case 'Group':
      return `${String(r.Type)}:${String(r.DeveloperName)}`;
    case 'QueueSobject':
      return `${label(r.QueueId)}:${String(r.SobjectType)}`;
    case 'CaseComment':
      return `${label(r.ParentId)}|${String(r.CommentBody)}`;
    default:
      return undefined;
  }
}

/** object -> natural key -> canonical records (a list: duplicates must show as two entries). */
type Canonical = Map<string, Map<string, string[]>>;

/** Rewrites every id into `<object>:<natural key>` so that records of two orgs can be compared. */
function canonical(snapshot: OrgSnapshot): Canonical {
  const labels = new Map<string, string>();
  // Objects whose key does not depend on another record's label come first.
  const order = Object.keys(snapshot.objects).sort((a, b) => Number(['QueueSobject', 'CaseComment'].includes(a)) - Number(['QueueSobject', 'CaseComment'].includes(b)));
  const label = (id: unknown): string => {
    if (typeof id !== 'string' || (id.length !== 15 && id.length !== 18)) return String(id);
    return labels.get(id.slice(0, 15)) ?? id;
  };
  for (const object of order) {
    for (const [id, r] of Object.entries(snapshot.objects[object])) {
      const key = naturalKey(object, r, label);
      if (key !== undefined) labels.set(id.slice(0, 15), `${object}:${key}`);
    }
  }
  const out: Canonical = new Map();
  for (const object of order) {
    // Only what the migration writes: seeded users and org set-up records are the same in both orgs
    // but stamped at each emulator's start.
    if (!(LOADED as readonly string[]).includes(object) && object !== 'User') continue;
    const skip = new Set([...PLATFORM_FIELDS, ...(snapshot.autoNumberFields[object] ?? [])]);
    const byKey = new Map<string, string[]>();
    for (const r of Object.values(snapshot.objects[object])) {
      if (object === 'User' && r.CW_Id__c == null) continue;
      // CreatedDate without audit fields, and Case.ClosedDate, are the org's clock at the write.
      const stamped = (f: string): boolean => (f === 'CreatedDate' || f === 'ClosedDate') && Date.parse(String(r[f])) > Date.parse(TENANT_AS_OF);
      const fields = Object.keys(r)
        .filter((f) => !skip.has(f) && !stamped(f) && r[f] !== null && r[f] !== undefined)
        .sort()
        .map((f) => [f, label(r[f])]);
      const body = JSON.stringify(Object.fromEntries(fields));
      const key = naturalKey(object, r, label) ?? body;
      byKey.set(key, [...(byKey.get(key) ?? []), body]);
    }
    out.set(object, byKey);
  }
  return out;
}

/** Human-readable differences between an org and the reference; empty when they hold the same records. */
function differences(reference: Canonical, actual: Canonical, limit = 12): string[] {
  const found: string[] = [];
  for (const object of new Set([...reference.keys(), ...actual.keys()])) {
    const ref = reference.get(object) ?? new Map<string, string[]>();
    const act = actual.get(object) ?? new Map<string, string[]>();
    for (const key of new Set([...ref.keys(), ...act.keys()])) {
      const a = [...(ref.get(key) ?? [])].sort();
      const b = [...(act.get(key) ?? [])].sort();
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      const shortKey = key.length > 90 ? `${key.slice(0, 90)}…` : key;
      if (a.length !== b.length) {
        found.push(`${object} ${shortKey}: ${a.length} in the reference, ${b.length} here`);
      } else {
        const x = JSON.parse(a[0]) as Rec;
        const y = JSON.parse(b[0]) as Rec;
        const fields = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((f) => JSON.stringify(x[f]) !== JSON.stringify(y[f]));
        found.push(`${object} ${shortKey}: ${fields.map((f) => `${f} ${JSON.stringify(x[f])} -> ${JSON.stringify(y[f])}`.slice(0, 200)).join('; ')}`);
      }
    }
  }
  return found.length > limit ? [...found.slice(0, limit), `… and ${found.length - limit} more`] : found;
}

/** Records of each migrated object in an org (by natural key for the upserted ones). */
function countsOf(org: OrgEmulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of LOADED) {
    const rows = org.records(object);
    counts[object] = ['Account', 'Contact', 'Case'].includes(object) ? rows.filter((r) => r.CW_Id__c != null).length : object === 'Group' ? rows.filter((r) => r.Type === 'Queue').length : rows.length;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Watching a run from outside

/** What the test can see of a run at one moment, without asking the plugin. */
interface Observation {
  elapsed: number;
  cwRequests: number;
  bulkRequests: number;
  restRequests: number;
  count(object: string): number;
}

interface Target {
  org: OrgEmulator;
  alias: string;
  workDir: string;
  outputDir: string;
}

interface Outcome extends WatchedOutcome<RunJson> {
  cwRequests: number;
}

describe('sf cw migrate run: resume after SIGKILL, and org faults (end to end)', function () {
  // 2,244 contacts (Bulk API 2.0), 1,046 tickets, 3,188 notes: a run of about ten seconds here.
  const tenant = generateTenant({ seed: 3, companies: 300, asOf: TENANT_AS_OF, contactsPerCompany: [7, 8], ticketsPerCompany: [3, 4], notesPerTicket: [1, 5] });
  let h: Harness;
  let reference: Canonical;
  let referenceCounts: Record<string, number>;
  let referenceRun: RunJson;
  let referenceCw = 0;
  /** Moments of the reference run, in ms after spawn, as the test saw them. */
  const timeline: Record<string, number> = {};
  let bulkRequestsOfContactJob = 0;
  let targets = 0;
  let timingTarget: Target;
  let timingRun: Outcome;

  const runArgs = (t: Target): string[] => [
    'cw', 'migrate', 'run', '--target-org', t.alias, '--auto-confirm', '--confidence', '0.5',
    '--work-dir', t.workDir, '--output-dir', t.outputDir, '--json',
  ];

  /** A fresh org emulator with the same users as the reference, the sf CLI logged into it, and an empty work dir. */
  async function freshTarget(): Promise<Target> {
    const alias = `resume${++targets}`;
    const org = await startOrgEmulator({ username: `admin.${alias}@cwm-emulator.example` });
    org.seed('User', h.seededUsers.map((u) => ({ ...u, IsActive: true, Alias: u.Username.slice(0, 8) })));
    // Every emulator has the same admin username, and the CLI keeps one auth file per username:
    // log in right before using a target, one target at a time.
    await loginWithToken(h.env, org.instanceUrl, org.accessToken, alias);
    const dir = mkdtempSync(join(h.dir, `${alias}-`));
    return { org, alias, workDir: join(dir, 'work'), outputDir: join(dir, 'reports') };
  }

  /**
   * Runs `sf cw migrate run` on a target. `watch` is called every few milliseconds with what the test
   * can see; when it returns a number, the process group is SIGKILLed that many ms later.
   */
  async function run(t: Target, watch?: (o: Observation) => number | undefined | void): Promise<Outcome> {
    const cw0 = h.cw.requestCount();
    const bulk0 = t.org.requestCounts().bulk ?? 0;
    const rest0 = t.org.requestCounts().rest ?? 0;
    const count = (object: string): number =>
      object === 'Group' ? t.org.records('Group').filter((g) => g.Type === 'Queue').length : t.org.records(object).length;
    const outcome = await runWatched<Observation, RunJson>(
      runArgs(t),
      h.env,
      (elapsed) => ({
        elapsed,
        cwRequests: h.cw.requestCount() - cw0,
        bulkRequests: (t.org.requestCounts().bulk ?? 0) - bulk0,
        restRequests: (t.org.requestCounts().rest ?? 0) - rest0,
        count,
      }),
      watch
    );
    return { ...outcome, cwRequests: h.cw.requestCount() - cw0 };
  }

  /** Runs to completion and checks that it says so. */
  async function runToEnd(t: Target, label: string): Promise<Outcome> {
    const outcome = await run(t);
    expect(outcome.code, `${label}: exit code; ${JSON.stringify(outcome.json ?? outcome.stderr).slice(0, 1500)}`).to.equal(0);
    expect(outcome.json?.result?.status, label).to.equal('Completed');
    for (const o of outcome.json!.result!.objects) expect(o.failed, `${label}: ${o.object} failed`).to.equal(0);
    return outcome;
  }

  /** Where a kill landed, from the org, the ingest jobs and the work store the killed process left. */
  function whereKilled(t: Target, atKill: Record<string, number>, jobs: Array<{ object: string; state: string }>, outcome: Outcome): string {
    if (outcome.signal !== 'SIGKILL') return `not killed: the run ended first (exit ${String(outcome.code)})`;
    const storeDir = join(t.workDir, '.cw-migrate');
    const file = existsSync(storeDir) ? readdirSync(storeDir).find((f) => f.endsWith('.sqlite')) : undefined;
    if (!file) return outcome.cwRequests === 0 ? 'start-up (no work store yet)' : 'extraction (no work store yet)';
    const landed: Record<string, number> = {};
    let pending = 0;
    try {
      const db = new DatabaseSync(join(storeDir, file), { readOnly: true });
      try {
        for (const row of db.prepare('SELECT object, COUNT(*) AS n FROM landed GROUP BY object').all() as Array<{ object: string; n: number }>) landed[row.object] = row.n;
        pending = (db.prepare('SELECT COUNT(*) AS n FROM pending_writes').get() as { n: number }).n;
      } finally {
        db.close();
      }
    } catch {
      // No journal tables yet: the run had not started loading.
    }
    if (atKill.Group === 0 && atKill.Account === 0) return `extraction (${outcome.cwRequests} of ${referenceCw} ConnectWise requests made)`;
    for (const object of LOADED) {
      const journalled = landed[object] ?? 0;
      if (journalled >= referenceCounts[object]) continue;
      const openJob = jobs.some((j) => j.object === object && j.state === 'Open');
      if (openJob || (jobs.some((j) => j.object === object) && atKill[object] > journalled)) return `mid Bulk API job for ${object} (org ${atKill[object]}, journal ${journalled})`;
      if (atKill[object] > journalled) return `mid ${object} writes (org ${atKill[object]}, journal ${journalled}${pending ? `, ${pending} pending` : ''})`;
      if (atKill[object] === 0) return `between objects, before ${object}`;
      return `within ${object} (org ${atKill[object]}, journal ${journalled})`;
    }
    return 'after the last write (counting, reports)';
  }

  before(async function () {
    h = await startHarness(tenant, 'reference');
    const t: Target = { org: h.org, alias: 'reference', workDir: join(h.dir, 'work'), outputDir: join(h.dir, 'reports') };
    const seen = (name: string, o: Observation, when: boolean): void => {
      if (when && timeline[name] === undefined) timeline[name] = o.elapsed;
    };
    let bulkSeen = 0;
    let commentsSeen = 0;
    let restAtContactsStored = 0;
    const outcome = await run(t);
    expect(outcome.code, JSON.stringify(outcome.json ?? outcome.stderr).slice(0, 1500)).to.equal(0);
    referenceRun = outcome.json!;
    referenceCw = outcome.cwRequests;
    reference = canonical(h.org.snapshot());
    referenceCounts = countsOf(h.org);
    // The first run of the CLI is slower (caches are cold); the moments kills are placed by come
    // from a second, uninterrupted run into a fresh org, which must also match the reference.
    timingTarget = await freshTarget();
    timingRun = await run(timingTarget, (o) => {
      if (o.bulkRequests !== bulkSeen && timeline.firstCase === undefined) {
        bulkSeen = o.bulkRequests;
        // The last Bulk request before cases start is the Contact job's last: the job is done then.
        timeline.contactJobDone = o.elapsed;
      }
      seen('firstCw', o, o.cwRequests > 0);
      seen('loadStart', o, o.count('Group') > 0);
      seen('firstBulk', o, o.bulkRequests > 0);
      if (timeline.firstCase === undefined && o.count('Case') > 0) {
        timeline.firstCase = o.elapsed;
        bulkRequestsOfContactJob = o.bulkRequests;
      }
      seen('firstComment', o, o.count('CaseComment') > 0);
      if (o.count('CaseComment') !== commentsSeen) {
        commentsSeen = o.count('CaseComment');
        timeline.commentsDone = o.elapsed;
      }
      if (timeline.contactsStored === undefined && o.count('Contact') >= tenant.contacts.length) {
        timeline.contactsStored = o.elapsed;
        restAtContactsStored = o.restRequests;
      }
      seen('afterContactJob', o, timeline.contactsStored !== undefined && o.restRequests > restAtContactsStored && o.count('Case') === 0);
    });
    timeline.end = timingRun.elapsed;
    console.log(`      reference: ${referenceCw} ConnectWise requests; warm uninterrupted run ${timeline.end} ms, timeline ${JSON.stringify(timeline)}, org ${JSON.stringify(referenceCounts)}`);
  });

  after(async () => {
    await timingTarget?.org.close();
    await h?.close();
  });

  it('a second uninterrupted run into a fresh org ends with the same org state (the comparison itself holds)', () => {
    expect(timingRun.code).to.equal(0);
    expect(differences(reference, canonical(timingTarget.org.snapshot()))).to.deep.equal([]);
  });

  it('the reference run loads Contacts through Bulk API 2.0 and takes long enough to be interrupted', () => {
    expect(referenceRun.result?.status).to.equal('Completed');
    expect(referenceCounts.Contact).to.be.at.least(2000);
    expect(timeline.firstBulk, 'a Bulk API job was seen').to.be.a('number');
    expect(bulkRequestsOfContactJob).to.be.greaterThan(3);
    expect(timeline.end - timeline.loadStart).to.be.greaterThan(1000);
  });

  // -------------------------------------------------------------------------------------------
  // SIGKILL at seeded random moments

  interface KillPlan {
    name: string;
    /** Called with what the test sees; returns the delay in ms before the kill once its anchor is seen. */
    watch(random: () => number): (o: Observation) => number | undefined;
  }
  const between = (random: () => number, lo: number, hi: number): number => lo + (hi - lo) * random();
  const KILLS: KillPlan[] = [
    {
      name: 'during extraction',
      watch: (r) => {
        // Anchor: the first ConnectWise request (start-up time varies too much to count from spawn).
        const delay = between(r, 0.1, 0.9) * (timeline.loadStart - timeline.firstCw);
        return (o) => (o.cwRequests > 0 ? delay : undefined);
      },
    },
    {
      name: 'in the first half of the load',
      watch: (r) => {
        const delay = between(r, 0, 0.5) * (timeline.end - timeline.loadStart);
        return (o) => (o.count('Group') > 0 ? delay : undefined);
      },
    },
    {
      name: 'in the second half of the load',
      watch: (r) => {
        const delay = between(r, 0.5, 0.95) * (timeline.end - timeline.loadStart);
        return (o) => (o.count('Group') > 0 ? delay : undefined);
      },
    },
    {
      name: 'early in the Contact Bulk API job',
      watch: (r) => {
        const delay = between(r, 0, 0.5) * (timeline.contactJobDone - timeline.firstBulk);
        return (o) => (o.bulkRequests > 0 ? delay : undefined);
      },
    },
    {
      name: 'late in the Contact Bulk API job',
      watch: (r) => {
        const delay = between(r, 0.5, 1) * (timeline.contactJobDone - timeline.firstBulk);
        return (o) => (o.bulkRequests > 0 ? delay : undefined);
      },
    },
    {
      name: 'between Contacts and Cases',
      watch: (r) => {
        // Anchor: the first REST call after every contact is stored (the Contact job is over, its
        // results read); the kill falls before the first case arrives in the reference run.
        const delay = between(r, 0, 0.8) * (timeline.firstCase - timeline.afterContactJob);
        let stored: number | undefined;
        return (o) => {
          if (stored === undefined && o.count('Contact') >= tenant.contacts.length) stored = o.restRequests;
          return stored !== undefined && o.restRequests > stored && o.count('Case') === 0 ? delay : undefined;
        };
      },
    },
    {
      name: 'while case comments are written',
      watch: (r) => {
        const delay = between(r, 0, 0.8) * (timeline.commentsDone - timeline.firstComment);
        return (o) => (o.count('CaseComment') > 0 ? delay : undefined);
      },
    },
  ];

  KILLS.forEach((plan, index) => {
    it(`after SIGKILL ${plan.name}, the next run resumes to the reference org state without repeating finished work`, async () => {
      const random = seededRandom(KILL_SEED + index);
      let t = await freshTarget();
      try {
        // The moment is drawn from the warm reference run; a run that happens to be quicker can end
        // before it. Then the same moment, brought closer, is tried on a fresh org (at most 3 tries).
        let killed = await run(t, plan.watch(random));
        for (let scale = 0.5; killed.signal !== 'SIGKILL' && scale >= 0.25; scale /= 2) {
          await t.org.close();
          t = await freshTarget();
          const watch = plan.watch(seededRandom(KILL_SEED + index));
          killed = await run(t, (o) => {
            const delay = watch(o);
            return delay === undefined ? undefined : delay * scale;
          });
        }
        const jobs = await settleOrg(t.org);
        const atKill = countsOf(t.org);
        const where = whereKilled(t, atKill, jobs, killed);
        console.log(`      kill ${index} (seed ${KILL_SEED + index}) at ${String(killed.killedAt)} ms: ${where}; org then ${JSON.stringify(atKill)}`);
        expect(killed.signal, `the run was SIGKILLed (${where})`).to.equal('SIGKILL');

        const resumed = await runToEnd(t, 'resumed run');
        const diff = differences(reference, canonical(t.org.snapshot()));
        expect(diff, `org after resume vs reference (kill ${where})`).to.deep.equal([]);

        // Work finished before the kill is not done again: nothing already in the org is created
        // again, and comments already in the org are not sent again ("unchanged").
        const summary = (object: string): ObjectSummary | undefined => resumed.json!.result!.objects.find((o) => o.object === object);
        for (const object of ['Group', 'QueueSobject', 'Account', 'Contact', 'Case']) {
          expect(summary(object)?.created ?? 0, `${object} created by the resumed run`).to.equal(referenceCounts[object] - atKill[object]);
        }
        expect(summary('CaseComment')?.created, 'comments created by the resumed run').to.equal(referenceCounts.CaseComment - atKill.CaseComment);
        expect(summary('CaseComment')?.unchanged, 'comments already in the org, not sent again').to.equal(atKill.CaseComment);

        // Extraction is not repeated: after a finished extraction the resumed run only asks
        // ConnectWise what changed; after a kill mid-extraction it continues rather than restarting.
        if (atKill.Group > 0 || atKill.Account > 0) {
          expect(resumed.cwRequests, 'ConnectWise requests of the resumed run').to.be.below(referenceCw / 10);
        } else {
          expect(killed.cwRequests + resumed.cwRequests, 'ConnectWise requests of both runs').to.be.at.most(Math.ceil(referenceCw * 1.05) + 20);
        }
      } finally {
        await t.org.close();
      }
    });
  });

  // -------------------------------------------------------------------------------------------
  // Faults from the org

  it('row locks (UNABLE_TO_LOCK_ROW on 20% of writes) are retried: the run completes with nothing failed', async () => {
    const t = await freshTarget();
    try {
      t.org.setLockShare(0.2);
      const outcome = await run(t);
      t.org.setLockShare(0);
      const failed = outcome.json?.result?.objects.filter((o) => o.failed > 0).map((o) => `${o.object}: ${o.failed}`) ?? [];
      expect(failed, 'objects with failed records').to.deep.equal([]);
      expect(outcome.code, JSON.stringify(outcome.json ?? outcome.stderr).slice(0, 1500)).to.equal(0);
      expect(differences(reference, canonical(t.org.snapshot()))).to.deep.equal([]);
    } finally {
      await t.org.close();
    }
  });

  it('occasional 503 SERVER_UNAVAILABLE (5% of data calls) is retried: the run completes with the reference org state', async () => {
    const t = await freshTarget();
    try {
      t.org.setFailRate(0.05);
      const outcome = await run(t);
      t.org.setFailRate(0);
      expect(outcome.code, `exit code; ${JSON.stringify(outcome.json ?? outcome.stderr).slice(0, 1500)}`).to.equal(0);
      expect(outcome.json?.result?.objects.filter((o) => o.failed > 0)).to.deep.equal([]);
      expect(differences(reference, canonical(t.org.snapshot()))).to.deep.equal([]);
    } finally {
      await t.org.close();
    }
  });

  it('request limit, expired session and a failing server stop the run cleanly; each next run resumes, the last ends at the reference state', async () => {
    const t = await freshTarget();
    try {
      const stopsCleanly = (outcome: Outcome, label: string, message: RegExp): void => {
        const detail = JSON.stringify(outcome.json ?? outcome.stderr).slice(0, 1500);
        expect(outcome.signal, `${label}: ended on its own`).to.equal(null);
        expect(outcome.code, `${label}: non-zero exit; ${detail}`).to.be.a('number').and.not.equal(0);
        expect(outcome.json, `${label}: printed its --json error; stdout ${outcome.stdout.slice(0, 500)}`).to.not.equal(undefined);
        expect(outcome.json!.status, label).to.not.equal(0);
        expect(String(outcome.json!.message), `${label}: the error names the cause`).to.match(message);
      };
      let fired = false;
      const once = (when: (o: Observation) => boolean, fault: () => void) => (o: Observation): undefined => {
        if (!fired && when(o)) {
          fired = true;
          fault();
        }
        return undefined;
      };

      // 1. The daily request limit runs out while accounts are written.
      const limited = await run(t, once((o) => o.count('Account') > 0, () => t.org.exhaustApiLimit()));
      stopsCleanly(limited, 'request limit', /REQUEST_LIMIT_EXCEEDED|limit/i);
      t.org.setApiUsage({ used: 0 });

      // 2. The session expires once cases are being written.
      fired = false;
      const expired = await run(t, once((o) => o.count('Case') > 0, () => t.org.expireSession()));
      stopsCleanly(expired, 'expired session', /INVALID_SESSION_ID|session/i);
      await loginWithToken(h.env, t.org.instanceUrl, t.org.accessToken, t.alias);

      // 3. The server fails most calls once comments are being written.
      fired = false;
      const failing = await run(t, once((o) => o.count('CaseComment') > 0, () => t.org.setFailRate(0.9)));
      t.org.setFailRate(0);
      stopsCleanly(failing, 'failing server', /SERVER_UNAVAILABLE|unavailable|503/i);

      // 4. With the faults gone, the next run finishes and the org is the reference org.
      await runToEnd(t, 'run after the faults');
      expect(differences(reference, canonical(t.org.snapshot()))).to.deep.equal([]);
    } finally {
      await t.org.close();
    }
  });

  it('a 503 on the insert that links a new queue to Case is retried or stops resumably: the next run ends at the reference state', async () => {
    const t = await freshTarget();
    try {
      // The first insert through sObject Collections (the queues' Group rows) passes untouched;
      // the next one (the QueueSobject rows that let the queues own cases) gets a 503.
      t.org.injectFault({ method: 'POST', path: '/composite/sobjects', times: 1 });
      t.org.injectFault({ method: 'POST', path: '/composite/sobjects', times: 1, status: 503 });
      const first = await run(t);
      expect(first.signal).to.equal(null);
      if (first.code !== 0) {
        console.log(`      the run stopped: ${String(first.json?.message).slice(0, 200)}`);
        await runToEnd(t, 'run after the 503');
      }
      expect(differences(reference, canonical(t.org.snapshot()))).to.deep.equal([]);
    } finally {
      await t.org.close();
    }
  });
});
