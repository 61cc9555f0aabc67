import { join, resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { listRuns } from '../../../pipeline/runJournals.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'status');

export type StatusRun = { runId: string; status: string; started: string; finished?: string; store: string };
export type CwMigrateStatusResult = { runs: StatusRun[] };

export default class CwMigrateStatus extends SfCommand<CwMigrateStatusResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    'work-dir': Flags.directory({ summary: messages.getMessage('flags.work-dir.summary'), default: '.' }),
  };

  public async run(): Promise<CwMigrateStatusResult> {
    const { flags } = await this.parse(CwMigrateStatus);
    const orgId = flags['target-org'].getOrgId();
    const runs = listRuns(flags['work-dir'], orgId).map(({ runId, status, started, finished, store }) => ({ runId, status, started, finished, store }));
    if (runs.length === 0) {
      this.log(messages.getMessage('info.NoRuns', [orgId, join(resolve(flags['work-dir']), '.cw-migrate')]));
    } else {
      this.table({
        data: runs.map((r) => ({ run: r.runId, status: r.status, started: r.started, finished: r.finished ?? '' })),
      });
    }
    return { runs };
  }
}
