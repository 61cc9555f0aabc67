/*
 * The mapping decisions as a spreadsheet, through the real sf CLI: `stage` proposes them, `mapping
 * export` writes them to CSV, the admin edits the file (here, the test does), `mapping import`
 * checks and saves it, and the run follows it. A file with bad rows is refused by line, with
 * nothing saved. Expectations come from the tenant and the edits below, not from the plugin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expect } from 'chai';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
import { migrate, startHarness, type Harness } from './support.js';

type Rec = Record<string, unknown>;
type Row = Record<string, string>;
const ref = (r: CwRecord, key: string): Rec | undefined => r[key] as Rec | undefined;
const statusKeyOf = (t: CwRecord): string => `${String(ref(t, 'board')?.id)}:${String(ref(t, 'status')?.name)}`;

interface ExportJson {
  status: number;
  result?: { file: string; decisions: number; openDecisions: number; readFrom: string[] };
}
interface ImportJson {
  status: number;
  name?: string;
  message?: string;
  result?: { rows: number; changed: number; unchanged: number; savedTo: string[] };
  data?: { badRows: Array<{ line: number; kind: string; sourceKey: string; reason: string }> };
}

describe('sf cw migrate mapping export and import (end to end)', () => {
  const tenant = generateTenant({ seed: 33, companies: 20 });
  const [helpDesk, skipped, created] = tenant.boards;
  // A closed status of the first board, which no proposal would make Escalated; the admin does.
  const statusTicket = tenant.tickets.find(
    (t) => ref(t, 'board')?.id === helpDesk.id && ref(t, 'status')?.name === 'Completed',
  )!;
  const statusKey = statusKeyOf(statusTicket);
  const priorityTicket = tenant.tickets.find((t) => ref(t, 'priority')?.name === 'Priority 5 - Next Time')!;
  const priorityKey = String(ref(priorityTicket, 'priority')?.id);
  let h: Harness;
  let work: string;
  let rows: Row[];
  let exported: string;

  before(async () => {
    h = await startHarness(tenant, 'mp');
    work = join(h.dir, 'work');
    const { json } = await runSfJson<{ status: number }>(
      ['cw', 'migrate', 'stage', '--target-org', 'mp', '--work-dir', work],
      h.env,
    );
    expect(json.status, JSON.stringify(json)).to.equal(0);
  });
  after(async () => h?.close());

  const exportTo = (file: string): Promise<{ json: ExportJson }> =>
    runSfJson<ExportJson>(
      ['cw', 'migrate', 'mapping', 'export', '--target-org', 'mp', '--file', file, '--work-dir', work],
      h.env,
    );
  const importFrom = (file: string): Promise<{ code: number; json: ImportJson }> =>
    runSfJson<ImportJson>(
      ['cw', 'migrate', 'mapping', 'import', '--target-org', 'mp', '--file', file, '--work-dir', work],
      h.env,
    );
  /** The file with some rows replaced; every row stays on one line, so row i is line i + 2. */
  const edited = (name: string, edits: Array<[kind: string, key: string, change: Row]>): string => {
    const copy = rows.map((r) => ({ ...r }));
    for (const [kind, key, change] of edits) {
      const row = copy.find((r) => r.Kind === kind && r['Source Key'] === key);
      expect(row, `${kind} ${key} in the export`).to.not.equal(undefined);
      Object.assign(row!, change);
    }
    const file = join(h.dir, name);
    writeFileSync(file, stringify(copy, { header: true, columns: Object.keys(rows[0]) }));
    return file;
  };
  const lineOf = (kind: string, key: string): number =>
    rows.findIndex((r) => r.Kind === kind && r['Source Key'] === key) + 2;
  /**
   * Custom fields as the tenant's records carry them, once per object they go to, and the options
   * of the two list fields the customer-org fixture has picklists for (Case.Root_Cause__c,
   * Account.Region__c): those the definition lists and those records hold.
   */
  function customFieldKeys(): string[] {
    const keys = new Set<string>();
    const carriers: Array<[string, CwRecord[]]> = [
      ['Account', tenant.companies],
      ['Contact', tenant.contacts],
      ['Case', tenant.tickets],
      ['ServiceContract', tenant.agreements!],
    ];
    const picklists: Record<string, string> = { 'Case:Root Cause': 'Case', 'Account:Region': 'Account' };
    for (const [object, records] of carriers) {
      for (const record of records) {
        for (const f of (record.customFields as Rec[] | undefined) ?? []) {
          keys.add(`Custom Field:${object}:${String(f.id)}`);
          if (!picklists[`${object}:${String(f.caption)}`]) continue;
          const definition = tenant.userDefinedFields!.find((d) => d.id === f.id)!;
          for (const option of definition.options as Rec[]) keys.add(`Custom Field Option:${object}:${String(f.id)}:${String(option.optionValue)}`);
          if (f.value != null && f.value !== '') keys.add(`Custom Field Option:${object}:${String(f.id)}:${String(f.value)}`);
        }
      }
    }
    return [...keys];
  }

  const orgDecisions = (): Map<unknown, Rec> =>
    new Map(h.org.records('CWM_Mapping_Decision__c').map((d) => [d.Decision_Key__c, d]));

  it('exports one row per decision: every member, board, board status, priority, SLA, agreement type, custom field and list option', async () => {
    const file = join(h.dir, 'decisions.csv');
    const { json } = await exportTo(file);
    expect(json.status, JSON.stringify(json)).to.equal(0);
    exported = readFileSync(file, 'utf8');
    rows = parse(exported, { bom: true, columns: true });
    const statusKeys = new Set(tenant.tickets.map(statusKeyOf));
    for (const s of tenant.boardStatuses) statusKeys.add(`${String(ref(s, 'board')?.id)}:${String(s.name)}`);
    const expected = [
      ...tenant.members.map((m) => `Member:${m.id}`),
      ...tenant.boards.map((b) => `Board:${b.id}`),
      ...[...statusKeys].map((k) => `Status:${k}`),
      ...tenant.priorities.map((p) => `Priority:${p.id}`),
      ...tenant.slas!.map((x) => `SLA:${x.id}`),
      ...new Set(tenant.agreements!.map((a) => `Agreement Type:${String(ref(a, 'type')?.id)}`)),
      ...customFieldKeys(),
    ];
    expect(rows.map((r) => `${r.Kind}:${r['Source Key']}`).sort()).to.deep.equal(expected.sort());
    expect(json.result).to.include({ decisions: expected.length, openDecisions: expected.length });
    expect(json.result?.readFrom).to.deep.equal(['org', 'work store']);
    expect(rows.every((r) => Object.values(r).every((v) => !v.includes('\n')))).to.equal(true);
    const board = rows.find((r) => r.Kind === 'Board' && r['Source Key'] === String(helpDesk.id));
    expect(board).to.include({ 'Source Label': String(helpDesk.name), Status: 'Proposed', Target: '' });
  });

  it('refuses a file with bad rows, naming each by line, and saves nothing', async () => {
    const before = orgDecisions();
    const file = edited('bad.csv', [
      ['Board', String(helpDesk.id), { Status: 'Confirmed', Target: 'No Such Queue' }],
      ['Board', String(skipped.id), { Status: 'Skip' }], // a good row: not saved either
      ['Status', statusKey, { Status: 'Skip' }],
      ['Priority', priorityKey, { Status: 'Confirmed', Target: 'Urgent' }],
    ]);
    const { code, json } = await importFrom(file);
    expect(code).to.not.equal(0);
    expect(json.message).to.match(/3 bad rows/);
    expect(json.data?.badRows.map((r) => [r.line, r.reason])).to.deep.equal(
      [
        [lineOf('Board', String(helpDesk.id)), 'Target "No Such Queue" is not a case queue (id or name) in the org.'],
        [lineOf('Status', statusKey), 'Status decisions cannot be Skip; they take Proposed, Confirmed.'],
        [lineOf('Priority', priorityKey), 'Target "Urgent" is not an active Case Priority value in the org.'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(orgDecisions()).to.deep.equal(before);
    const again = join(h.dir, 'again.csv');
    await exportTo(again);
    expect(readFileSync(again, 'utf8')).to.equal(exported);
  });

  it('imports a good file into the org and the work store, and the run follows it', async () => {
    const file = edited('good.csv', [
      ['Board', String(skipped.id), { Status: 'Skip' }],
      ['Board', String(created.id), { Status: 'Create' }],
      ['Status', statusKey, { Status: 'Confirmed', Target: 'Escalated' }],
      ['Priority', priorityKey, { Status: 'confirmed', Target: 'high' }],
    ]);
    const { json } = await importFrom(file);
    expect(json.status, JSON.stringify(json)).to.equal(0);
    expect(json.result).to.include({ rows: rows.length, changed: 4, unchanged: rows.length - 4 });
    expect(json.result?.savedTo).to.deep.equal(['org', 'work store']);
    const decided = orgDecisions();
    expect(decided.get(`board:${skipped.id}`)).to.include({ Status__c: 'Skip' });
    expect(decided.get(`board:${created.id}`)).to.include({ Status__c: 'Create' });
    expect(decided.get(`status:${statusKey}`)).to.include({
      Status__c: 'Confirmed',
      Confirmed_Target__c: 'Escalated',
      Confirmed_Label__c: 'Escalated',
    });
    expect(decided.get(`priority:${priorityKey}`)).to.include({ Status__c: 'Confirmed', Confirmed_Target__c: 'High' });

    const run = await migrate(h, 'mp', ['--no-extract']);
    expect(run.status, JSON.stringify(run).slice(0, 1500)).to.equal(0);
    const cases = new Map(h.org.records('Case').map((c) => [String(c.CW_Id__c), c]));
    let checked = 0;
    for (const t of tenant.tickets) {
      const c = cases.get(String(t.id));
      if (ref(t, 'board')?.id === skipped.id) {
        expect(c, `ticket ${t.id} on the skipped board`).to.equal(undefined);
        continue;
      }
      expect(c, `ticket ${t.id}`).to.not.equal(undefined);
      if (statusKeyOf(t) === statusKey) expect(c?.Status, `ticket ${t.id} status`).to.equal('Escalated');
      if (String(ref(t, 'priority')?.id) === priorityKey)
        expect(c?.Priority, `ticket ${t.id} priority`).to.equal('High');
      checked++;
    }
    expect(checked).to.be.greaterThan(0);
    const queue = h.org.records('Group').find((g) => g.Type === 'Queue' && g.Name === created.name);
    expect(queue, `a queue for "${String(created.name)}"`).to.not.equal(undefined);

    // The run's own decisions.csv is the same file and imports as it is. It says what the run did:
    // each board decided "Create" now names the queue the run created for it.
    const toCreate = [...orgDecisions().values()].filter((d) => d.Kind__c === 'Board' && d.Status__c === 'Create').length;
    expect(toCreate).to.be.greaterThan(0);
    const { json: again } = await importFrom(join(run.result!.reports!.folder, 'decisions.csv'));
    expect(again.status, JSON.stringify(again).slice(0, 1500)).to.equal(0);
    expect(again.result).to.include({ rows: rows.length, changed: toCreate });
  });
});
