import { Messages } from '@salesforce/core';
import type { AnyJson } from '@salesforce/ts-types';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { connectWiseFlags, connectWiseSettings } from '../../../cli/connectwiseFlags.js';
import { describeOpen } from '../../../mapping/decisions.js';
import { runMigration, type MigrationResult } from '../../../pipeline/runMigration.js';
import { summaryTable } from '../../../report/writeReports.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'run');

export type CwMigrateRunResult = MigrationResult;

const confidence = Flags.custom<number>({
  parse: async (input: string) => {
    const value = Number(input);
    if (Number.isNaN(value) || value < 0 || value > 1) throw new Error(`--confidence takes a number from 0 to 1, not "${input}".`);
    return value;
  },
});

export default class CwMigrateRun extends SfCommand<CwMigrateRunResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    ...connectWiseFlags,
    'cw-export-dir': Flags.directory({ summary: messages.getMessage('flags.cw-export-dir.summary'), exists: true }),
    'cw-export-time-zone': Flags.string({ summary: messages.getMessage('flags.cw-export-time-zone.summary'), default: 'UTC' }),
    'cw-export-date-order': Flags.option({
      summary: messages.getMessage('flags.cw-export-date-order.summary'),
      options: ['MDY', 'DMY', 'YMD'] as const,
      default: 'MDY',
    })(),
    extract: Flags.boolean({ summary: messages.getMessage('flags.extract.summary'), default: true, allowNo: true }),
    'auto-confirm': Flags.boolean({ summary: messages.getMessage('flags.auto-confirm.summary') }),
    confidence: confidence({ summary: messages.getMessage('flags.confidence.summary'), default: 0.8 }),
    'unmatched-members': Flags.option({
      summary: messages.getMessage('flags.unmatched-members.summary'),
      options: ['fallback', 'placeholder'] as const,
      default: 'fallback',
    })(),
    'fallback-owner': Flags.string({ summary: messages.getMessage('flags.fallback-owner.summary') }),
    'skip-board': Flags.string({ summary: messages.getMessage('flags.skip-board.summary'), multiple: true }),
    sample: Flags.integer({ summary: messages.getMessage('flags.sample.summary'), min: 1, exclusive: ['sign-off'] }),
    'sign-off': Flags.boolean({ summary: messages.getMessage('flags.sign-off.summary') }),
    deleted: Flags.option({
      summary: messages.getMessage('flags.deleted.summary'),
      options: ['report', 'delete'] as const,
      default: 'report',
    })(),
    'output-dir': Flags.directory({ summary: messages.getMessage('flags.output-dir.summary'), default: 'cw-migrate-output' }),
    'work-dir': Flags.directory({ summary: messages.getMessage('flags.work-dir.summary'), default: '.' }),
  };

  /** `delta` is this command for a tenant migrated before: it refuses a first run. */
  protected deltaOnly = false;

  public async run(): Promise<CwMigrateRunResult> {
    // delta is this command with fewer flags: parse with the flags of the command that runs.
    const { flags } = await this.parse(this.constructor as typeof CwMigrateRun);
    const csvExport = flags['cw-export-dir']
      ? { dir: flags['cw-export-dir'], timeZone: flags['cw-export-time-zone'], dateOrder: flags['cw-export-date-order'] }
      : undefined;
    const connectwise = !flags.extract || csvExport
      ? undefined
      : connectWiseSettings(flags);

    const progress = this.progressReporter();
    if (process.stderr.isTTY) this.spinner.start('Migrating');
    const result = await runMigration({
      conn: flags['target-org'].getConnection(flags['api-version']),
      connectwise,
      cwCompanyId: flags['cw-company-id'],
      workDir: flags['work-dir'],
      outputDir: flags['output-dir'],
      autoConfirm: flags['auto-confirm'],
      confidence: flags.confidence,
      unmatchedMembers: flags['unmatched-members'],
      fallbackOwner: flags['fallback-owner'],
      skipBoards: flags['skip-board'],
      sample: flags.sample,
      signOff: flags['sign-off'],
      deleted: flags.deleted,
      csvExport,
      deltaOnly: this.deltaOnly,
      progress,
    });
    if (process.stderr.isTTY) this.spinner.stop(result.status);

    if (result.status === 'AwaitingDecisions') {
      const list = result.openDecisions
        .map((d) => `  ${describeOpen(d)}`)
        .join('\n');
      // The highest threshold that still accepts every open proposal (two decimals, rounded down).
      const reached = Math.min(...result.openDecisions.map((d) => d.confidence));
      const threshold = Number.isFinite(reached) ? (Math.floor(reached * 100) / 100).toFixed(2) : '0.5';
      throw messages.createError('error.DecisionsOpen', [result.openDecisions.length, list], [this.config.bin, this.config.bin, threshold]);
    }
    this.log(summaryTable(result.objects));
    const groups = result.problemGroups ?? [];
    if (groups.length > 0) {
      this.log(messages.getMessage('info.ProblemsHeader', [result.problemCount]));
      for (const g of groups.slice(0, 8)) this.log(`  ${String(g.records).padStart(6)}  ${g.outcome} ${g.object}${g.field ? `.${g.field}` : ''}: ${g.reason}`);
      if (groups.length > 8) this.log(messages.getMessage('info.MoreProblems', [groups.length - 8]));
    }
    this.log(messages.getMessage('info.Summary', [result.runId, result.status, result.reports?.folder ?? '']));
    if (result.status === 'AwaitingSignOff' && result.verification) {
      const v = result.verification;
      this.log(messages.getMessage('info.SampleVerified', [v.objects.map((o) => `${o.object} ${o.matching}/${o.expected}`).join(', '), v.reportFolder]));
      if (v.differenceCount > 0) {
        throw messages.createError('error.SampleDiffers', [v.differenceCount, v.reportFolder]);
      }
      this.log(messages.getMessage('info.AwaitingSignOff', [this.config.bin]));
      return result;
    }
    const failed = result.objects.reduce((n, o) => n + o.failed, 0);
    if (failed > 0) {
      const error = messages.createError('error.RecordsFailed', [failed, result.reports?.problemsCsv ?? 'problems.csv']);
      error.setData(result as unknown as AnyJson);
      throw error;
    }
    return result;
  }

  /**
   * Progress on a terminal: the spinner's status, refreshed at most twice a second. Without a
   * terminal (CI logs, pipes) one line per phase, so logs stay readable.
   */
  private progressReporter(): (phase: string, done: number, total: number) => void {
    let lastPhase = '';
    let lastAt = 0;
    return (phase, done, total) => {
      const now = Date.now();
      if (process.stderr.isTTY) {
        if (phase === lastPhase && now - lastAt < 500 && done < total) return;
        this.spinner.status = total > 1 ? `${phase} ${done}/${total}` : phase;
      } else if (phase !== lastPhase && !this.jsonEnabled()) {
        this.logToStderr(`  ${phase}`);
      }
      lastPhase = phase;
      lastAt = now;
    };
  }
}
