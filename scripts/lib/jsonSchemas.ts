/*
 * The --json contract of every command: a JSON schema of its result type, generated from the
 * TypeScript the command exports and kept in plugin/schemas/<command id>.json. Scripts that read
 * `--json` output can rely on these files; a unit test fails when a result type and its committed
 * schema drift apart (`npm run schemas` writes them again).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { REPO_ROOT } from './sfCli.js';

export const SCHEMA_DIR = join(REPO_ROOT, 'plugin', 'schemas');

/** Each command's id and the result type its file exports. */
export const COMMANDS: Array<{ id: string; file: string; type: string }> = [
  { id: 'cw migrate run', file: 'run.ts', type: 'CwMigrateRunResult' },
  // delta is the run command in delta mode: the same result.
  { id: 'cw migrate delta', file: 'run.ts', type: 'CwMigrateRunResult' },
  { id: 'cw migrate stage', file: 'stage.ts', type: 'CwMigrateStageResult' },
  { id: 'cw migrate verify', file: 'verify.ts', type: 'CwMigrateVerifyResult' },
  { id: 'cw migrate status', file: 'status.ts', type: 'CwMigrateStatusResult' },
  { id: 'cw migrate rollback', file: 'rollback.ts', type: 'CwMigrateRollbackResult' },
  { id: 'cw migrate mapping export', file: 'mapping/export.ts', type: 'CwMigrateMappingExportResult' },
  { id: 'cw migrate mapping import', file: 'mapping/import.ts', type: 'CwMigrateMappingImportResult' },
];

export const schemaFile = (id: string): string => join(SCHEMA_DIR, `${id.replace(/ /g, '-')}.json`);

/** The schema of every command's result, as the files should hold it. */
export function generateSchemas(): Map<string, string> {
  const generator = createGenerator({
    path: join(REPO_ROOT, 'plugin/src/commands/cw/migrate/**/*.ts'),
    tsconfig: join(REPO_ROOT, 'plugin/tsconfig.json'),
    skipTypeCheck: true,
    additionalProperties: false,
    jsDoc: 'extended',
  });
  const schemas = new Map<string, string>();
  for (const command of COMMANDS) {
    const schema = generator.createSchema(command.type);
    schemas.set(schemaFile(command.id), `${JSON.stringify(schema, null, 2)}\n`);
  }
  return schemas;
}

/** Committed schema files that differ from what the result types generate now. */
export function staleSchemas(generated = generateSchemas()): string[] {
  return [...generated].filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text).map(([file]) => file);
}
