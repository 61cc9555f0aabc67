/*
 * Killing the sf CLI from outside: `sf` runs in a process group of its own, so SIGKILL to the group
 * takes down the CLI and anything it started, with no chance to run a handler or flush a file. Also a
 * small seeded generator, so a failing kill schedule can be replayed exactly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/sfCli.js';

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
