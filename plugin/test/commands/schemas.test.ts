/*
 * The --json contract: every command has a committed JSON schema of its result, and the schema
 * still describes the result type the command returns. A change to a result shape shows as a diff
 * of plugin/schemas/ in review (`npm run schemas` writes it).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { COMMANDS, staleSchemas } from '../../../scripts/lib/jsonSchemas.js';
import { REPO_ROOT } from '../../../scripts/lib/sfCli.js';

const COMMAND_DIR = join(REPO_ROOT, 'plugin/src/commands');

describe('the --json result of every command', () => {
  it('has a schema entry for every command file', () => {
    const ids = (readdirSync(COMMAND_DIR, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, '').split(/[\\/]/).join(' '))
      .sort();
    expect(COMMANDS.map((c) => c.id).sort()).to.deep.equal(ids);
  });

  it('matches the schemas committed in plugin/schemas (npm run schemas writes them again)', function () {
    // Generating reads the whole program with the TypeScript compiler.
    this.timeout(120_000);
    expect(staleSchemas().map((file) => relative(REPO_ROOT, file))).to.deep.equal([]);
  });
});
