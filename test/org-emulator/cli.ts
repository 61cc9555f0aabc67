import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startOrgEmulator } from './index.js';

/**
 * Runs the org emulator standalone: `tsx test/org-emulator/cli.ts --port 8443 [--source-dir dir]...`
 * and prints how to point the sf CLI at it. Stops on Ctrl-C.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    'source-dir': { type: 'string', multiple: true },
    'no-audit-fields': { type: 'boolean', default: false },
    'allow-inactive-owners': { type: 'boolean', default: false },
  },
});

const org = await startOrgEmulator({
  port: Number(values.port),
  sourceDirs: values['source-dir']?.map((d) => resolve(d)),
  allowAuditFields: !values['no-audit-fields'],
  allowInactiveOwners: values['allow-inactive-owners'],
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
