import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { AnyJson } from '@salesforce/ts-types';
import { verifyMigration, type VerifyResult } from '../../../verify/verify.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'verify');

export type CwMigrateVerifyResult = VerifyResult;

export default class CwMigrateVerify extends SfCommand<CwMigrateVerifyResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    'work-dir': Flags.directory({ summary: messages.getMessage('flags.work-dir.summary'), default: '.' }),
    'output-dir': Flags.directory({ summary: messages.getMessage('flags.output-dir.summary'), default: 'cw-migrate-output' }),
  };

  public async run(): Promise<CwMigrateVerifyResult> {
    const { flags } = await this.parse(CwMigrateVerify);
    const result = await verifyMigration({
      conn: flags['target-org'].getConnection(flags['api-version']),
      workDir: flags['work-dir'],
      outputDir: flags['output-dir'],
      progress: (phase) => {
        if (!this.jsonEnabled()) this.logToStderr(`  ${phase}`);
      },
    });
    this.table({ data: result.objects.map((o) => ({ ...o })) });
    if (result.differenceCount > 0) {
      for (const d of result.differences.slice(0, 10)) {
        this.log(`  ${d.object} ${d.sourceKind} ${d.sourceId} (${d.salesforceId || 'no record'}) ${d.field}: expected "${d.expected}", found "${d.actual}"`);
      }
      const error = messages.createError('error.Differences', [result.differenceCount, result.reportFolder]);
      error.setData(result as unknown as AnyJson);
      throw error;
    }
    this.log(messages.getMessage('info.AllMatch', [result.reportFolder]));
    return result;
  }
}
