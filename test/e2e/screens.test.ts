/*
 * The mapping screens on a staged tenant, in headless Chromium: `sf cw migrate stage` writes the
 * decisions into the org emulator, the Mapping Workspace (the real components, served by the
 * preview) changes a board's queue, skips a board, creates a queue for a third, changes a status
 * value and accepts the rest at 50 %; then `sf cw migrate run`, without --auto-confirm, must find
 * every decision made and load the cases the way the screens said, and the Run Monitor must show
 * that run with the counts the org holds. A screenshot of each tab is
 * kept in test-output/screens/. Without Chromium the suite is skipped and says so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureBuilt } from '../../preview/build.js';
import { startPreviewServer, type PreviewServer } from '../../preview/server.js';
import { REPO_ROOT, runSfJson } from '../../scripts/lib/sfCli.js';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
import { short, startHarness, type Harness, type RunJson } from './support.js';
import { PRIORITY, ref, STATUS, type Rec } from './expectations.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENS = join(REPO_ROOT, 'test-output', 'screens');
const TABS = ['Boards', 'Agreements and SLAs', 'Picklist values', 'Members', 'Custom fields'];
/** A queue the org has that no board is named after: the admin picks it for the first board. */
const OTHER_QUEUE = 'Escalations Team';


async function until(what: string, test: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the mapping screens on a staged tenant, and the run that follows them (browser, end to end)', () => {
  const tenant = generateTenant({ seed: 45, companies: 15 });
  const [queued, skipped, created] = tenant.boards;
  const statusKey = `status:${queued.id}:Completed`;
  let h: Harness;
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let otherQueueId: string;
  let runId: string;
  const pageErrors: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      process.stdout.write(
        `    Skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).\n`,
      );
      this.skip();
    }
    expect(
      tenant.tickets.some((t) => ref(t, 'board')?.id === queued.id && ref(t, 'status')?.name === 'Completed'),
    ).to.equal(true);
    mkdirSync(SCREENS, { recursive: true });
    // The first build takes 30-60 s: it runs while the emulators start and the tenant is staged.
    const build = ensureBuilt();
    build.catch(() => undefined);
    h = await startHarness(tenant, 'sc');
    // Case queues for every board but the third (its tickets get a new queue), and one more.
    const names = [...tenant.boards.filter((b) => b !== created).map((b) => String(b.name)), OTHER_QUEUE];
    const queueIds = h.org.seed(
      'Group',
      names.map((Name, i) => ({ Name, DeveloperName: `Queue_${i}`, Type: 'Queue' })),
    );
    h.org.seed(
      'QueueSobject',
      queueIds.map((QueueId) => ({ QueueId, SobjectType: 'Case' })),
    );
    otherQueueId = queueIds[queueIds.length - 1];
    const { json } = await runSfJson<{ status: number }>(
      ['cw', 'migrate', 'stage', '--target-org', 'sc', '--work-dir', join(h.dir, 'work')],
      h.env,
    );
    expect(json.status, JSON.stringify(json)).to.equal(0);
    await build;
    server = await startPreviewServer(h.org);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // No network here: without these Chromium keeps trying to reach Google's hosts.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
  });

  const decision = (key: string): Rec | undefined =>
    h.org.records('CWM_Mapping_Decision__c').find((d) => d.Decision_Key__c === key);

  /** Picks an option in a decision's combobox and waits until the org holds the choice. */
  async function choose(key: string, option: string, saved: (d: Rec | undefined) => boolean): Promise<void> {
    const row = page.locator(`tr[data-key="${key}"]`);
    await row.locator('lightning-combobox button').click();
    await row.locator('lightning-base-combobox-item', { hasText: option }).first().click();
    await until(`${key} to be saved as ${option}`, () => saved(decision(key)));
  }

  it('saves the choices made in the workspace into the staged decisions', async () => {
    await page.goto(server.url);
    await page.locator('c-cwm-decision-table tbody tr').first().waitFor();
    await choose(
      `board:${queued.id}`,
      OTHER_QUEUE,
      (d) => d?.Status__c === 'Confirmed' && short(d.Confirmed_Target__c) === short(otherQueueId),
    );
    await choose(`board:${skipped.id}`, 'Skip', (d) => d?.Status__c === 'Skip');
    await choose(`board:${created.id}`, 'Create new', (d) => d?.Status__c === 'Create');
    await page.locator('lightning-tab-bar [role="tab"]', { hasText: 'Picklist values' }).click();
    await choose(statusKey, 'Escalated', (d) => d?.Status__c === 'Confirmed' && d.Confirmed_Target__c === 'Escalated');

    await page.locator('c-cwm-bulk-accept lightning-input input').fill('50');
    await page.locator('c-cwm-bulk-accept lightning-button button').click();
    await page.locator('.cwm-save-message', { hasText: 'accepted' }).waitFor();
    await until('every decision to be made', () =>
      h.org.records('CWM_Mapping_Decision__c').every((d) => d.Status__c !== 'Proposed'),
    );

    for (const [i, label] of TABS.entries()) {
      // eslint-disable-next-line no-await-in-loop
      await page.locator('lightning-tab-bar [role="tab"]', { hasText: label }).click();
      // eslint-disable-next-line no-await-in-loop
      await page.waitForTimeout(150);
      // eslint-disable-next-line no-await-in-loop
      await page.screenshot({
        path: join(SCREENS, `${i + 1}-${label.toLowerCase().replace(/ /g, '-')}.png`),
        fullPage: true,
      });
    }
    expect(decision(`board:${queued.id}`)).to.include({ Confirmed_Label__c: OTHER_QUEUE });
    expect(decision(statusKey)).to.include({ Status__c: 'Confirmed', Confirmed_Target__c: 'Escalated' });
    expect(pageErrors).to.deep.equal([]);
  });

  it('runs without --auto-confirm and loads the cases the way the screens decided', async () => {
    const { json } = await runSfJson<RunJson>(
      [
        'cw',
        'migrate',
        'run',
        '--target-org',
        'sc',
        '--no-extract',
        '--work-dir',
        join(h.dir, 'work'),
        '--output-dir',
        join(h.dir, 'reports'),
      ],
      h.env,
    );
    expect(json.status, JSON.stringify(json).slice(0, 2000)).to.equal(0);

    const users = h.org.records('User');
    const userOf = (identifier: unknown): string | undefined => {
      const member = tenant.members.find((m) => m.identifier === identifier);
      const email = typeof member?.primaryEmail === 'string' ? member.primaryEmail.trim().toLowerCase() : undefined;
      return email
        ? (users.find((u) => u.Email === email && String(u.Username).endsWith('.cwmdemo'))?.Id as string | undefined)
        : undefined;
    };
    const newQueue = h.org
      .records('Group')
      .find((g) => g.Type === 'Queue' && g.Name === created.name && !String(g.DeveloperName).startsWith('Queue_'));
    expect(newQueue, `a new queue for "${String(created.name)}"`).to.not.equal(undefined);
    const queueOf: Record<number, string> = { [queued.id]: otherQueueId, [created.id]: String(newQueue!.Id) };

    const cases = new Map(h.org.records('Case').map((c) => [String(c.CW_Id__c), c]));
    for (const t of tenant.tickets) {
      const c = cases.get(String(t.id));
      const boardId = ref(t, 'board')?.id as number;
      if (boardId === skipped.id) {
        expect(c, `ticket ${t.id} on the skipped board`).to.equal(undefined);
        continue;
      }
      expect(c, `ticket ${t.id}`).to.not.equal(undefined);
      const statusName = String(ref(t, 'status')?.name);
      const status = boardId === queued.id && statusName === 'Completed' ? 'Escalated' : STATUS[statusName];
      expect(c!.Status, `ticket ${t.id} status "${statusName}"`).to.equal(status);
      expect(c!.Priority, `ticket ${t.id} priority`).to.equal(PRIORITY[String(ref(t, 'priority')?.name)]);
      const owner = userOf(ref(t, 'owner')?.identifier) ?? queueOf[boardId];
      if (owner) expect(short(c!.OwnerId), `ticket ${t.id} owner`).to.equal(short(owner));
    }
    runId = String(json.result?.runId);
  });

  it('shows the run in the Run Monitor, with its counts per object as the org holds them', async () => {
    await page.goto(`${server.url}?view=runs`);
    const monitor = page.locator('c-cwm-run-monitor');
    await monitor.locator('h2', { hasText: `Run ${runId}: Completed` }).waitFor();
    const rows = await monitor.locator('c-cwm-run-counts tbody tr').allInnerTexts();
    const cells = (object: string): string[] | undefined =>
      rows.map((r) => r.split('\t').map((cell) => cell.trim())).find((r) => r[0] === object);
    // The last column is "In org"; the org's own count of migrated cases and accounts.
    expect(cells('Case')?.at(-1)).to.equal(String(h.org.records('Case').filter((c) => c.CW_Id__c != null).length));
    expect(cells('Account')?.at(-1)).to.equal(String(h.org.records('Account').filter((a) => a.CW_Id__c != null).length));
    await page.screenshot({ path: join(SCREENS, 'run-monitor.png'), fullPage: true });
    expect(pageErrors).to.deep.equal([]);
  });
});
