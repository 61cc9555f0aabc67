/**
 * `tsx test/cw-emulator/cli.ts --port 8444 [--scale N] [--seed S] [--samples]`
 * (also `npm run emulator:cw -- …`): serves a generated tenant of N companies (default 100), or
 * the real sample payloads, until Ctrl-C. The printed keys are fixed, made-up test credentials.
 */
import { parseArgs } from 'node:util';
import { generateTenant } from './generator.js';
import { loadSampleTenant } from './samples.js';
import { startCwEmulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8444' },
    scale: { type: 'string', default: '100' },
    seed: { type: 'string', default: '42' },
    samples: { type: 'boolean', default: false },
    'rate-429': { type: 'string' },
    'latency-ms': { type: 'string' },
  },
});

const tenant = values.samples
  ? loadSampleTenant()
  : generateTenant({ seed: Number(values.seed), companies: Number(values.scale) });
const faults = {
  rate429: values['rate-429'] === undefined ? undefined : Number(values['rate-429']),
  latencyMs: values['latency-ms'] === undefined ? undefined : Number(values['latency-ms']),
};
const cw = await startCwEmulator({ tenant, port: Number(values.port), faults });
const lines = [
  `ConnectWise emulator (${values.samples ? 'sample payloads' : `seed ${values.seed}, ${tenant.companies.length} companies`})`,
  `  ${tenant.members.length} members, ${tenant.boards.length} boards, ${tenant.companies.length} companies, ` +
    `${tenant.contacts.length} contacts, ${tenant.tickets.length} tickets, ${tenant.ticketNotes.length} notes`,
  `  base URL    ${cw.baseUrl}`,
  `  site        ${cw.site}`,
  `  company id  ${cw.companyId}`,
  `  public key  ${cw.publicKey}`,
  `  private key ${cw.privateKey}`,
  `  client id   ${cw.clientId}`,
  '  Ctrl-C to stop.',
];
process.stdout.write(lines.join('\n') + '\n');
process.on('SIGINT', () => {
  void cw.close().then(() => process.exit(0));
});
