/*
 * verify must not give an all-clear for a work store no run has loaded from: extracted and staged,
 * but never migrated (or every run stopped before loading), there is nothing to compare.
 */
import { expect } from 'chai';
import { generateTenant } from '../../../test/cw-emulator/generator.js';
import { verifyMigration } from '../../src/verify/verify.js';
import { startInProcess, type InProcess } from '../pipeline/inProcess.js';

describe('verify on a work store without a finished run', () => {
  let p: InProcess;
  before(async () => {
    p = await startInProcess(generateTenant({ seed: 5, companies: 3 }));
  });
  after(async () => p?.close());

  it('refuses, naming the store and the way out, instead of reporting every record as matching', async () => {
    await p.stage();
    const error = await verifyMigration({ conn: p.conn, workDir: p.workDir, outputDir: p.workDir, progress: () => undefined }).then(
      () => undefined,
      (e: Error & { actions?: string[] }) => e
    );
    expect(error?.name).to.equal('NothingToVerify');
    expect(error?.message).to.contain('.cw-migrate');
    expect(error?.actions?.join(' ')).to.contain('sf cw migrate run');
  });
});
