/*
 * `npm run demo`: the main job, end to end, on the built-in emulators. Generates a ConnectWise
 * tenant, serves it from the ConnectWise emulator, starts the org emulator with this package's
 * metadata, logs the real sf CLI into it, runs `sf cw migrate run`, and checks the run's summary
 * against what the org emulator holds.
 *
 * Options: --companies N (default 300), --seed S (default 42), --samples (migrate the real sample
 * payloads instead of a generated tenant), --out DIR (default ./cw-migrate-demo).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCwEmulator } from '../test/cw-emulator/server.js';
import { generateTenant, salesforceUsersFor } from '../test/cw-emulator/generator.js';
import { loadSampleTenant } from '../test/cw-emulator/samples.js';
import { startOrgEmulator } from '../test/org-emulator/index.js';
import { linkPlugin, loginWithToken, REPO_ROOT, runSf, sfEnvironment } from './lib/sfCli.js';
import { countMigrated } from './lib/orgCounts.js';

const USAGE = 'Options: --companies N (at least 5), --seed S, --samples (the real ConnectWise sample payloads), --out DIR.\n';

function options(): { companies: string; seed: string; samples: boolean; out: string } {
  try {
    return parseArgs({
      options: {
        companies: { type: 'string', default: '300' },
        seed: { type: 'string', default: '42' },
        samples: { type: 'boolean', default: false },
        out: { type: 'string', default: join(REPO_ROOT, 'cw-migrate-demo') },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const values = options();
const out = resolve(values.out);
const SKIPPED_BOARD = 'Alerts - RMM';
const step = (n: number, text: string): void => void process.stdout.write(`\n[${n}/6] ${text}\n`);

const companies = Number(values.companies);
if (!Number.isInteger(companies) || companies < 5 || !Number.isInteger(Number(values.seed))) {
  process.stderr.write('--companies takes a whole number of at least 5, and --seed a whole number.\n');
  process.exit(2);
}
// The demo starts from an empty folder of its own. It clears a folder only when its marker file
// says an earlier demo made it; anything else with files in it is left alone.
const MARKER = join(out, '.cw-migrate-demo');
if (existsSync(out) && readdirSync(out).length > 0) {
  if (!existsSync(MARKER)) {
    process.stderr.write(`${out} is not empty and was not made by the demo; choose another folder with --out.\n`);
    process.exit(2);
  }
  rmSync(out, { recursive: true, force: true });
}
mkdirSync(out, { recursive: true });
writeFileSync(MARKER, 'Made by npm run demo; the next demo run clears this folder.\n');
step(1, values.samples ? 'Loading the real ConnectWise sample payloads' : `Generating a ConnectWise tenant (seed ${values.seed}, ${values.companies} companies)`);
const tenant = values.samples ? loadSampleTenant() : generateTenant({ seed: Number(values.seed), companies });
process.stdout.write(
  `      ${tenant.members.length} members, ${tenant.boards.length} boards, ${tenant.companies.length} companies, ` +
    `${tenant.contacts.length} contacts, ${tenant.tickets.length} tickets, ${tenant.ticketNotes.length} notes\n`
);

step(2, 'Starting the ConnectWise emulator');
const cw = await startCwEmulator({ tenant });
process.stdout.write(`      ${cw.baseUrl} (company ${cw.companyId})\n`);

step(3, "Starting the org emulator: the package's metadata, and a customer org's own fields and entitlement processes");
const org = await startOrgEmulator();
const users = salesforceUsersFor(tenant);
org.seed(
  'User',
  users.map((u) => ({ ...u, IsActive: true, Alias: u.Username.slice(0, 8) }))
);
process.stdout.write(`      ${org.instanceUrl}, with ${users.length} users whose emails match ConnectWise members\n`);

let exitCode = 1;
try {
  step(4, 'Linking the plugin into the sf CLI (its state lives in a HOME of its own)');
  const env = sfEnvironment(join(out, 'home'));
  await linkPlugin(env);

  step(5, 'Logging the sf CLI into the org emulator: sf org login access-token');
  await loginWithToken(env, org.instanceUrl, org.accessToken, 'cw-demo');

  const args = ['cw', 'migrate', 'run', '--target-org', 'cw-demo', '--auto-confirm', '--confidence', '0.5'];
  args.push('--work-dir', join(out, 'work'), '--output-dir', join(out, 'reports'));
  // The admin decides the RMM alert board's tickets are noise: they are skipped and reported.
  if (tenant.boards.some((b) => b.name === SKIPPED_BOARD)) args.push('--skip-board', SKIPPED_BOARD);
  step(6, `Running: sf ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
  const credentials = {
    CW_SITE: cw.site,
    CW_COMPANY_ID: cw.companyId,
    CW_PUBLIC_KEY: cw.publicKey,
    CW_PRIVATE_KEY: cw.privateKey,
    CW_CLIENT_ID: cw.clientId,
  };
  const run = await runSf(args, { ...env, ...credentials }, { inherit: true });
  exitCode = run.code;

  process.stdout.write('\nChecking the run summary against the records in the org emulator:\n');
  const reports = join(out, 'reports');
  const latest = readFileSync(join(reports, 'latest-run.txt'), 'utf8').trim();
  const summary = JSON.parse(readFileSync(join(reports, latest, 'summary.json'), 'utf8')) as {
    objects: Array<{ object: string; inOrg: number }>;
  };
  const inEmulator = countMigrated(org);
  let agrees = true;
  for (const o of summary.objects) {
    const actual = inEmulator[o.object];
    const same = actual === undefined || actual === o.inOrg;
    agrees &&= same;
    process.stdout.write(`      ${o.object.padEnd(16)} summary ${String(o.inOrg).padStart(6)}  emulator ${String(actual ?? '-').padStart(6)}  ${same ? 'ok' : 'DIFFERENT'}\n`);
  }
  // The run's record in the org, as the CW Migrate app's Run Monitor shows it.
  const monitored = org.records('CWM_Run__c').find((r) => r.Run_Id__c === latest);
  const monitorCounts = JSON.parse(String(monitored?.Counts__c ?? '[]')) as Array<{ object: string; inOrg: number }>;
  const monitorAgrees = summary.objects.every((o) => monitorCounts.find((m) => m.object === o.object)?.inOrg === o.inOrg);
  process.stdout.write(
    `      Run Monitor      ${monitored ? `run ${latest}: ${String(monitored.Status__c)}, counts ${monitorAgrees ? 'as above' : 'DIFFERENT'}` : 'no run record in the org'}\n`
  );
  agrees &&= monitored !== undefined && monitorAgrees;
  if (!agrees) exitCode = exitCode || 1;
  process.stdout.write(`\nReports: ${join(reports, latest)}\nDemo ${exitCode === 0 ? 'passed' : 'failed'}.\n`);
} finally {
  await cw.close();
  await org.close();
}
process.exit(exitCode);
