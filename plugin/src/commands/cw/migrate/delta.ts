import { Messages } from '@salesforce/core';
import CwMigrateRun from './run.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'delta');

/** `sf cw migrate delta`: the run command for a tenant migrated before, at cut-over. */
export default class CwMigrateDelta extends CwMigrateRun {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  protected deltaOnly = true;
}
