/*
 * Killing the sf CLI from outside: `sf` runs in a process group of its own, so SIGKILL to the group
 * takes down the CLI and anything it started, with no chance to run a handler or flush a file. A
 * watched run decides the moment from what the test sees in the emulators; a small seeded generator
 * lets a failing kill schedule be replayed exactly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/sfCli.js';
import type { OrgEmulator } from '../org-emulator/index.js';

export interface SfProcess {
  child: ChildProcess;
  /** Milliseconds since epoch when the process was spawned. */
  startedAt: number;
  /** Settles when the process has exited, however it ended. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `sf <args>` as the leader of a new process group, with the same environment as runSf. */
export function spawnSf(args: string[], env: NodeJS.ProcessEnv): SfProcess {
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'sf'), args, {
    env,
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, startedAt: Date.now(), done };
}

/** True while any process of the group led by `pid` is alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL to the whole process group of `proc`; resolves once the leader has exited and the group is gone. */
export async function killGroup(proc: SfProcess): Promise<void> {
  const pid = proc.child.pid;
  if (pid === undefined) throw new Error('sf was not started');
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  await proc.done;
  for (let i = 0; i < 100 && groupAlive(pid); i++) {
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (groupAlive(pid)) throw new Error(`process group ${pid} survived SIGKILL`);
}

/** mulberry32: the same seed gives the same sequence in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How a watched sf process ended. */
export interface WatchedOutcome<J> {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The --json output, when stdout holds one. */
  json?: J;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn until the process (or its group, once killed) was gone. */
  elapsed: number;
  /** Milliseconds from spawn to the kill, when there was one. */
  killedAt?: number;
}

/**
 * Runs `sf <args>` and looks at it from outside every few milliseconds: `observe(elapsed)` is what
 * the test can see then, and `watch` gets it; once `watch` returns a number, the process group is
 * SIGKILLed that many milliseconds later.
 */
export async function runWatched<O, J>(
  args: string[],
  env: NodeJS.ProcessEnv,
  observe: (elapsed: number) => O,
  watch?: (o: O) => number | undefined | void
): Promise<WatchedOutcome<J>> {
  const proc = spawnSf(args, env);
  let killAt: number | undefined;
  let killed: Promise<void> | undefined;
  let killedAt: number | undefined;
  let exited = false;
  void proc.done.then(() => (exited = true));
  const timer = setInterval(() => {
    if (exited || killed) return;
    const elapsed = Date.now() - proc.startedAt;
    if (killAt === undefined && watch) {
      const delay = watch(observe(elapsed));
      if (typeof delay === 'number') killAt = elapsed + delay;
    }
    if (killAt !== undefined && elapsed >= killAt) {
      killedAt = elapsed;
      killed = killGroup(proc);
    }
  }, 4);
  const result = await proc.done;
  clearInterval(timer);
  await killed;
  let json: J | undefined;
  try {
    json = JSON.parse(result.stdout) as J;
  } catch {
    json = undefined;
  }
  return { ...result, json, elapsed: Date.now() - proc.startedAt, killedAt };
}

/** Ingest jobs the org knows, as its own API lists them. */
export async function ingestJobs(org: OrgEmulator): Promise<Array<{ id: string; object: string; state: string }>> {
  const response = await fetch(`${org.instanceUrl}/services/data/v62.0/jobs/ingest`, { headers: { Authorization: `Bearer ${org.accessToken}` } });
  const body = (await response.json()) as { records?: Array<{ id: string; object: string; state: string }> };
  return body.records ?? [];
}

/** After a kill, lets the org finish what it had already accepted (requests in flight, uploaded jobs). */
export async function settleOrg(org: OrgEmulator): Promise<Array<{ id: string; object: string; state: string }>> {
  await sleep(300);
  for (let i = 0; i < 100; i++) {
    // eslint-disable-next-line no-await-in-loop
    const jobs = await ingestJobs(org);
    if (!jobs.some((j) => j.state === 'UploadComplete' || j.state === 'InProgress')) return jobs;
    // eslint-disable-next-line no-await-in-loop
    await sleep(100);
  }
  return ingestJobs(org);
}
