/*
 * `npm run schemas`: writes plugin/schemas/<command id>.json, the JSON schema of each command's
 * --json result, from the result types the commands export. Commit them with the change that
 * made them differ; the unit tests fail until then.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generateSchemas, SCHEMA_DIR, staleSchemas } from './lib/jsonSchemas.js';
import { REPO_ROOT } from './lib/sfCli.js';

const generated = generateSchemas();
const stale = new Set(staleSchemas(generated));
mkdirSync(SCHEMA_DIR, { recursive: true });
for (const [file, text] of generated) {
  if (stale.has(file)) writeFileSync(file, text);
  process.stdout.write(`${stale.has(file) ? 'wrote    ' : 'unchanged'} ${relative(REPO_ROOT, file)}\n`);
}
