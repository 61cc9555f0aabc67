/*
 * Running the real sf CLI from scripts and tests: on Node 22 from node_modules/.bin, with a HOME
 * of its own (the CLI keeps auth and config there), telemetry and update checks off, and this
 * repository's plugin linked in.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(REPO_ROOT, 'node_modules', '.bin');

/** Environment for an sf CLI that keeps its state under `home`. */
export function sfEnvironment(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  mkdirSync(home, { recursive: true });
  return {
    ...process.env,
    PATH: `${BIN}:${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    SF_DISABLE_TELEMETRY: 'true',
    SFDX_DISABLE_TELEMETRY: 'true',
    // The CLI reads the first name; the update hook it hands over to reads the second. Setting only
    // the first stops the CLI from setting the second for npm installs, and updates start again.
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_DNS_CHECK: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_USE_PROGRESS_BAR: 'false',
    ...extra,
  };
}

export interface SfOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `sf` with the given arguments. It never blocks the event loop (the emulators this talks to
 * usually run in the same process). With `inherit`, output goes straight to the terminal.
 */
export function runSf(args: string[], env: NodeJS.ProcessEnv, options: { inherit?: boolean; cwd?: string } = {}): Promise<SfOutcome> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(BIN, 'sf'), args, {
      env,
      cwd: options.cwd ?? REPO_ROOT,
      stdio: options.inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

/** Runs `sf … --json` and returns the parsed result, whatever the exit code. */
export async function runSfJson<T>(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<{ code: number; json: T; stderr: string }> {
  const outcome = await runSf([...args, '--json'], env, { cwd });
  try {
    return { code: outcome.code, json: JSON.parse(outcome.stdout) as T, stderr: outcome.stderr };
  } catch {
    throw new Error(`sf ${args.join(' ')} printed no JSON (exit ${outcome.code}):\n${outcome.stdout}\n${outcome.stderr}`);
  }
}

/** Links the plugin in this repository into the CLI that lives under `env.HOME`. */
export async function linkPlugin(env: NodeJS.ProcessEnv): Promise<void> {
  const outcome = await runSf(['plugins', 'link', join(REPO_ROOT, 'plugin'), '--no-install'], env);
  if (outcome.code !== 0) throw new Error(`sf plugins link failed:\n${outcome.stdout}\n${outcome.stderr}`);
}

/** Logs the CLI into an org (the emulator) with an access token, under an alias. */
export async function loginWithToken(env: NodeJS.ProcessEnv, instanceUrl: string, accessToken: string, alias: string): Promise<void> {
  const outcome = await runSf(
    ['org', 'login', 'access-token', '--instance-url', instanceUrl, '--no-prompt', '--alias', alias, '--set-default'],
    { ...env, SF_ACCESS_TOKEN: accessToken }
  );
  if (outcome.code !== 0) throw new Error(`sf org login access-token failed:\n${outcome.stdout}\n${outcome.stderr}`);
}
