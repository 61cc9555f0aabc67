/**
 * `npx tsx scripts/bench-extract.ts [--tickets 20000] [--seed 1] [--rate-429 0.001] [--concurrency 1,4]`
 *
 * Full extraction of a generated tenant (tickets with their notes, and everything else the
 * migration reads, documents downloaded) from the ConnectWise emulator, at each concurrency,
 * with and without injected 429s (`Retry-After: 1`). Prints records per second, requests per
 * 1,000 records and the extractor's peak memory.
 *
 * The emulator runs in this process; each extraction runs in a child process of its own, so its
 * peak resident memory is the extractor's alone (`process.resourceUsage().maxRSS`).
 *
 * The default size is 20,000 tickets, not 100,000: a full matrix at 100,000 tickets makes about
 * 1.1 million requests and takes well over ten minutes here (each ticket costs a notes request
 * and a documents request, at concurrency 1 one after another). Pass `--tickets 100000` for it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateTenant } from '../test/cw-emulator/generator.js';
import { startCwEmulator } from '../test/cw-emulator/server.js';
import { ConnectWiseClient } from '../plugin/src/connectwise/client.js';
import { extract } from '../plugin/src/connectwise/extractor.js';
import { WorkStore } from '../plugin/src/store/workStore.js';

interface RunResult {
  records: number;
  requests: number;
  retries: number;
  seconds: number;
  peakRssMb: number;
  bytes: number;
}

/** In the child: one extraction into a fresh store, its result as JSON on stdout. */
async function child(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cwm-bench-'));
  const store = WorkStore.open({ dir, cwCompanyId: 'bench', orgId: 'bench' });
  const client = new ConnectWiseClient({
    baseUrl: process.env.BENCH_BASE_URL!,
    companyId: process.env.BENCH_COMPANY!,
    publicKey: process.env.BENCH_PUBLIC!,
    privateKey: process.env.BENCH_PRIVATE!,
    clientId: process.env.BENCH_CLIENT!,
    maxRetries: 8,
  });
  const started = Date.now();
  const summary = await extract({ client, store, concurrency: Number(process.env.BENCH_CONCURRENCY) });
  const seconds = (Date.now() - started) / 1000;
  const kinds = Object.values(summary.kinds);
  const result: RunResult = {
    records: kinds.reduce((sum, kind) => sum + kind.read, 0),
    requests: summary.requests,
    retries: client.retryCount,
    seconds,
    // maxRSS is in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    bytes: kinds.reduce((sum, kind) => sum + (kind.bytes ?? 0), 0),
  };
  store.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify(result));
}

function runChild(env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const proc = spawn(process.execPath, ['--import', 'tsx', script, '--child'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as RunResult) : reject(new Error(`extraction exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      'rate-429': { type: 'string', default: '0.001' },
      concurrency: { type: 'string', default: '1,4' },
      child: { type: 'boolean', default: false },
    },
  });
  if (values.child) return child();
  const tickets = Number(values.tickets);
  const generated = Date.now();
  // 6.5 tickets per company on average (5–8).
  const tenant = generateTenant({ seed: Number(values.seed), companies: Math.max(5, Math.round(tickets / 6.5)) });
  const served = Object.values(tenant).reduce((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
  process.stdout.write(
    `Tenant: ${tenant.tickets.length} tickets, ${tenant.ticketNotes.length} notes, ${tenant.timeEntries?.length ?? 0} time entries, ` +
      `${tenant.documents?.length ?? 0} documents; ${served} records in all (generated in ${((Date.now() - generated) / 1000).toFixed(1)} s)\n`
  );
  const cw = await startCwEmulator({ tenant });
  const env = {
    BENCH_BASE_URL: cw.baseUrl,
    BENCH_COMPANY: cw.companyId,
    BENCH_PUBLIC: cw.publicKey,
    BENCH_PRIVATE: cw.privateKey,
    BENCH_CLIENT: cw.clientId,
  };
  const rows: string[] = [
    '| concurrency | 429s | records | s | records/s | requests | retries | req / 1,000 records | doc MB | peak RSS MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  try {
    for (const concurrency of values.concurrency.split(',').map(Number)) {
      for (const rate of [0, Number(values['rate-429'])]) {
        cw.faults = rate > 0 ? { rate429: rate, retryAfterSeconds: 1, seed: 7 } : {};
        // Runs one after another: they share the emulator, and a benchmark measures one thing at a time.
        // eslint-disable-next-line no-await-in-loop
        const result = await runChild({ ...env, BENCH_CONCURRENCY: String(concurrency) });
        const line =
          `| ${concurrency} | ${rate > 0 ? `${rate * 100}%` : 'none'} | ${result.records} | ${result.seconds.toFixed(1)} | ` +
          `${Math.round(result.records / result.seconds)} | ${result.requests} | ${result.retries} | ` +
          `${((result.requests / result.records) * 1000).toFixed(0)} | ${(result.bytes / 1e6).toFixed(1)} | ${result.peakRssMb} |`;
        rows.push(line);
        process.stdout.write(`${line}\n`);
      }
    }
  } finally {
    await cw.close();
  }
  process.stdout.write(`\n${rows.join('\n')}\n`);
}

await main();
