/**
 * npm run preview:lwc -- [--instance-url URL --access-token TOKEN | --emulator] [--port N]
 *
 * Builds the preview when a source changed and serves it. The REST endpoint comes from the flags or from
 * SF_INSTANCE_URL / SF_ACCESS_TOKEN; --emulator starts the project's org emulator with the demo decisions instead.
 */
import { parseArgs } from 'node:util';
import { ensureBuilt } from './build.js';
import { seedDemo } from './seed.js';
import { startPreviewServer, type PreviewTarget } from './server.js';

const { values } = parseArgs({
  options: {
    'instance-url': { type: 'string' },
    'access-token': { type: 'string' },
    emulator: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
  },
});

async function target(): Promise<PreviewTarget> {
  if (values.emulator) {
    const { startOrgEmulator } = await import('../test/org-emulator/index.js');
    const org = await startOrgEmulator();
    const seeded = seedDemo(org);
    process.stdout.write(
      `Org emulator at ${org.instanceUrl}: ${seeded.decisions} decisions, ${seeded.options} options, ` +
        `${seeded.staged} staged records, ${seeded.runs} runs.\n`,
    );
    return org;
  }
  const instanceUrl = values['instance-url'] ?? process.env.SF_INSTANCE_URL;
  const accessToken = values['access-token'] ?? process.env.SF_ACCESS_TOKEN;
  if (!instanceUrl || !accessToken) {
    throw new Error(
      'Give the REST endpoint: --instance-url and --access-token (or SF_INSTANCE_URL and SF_ACCESS_TOKEN), ' +
        'or --emulator for the demo data.',
    );
  }
  return { instanceUrl, accessToken };
}

try {
  const org = await target();
  const buildMs = await ensureBuilt();
  process.stdout.write(
    buildMs ? `Built the preview in ${(buildMs / 1000).toFixed(1)} s.\n` : 'Preview is up to date.\n',
  );
  const server = await startPreviewServer(org, Number(values.port));
  process.stdout.write(`Mapping workspace: ${server.url}\nRun monitor:       ${server.url}?view=runs\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
