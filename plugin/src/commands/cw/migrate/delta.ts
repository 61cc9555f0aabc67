import { Messages } from '@salesforce/core';
import CwMigrateRun from './run.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'delta');

/** `sf cw migrate delta`: the run command for a tenant migrated before, at cut-over. */
export default class CwMigrateDelta extends CwMigrateRun {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  // A sample and its sign-off come before the full load; at cut-over there is nothing to sample.
  // The run command reads both as optional, so their absence here is safe behind the cast.
  public static readonly flags = Object.fromEntries(
    Object.entries(CwMigrateRun.flags).filter(([name]) => name !== 'sample' && name !== 'sign-off')
  ) as typeof CwMigrateRun.flags;

  protected deltaOnly = true;
}
