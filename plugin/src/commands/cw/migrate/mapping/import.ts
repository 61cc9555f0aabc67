import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { importMapping, type MappingImportResult } from '../../../../staging/mappingFile.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'mapping.import');

export type CwMigrateMappingImportResult = MappingImportResult;

export default class CwMigrateMappingImport extends SfCommand<CwMigrateMappingImportResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    file: Flags.file({ summary: messages.getMessage('flags.file.summary'), char: 'f', required: true, exists: true }),
    'work-dir': Flags.directory({ summary: messages.getMessage('flags.work-dir.summary'), default: '.' }),
    'cw-company-id': Flags.string({
      summary: messages.getMessage('flags.cw-company-id.summary'),
      env: 'CW_COMPANY_ID',
    }),
    'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary') }),
  };

  public async run(): Promise<CwMigrateMappingImportResult> {
    const { flags } = await this.parse(CwMigrateMappingImport);
    const result = await importMapping({
      conn: flags['target-org'].getConnection(flags['api-version']),
      workDir: flags['work-dir'],
      cwCompanyId: flags['cw-company-id'],
      file: flags.file,
      dryRun: flags['dry-run'],
    });
    if (flags['dry-run']) {
      this.log(messages.getMessage('info.DryRun', [result.rows, result.changed, result.unchanged]));
    } else if (result.changed === 0) {
      this.log(messages.getMessage('info.NothingChanged', [result.rows]));
    } else {
      this.log(
        messages.getMessage('info.Imported', [
          result.rows,
          result.changed,
          result.unchanged,
          result.savedTo.join(' and '),
        ]),
      );
    }
    return result;
  }
}
