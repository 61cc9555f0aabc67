import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { rollbackRun, type RollbackResult } from '../../../pipeline/rollback.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'rollback');

export type CwMigrateRollbackResult = RollbackResult;

export default class CwMigrateRollback extends SfCommand<CwMigrateRollbackResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    run: Flags.string({ summary: messages.getMessage('flags.run.summary'), required: true }),
    force: Flags.boolean({ summary: messages.getMessage('flags.force.summary') }),
    'work-dir': Flags.directory({ summary: messages.getMessage('flags.work-dir.summary'), default: '.' }),
  };

  public async run(): Promise<CwMigrateRollbackResult> {
    const { flags } = await this.parse(CwMigrateRollback);
    const result = await rollbackRun({
      conn: flags['target-org'].getConnection(flags['api-version']),
      workDir: flags['work-dir'],
      runId: flags.run,
      force: flags.force,
      progress: (phase) => {
        if (!this.jsonEnabled()) this.logToStderr(`  ${phase}`);
      },
    });
    if (result.laterRuns.length > 0) {
      throw messages.createError('error.LaterRuns', [result.laterRuns.join(', ')], [this.config.bin, result.laterRuns[0]]);
    }
    if (result.status === 'Refused') {
      const list = result.changedAfterRun.slice(0, 20).map((c) => `  ${c.object} ${c.id} (changed ${c.lastModifiedDate})`);
      throw messages.createError('error.ChangedAfterRun', [result.changedAfterRun.length, list.join('\n')], [this.config.bin, flags.run]);
    }
    for (const [object, n] of Object.entries(result.restored)) this.log(messages.getMessage('info.Restored', [n, object]));
    for (const [object, n] of Object.entries(result.deleted)) this.log(messages.getMessage('info.Deleted', [n, object]));
    if (result.deactivatedUsers.length > 0) {
      this.log(messages.getMessage('info.Deactivated', [result.deactivatedUsers.length, result.deactivatedUsers.join(', ')]));
    }
    if (result.runRecords.length > 0) this.log(messages.getMessage('info.RunRecordKept', [result.runRecords.join(', ')]));
    if (result.failures.length > 0) {
      const list = result.failures.slice(0, 20).map((f) => `  ${f.object} ${f.id}: ${f.error}`).join('\n');
      throw messages.createError('error.Failures', [result.failures.length, list], [this.config.bin, flags.run]);
    }
    this.log(messages.getMessage('info.Done', [flags.run]));
    return result;
  }
}
