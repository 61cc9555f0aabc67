/*
 * `npm test`: builds the plugin, runs every mocha suite, the Jest suite of the Lightning web
 * components and the browser test of the mapping screens, and closes with one line that adds up
 * all of them: "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { existsSync, globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/sfCli.js';

interface Suite {
  name: string;
  specs: string[];
  timeoutMs: number;
}

const SUITES: Suite[] = [
  { name: 'plugin unit tests', specs: ['plugin/test/**/*.test.ts'], timeoutMs: 20_000 },
  { name: 'emulator tests', specs: ['test/org-emulator/**/*.test.ts', 'test/cw-emulator/**/*.test.ts'], timeoutMs: 120_000 },
  { name: 'end-to-end tests', specs: ['test/e2e/**/*.test.ts'], timeoutMs: 600_000 },
];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const bin = (name: string): string => join(REPO_ROOT, 'node_modules', '.bin', name);
const CHROMIUM = '/usr/bin/chromium';
const scratch = mkdtempSync(join(tmpdir(), 'cwm-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = await run('npm', ['run', 'build', '--silent']);
if (exitCode !== 0) totals.failed++;

for (const suite of SUITES) {
  const totalsFile = join(scratch, `${suite.name.replace(/\W+/g, '-')}.json`);
  process.stdout.write(`\n=== ${suite.name} ===\n`);
  if (suite.specs.every((spec) => globSync(spec, { cwd: REPO_ROOT }).length === 0)) {
    process.stdout.write('  (no test files yet)\n');
    continue;
  }
  // eslint-disable-next-line no-await-in-loop
  const code = await run(
    bin('mocha'),
    ['--import=tsx', '--reporter', join(REPO_ROOT, 'scripts/lib/totalsReporter.cjs'), '--timeout', String(suite.timeoutMs), '--exit', ...suite.specs],
    { ...process.env, CWM_TOTALS_FILE: totalsFile }
  );
  try {
    const counted = JSON.parse(readFileSync(totalsFile, 'utf8')) as typeof totals;
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    totals.skipped += counted.skipped;
    if (code !== 0 && counted.failed === 0) totals.failed++;
  } catch {
    // mocha stopped before it could count (a file failed to load): that is a failure too.
    if (code !== 0) totals.failed++;
  }
  if (code !== 0) exitCode = 1;
}
process.stdout.write('\n=== Lightning web component tests (Jest) ===\n');
const jestFile = join(scratch, 'jest.json');
const jestCode = await run(bin('jest'), ['--json', '--outputFile', jestFile]);
try {
  const jest = JSON.parse(readFileSync(jestFile, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  totals.passed += jest.numPassedTests;
  totals.failed += jest.numFailedTests;
  totals.skipped += jest.numPendingTests;
  if (jestCode !== 0 && jest.numFailedTests === 0) totals.failed++;
} catch {
  if (jestCode !== 0) totals.failed++;
}
if (jestCode !== 0) exitCode = 1;

process.stdout.write('\n=== mapping screens in a real browser ===\n');
if (existsSync(CHROMIUM)) {
  const browserCode = await run(bin('tsx'), ['preview/browser-test.ts']);
  if (browserCode === 0) totals.passed++;
  else {
    totals.failed++;
    exitCode = 1;
  }
} else {
  process.stdout.write(`  skipped: no browser at ${CHROMIUM} (install Debian's chromium package to run it)\n`);
  totals.skipped++;
}

rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(exitCode);
