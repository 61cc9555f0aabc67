import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { exportMapping, type MappingExportResult } from '../../../../staging/mappingFile.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'mapping.export');

export type CwMigrateMappingExportResult = MappingExportResult;

export default class CwMigrateMappingExport extends SfCommand<CwMigrateMappingExportResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    file: Flags.file({ summary: messages.getMessage('flags.file.summary'), char: 'f', required: true }),
    'work-dir': Flags.directory({ summary: messages.getMessage('flags.work-dir.summary'), default: '.' }),
    'cw-company-id': Flags.string({
      summary: messages.getMessage('flags.cw-company-id.summary'),
      env: 'CW_COMPANY_ID',
    }),
  };

  public async run(): Promise<CwMigrateMappingExportResult> {
    const { flags } = await this.parse(CwMigrateMappingExport);
    const result = await exportMapping({
      conn: flags['target-org'].getConnection(flags['api-version']),
      workDir: flags['work-dir'],
      cwCompanyId: flags['cw-company-id'],
      file: flags.file,
    });
    this.log(
      messages.getMessage('info.Exported', [
        result.decisions,
        result.openDecisions,
        result.readFrom.join(' and '),
        result.file,
      ]),
    );
    return result;
  }
}
