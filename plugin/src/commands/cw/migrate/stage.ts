import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { connectWiseFlags, connectWiseSettings } from '../../../cli/connectwiseFlags.js';
import { stageMapping, type StageResult } from '../../../staging/stage.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'stage');

export type CwMigrateStageResult = StageResult;

export default class CwMigrateStage extends SfCommand<CwMigrateStageResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    ...connectWiseFlags,
    extract: Flags.boolean({ summary: messages.getMessage('flags.extract.summary'), default: true, allowNo: true }),
    records: Flags.option({
      summary: messages.getMessage('flags.records.summary'),
      options: ['sample', 'all', 'none'] as const,
      default: 'sample',
    })(),
    'sample-size': Flags.integer({ summary: messages.getMessage('flags.sample-size.summary'), default: 25, min: 1 }),
    'unmatched-members': Flags.option({
      summary: messages.getMessage('flags.unmatched-members.summary'),
      options: ['fallback', 'placeholder'] as const,
      default: 'fallback',
    })(),
    'work-dir': Flags.directory({ summary: messages.getMessage('flags.work-dir.summary'), default: '.' }),
  };

  public async run(): Promise<CwMigrateStageResult> {
    const { flags } = await this.parse(CwMigrateStage);
    const connectwise = flags.extract
      ? connectWiseSettings(flags)
      : undefined;
    const result = await stageMapping({
      conn: flags['target-org'].getConnection(flags['api-version']),
      connectwise,
      cwCompanyId: flags['cw-company-id'],
      workDir: flags['work-dir'],
      records: flags.records,
      sampleSize: flags['sample-size'],
      unmatchedMembers: flags['unmatched-members'],
      progress: (phase) => {
        if (!this.jsonEnabled()) this.logToStderr(`  ${phase}`);
      },
    });
    this.log(messages.getMessage('info.Staged', [result.decisions, result.openDecisions, result.targetOptions, result.stagedRecords, result.storageKb]));
    if (result.failures.length > 0) {
      throw messages.createError('error.Failures', [result.failures.length, result.failures.slice(0, 20).join('\n')]);
    }
    return result;
  }
}
