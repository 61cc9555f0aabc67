import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startOrgEmulator } from './index.js';

/**
 * Runs the org emulator standalone: `tsx test/org-emulator/cli.ts --port 8443 [--source-dir dir]...
 * [--latency-ms N] [--fail-rate 0.05] [--lock-share 0.1] [--daily-api-limit N] [--fault-seed N]`
 * and prints how to point the sf CLI at it. Stops on Ctrl-C.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    'source-dir': { type: 'string', multiple: true },
    'no-audit-fields': { type: 'boolean', default: false },
    'allow-inactive-owners': { type: 'boolean', default: false },
    'latency-ms': { type: 'string' },
    'fail-rate': { type: 'string' },
    'lock-share': { type: 'string' },
    'daily-api-limit': { type: 'string' },
    'fault-seed': { type: 'string' },
  },
});

/** A numeric flag, or undefined when absent; a value that is not a number stops the CLI with a clear message. */
function numberFlag(name: keyof typeof values): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`--${name} needs a non-negative number, got ${String(raw)}\n`);
    process.exit(2);
  }
  return n;
}

const org = await startOrgEmulator({
  port: Number(values.port),
  sourceDirs: values['source-dir']?.map((d) => resolve(d)),
  allowAuditFields: !values['no-audit-fields'],
  allowInactiveOwners: values['allow-inactive-owners'],
  latencyMs: numberFlag('latency-ms'),
  failRate: numberFlag('fail-rate'),
  lockShare: numberFlag('lock-share'),
  dailyApiLimit: numberFlag('daily-api-limit'),
  faultSeed: numberFlag('fault-seed'),
});

const lines = [
  `Org emulator listening on ${org.instanceUrl}`,
  `  org id:       ${org.orgId}`,
  `  username:     ${org.username}`,
  `  access token: ${org.accessToken}`,
  '',
  'Log the sf CLI in with:',
  `  SF_ACCESS_TOKEN='${org.accessToken}' sf org login access-token --instance-url ${org.instanceUrl} --no-prompt --alias emulator`,
  '',
  'Press Ctrl-C to stop.',
];
process.stdout.write(lines.join('\n') + '\n');

const stop = (): void => {
  void org.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
