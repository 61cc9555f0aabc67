/**
 * Browser test of the mapping workspace: the real components, Salesforce's base components and SLDS in headless
 * Chromium, reading and writing the org emulator over REST. It changes a board's queue and a status value, accepts the
 * rest at or above 80%, signs a sample run off in the Run Monitor, checks the decisions and the run in the
 * emulator's records and saves a screenshot per tab to preview/output/. Prints one result line; exits non-zero on failure.
 *
 * npx tsx preview/browser-test.ts
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startOrgEmulator, type OrgEmulator } from '../test/org-emulator/index.js';
import { ensureBuilt } from './build.js';
import { mappingDecisions, SAMPLE_RUN } from './demo-data.js';
import { seedDemo } from './seed.js';
import { startPreviewServer, type PreviewServer } from './server.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUTPUT = join(HERE, 'output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const THRESHOLD = 80;
const PROFESSIONAL_SERVICES = '00G5g000004QhDmEAK';
const TABS = ['Boards', 'Agreements and SLAs', 'Picklist values', 'Members', 'Custom fields'];

type Decision = Record<string, unknown>;

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('lightning-tab-bar [role="tab"]', { hasText: label }).click();
}

async function choose(page: Page, decisionKey: string, option: string, expectMessage: string): Promise<void> {
  const row = page.locator(`tr[data-key="${decisionKey}"]`);
  await row.locator('lightning-combobox button').click();
  await row.locator('lightning-base-combobox-item', { hasText: option }).first().click();
  await page.locator('.cwm-save-message', { hasText: expectMessage }).waitFor();
}

async function drive(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator('c-cwm-decision-table tbody tr').first().waitFor();

  await choose(page, 'board:7', 'Professional Services', '1 decision saved.');
  await page.locator('tr[data-key="board:1"] lightning-button-icon button').click();
  await page.locator('c-cwm-example-records li').first().waitFor();

  await openTab(page, 'Picklist values');
  await choose(page, 'status:17', 'Escalated', '1 decision saved.');

  await page.locator('c-cwm-bulk-accept lightning-input input').fill(String(THRESHOLD));
  await page.locator('c-cwm-bulk-accept lightning-button button').click();
  const accepted = await page.locator('.cwm-save-message', { hasText: 'accepted' }).textContent();

  for (const [i, label] of TABS.entries()) {
    await openTab(page, label);
    await page.waitForTimeout(150);
    await page.screenshot({
      path: join(OUTPUT, `workspace-${i + 1}-${label.toLowerCase().replace(/ /g, '-')}.png`),
      fullPage: true,
    });
  }
  await page.goto(`${url}?view=runs`);
  await page.locator('c-cwm-run-failures lightning-datatable').waitFor();
  await page.screenshot({ path: join(OUTPUT, 'run-monitor.png'), fullPage: true });
  // The sample run awaiting sign-off: select it and sign it off.
  await page.locator('c-cwm-run-monitor tr', { hasText: SAMPLE_RUN }).locator('label').first().click();
  await page.locator('c-cwm-sign-off lightning-button button', { hasText: 'Sign off sample' }).click();
  await page.locator('c-cwm-sign-off .cwm-signed-off').waitFor();
  await page.screenshot({ path: join(OUTPUT, 'run-monitor-signed-off.png'), fullPage: true });
  return Number(/(\d+)/.exec(accepted ?? '')?.[1] ?? -1);
}

function verify(org: OrgEmulator, accepted: number): string[] {
  const byKey = new Map<unknown, Decision>(org.records('CWM_Mapping_Decision__c').map((d) => [d.Decision_Key__c, d]));
  const alerts = byKey.get('board:7');
  check(
    alerts?.Status__c === 'Confirmed' && alerts.Confirmed_Target__c === PROFESSIONAL_SERVICES,
    `board:7 should map to Professional Services, is ${JSON.stringify(alerts)}`,
  );
  check(
    alerts?.Confirmed_Label__c === 'Professional Services',
    `board:7 label is ${String(alerts?.Confirmed_Label__c)}`,
  );
  const inProgress = byKey.get('status:17');
  check(
    inProgress?.Status__c === 'Confirmed' && inProgress.Confirmed_Target__c === 'Escalated',
    `status:17 should map to Escalated, is ${JSON.stringify(inProgress)}`,
  );
  const expected = mappingDecisions.filter(
    (d) =>
      d.Proposed_Target__c &&
      Number(d.Confidence__c) >= THRESHOLD / 100 &&
      !['board:7', 'status:17'].includes(String(d.Decision_Key__c)),
  );
  check(accepted === expected.length, `accepted ${accepted} proposals, expected ${expected.length}`);
  for (const seed of expected) {
    const stored = byKey.get(seed.Decision_Key__c);
    check(
      stored?.Status__c === 'Confirmed' && stored.Confirmed_Target__c === seed.Proposed_Target__c,
      `${String(seed.Decision_Key__c)} should be confirmed as proposed, is ${String(stored?.Status__c)}`,
    );
  }
  const stillOpen = [...byKey.values()].filter((d) => d.Status__c === 'Proposed');
  check(
    stillOpen.length === mappingDecisions.length - expected.length - 2,
    `${stillOpen.length} decisions still open, expected ${mappingDecisions.length - expected.length - 2}`,
  );
  const sample = org.records('CWM_Run__c').find((r) => r.Run_Id__c === SAMPLE_RUN);
  check(sample?.Status__c === 'Signed Off', `the sample run should be signed off, is ${String(sample?.Status__c)}`);
  return [`board:7 → Professional Services`, 'status:17 → Escalated', `${accepted} accepted at ${THRESHOLD}%`, 'sample signed off'];
}

async function main(): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const buildMs = await ensureBuilt();
  const started = Date.now();
  let org: OrgEmulator | undefined;
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    org = await startOrgEmulator();
    seedDemo(org);
    server = await startPreviewServer(org);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [
        '--no-sandbox',
        // This machine has no network: without these, Chromium keeps trying to reach Google's hosts.
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.setDefaultTimeout(15_000);
    const accepted = await drive(page, server.url);
    const checks = verify(org, accepted);
    check(consoleErrors.length === 0, `browser console errors: ${consoleErrors.join(' | ')}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const build = buildMs ? `build ${(buildMs / 1000).toFixed(1)} s` : 'build up to date';
    return `${checks.join(', ')}; 7 screenshots in preview/output (${seconds} s, ${build})`;
  } finally {
    await browser?.close();
    await server?.close();
    await org?.close();
  }
}

main().then(
  (summary) => {
    process.stdout.write(`preview browser test: passed: ${summary}\n`);
  },
  (error: Error) => {
    process.stdout.write(`preview browser test: FAILED: ${error.message.split('\n')[0]}\n`);
    process.exitCode = 1;
  },
);
