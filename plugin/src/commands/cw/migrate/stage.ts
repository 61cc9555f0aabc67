import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { ConnectWiseClientOptions } from '../../../connectwise/client.js';
import { credentialsFromEnv } from '../../../connectwise/credentials.js';
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
    'cw-site': Flags.string({ summary: messages.getMessage('flags.cw-site.summary'), env: 'CW_SITE' }),
    'cw-company-id': Flags.string({ summary: messages.getMessage('flags.cw-company-id.summary'), env: 'CW_COMPANY_ID' }),
    'cw-public-key': Flags.string({ summary: messages.getMessage('flags.cw-public-key.summary'), env: 'CW_PUBLIC_KEY' }),
    'cw-private-key': Flags.string({ summary: messages.getMessage('flags.cw-private-key.summary'), env: 'CW_PRIVATE_KEY' }),
    'cw-client-id': Flags.string({ summary: messages.getMessage('flags.cw-client-id.summary'), env: 'CW_CLIENT_ID' }),
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
    const env = credentialsFromEnv(process.env);
    const connectwise = flags.extract
      ? ({
          site: flags['cw-site'] ?? env.site,
          codebase: env.codebase,
          companyId: flags['cw-company-id'] ?? env.companyId,
          publicKey: flags['cw-public-key'] ?? env.publicKey,
          privateKey: flags['cw-private-key'] ?? env.privateKey,
          clientId: flags['cw-client-id'] ?? env.clientId,
        } as ConnectWiseClientOptions)
      : undefined;
    const result = await stageMapping({
      conn: flags['target-org'].getConnection(flags['api-version']),
      connectwise,
      cwCompanyId: flags['cw-company-id'] ?? env.companyId,
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
