/**
 * Builds the browser preview of the in-org screens: the LWC bundles of force-app with Salesforce's published base
 * components, the wire adapters swapped for REST-backed stubs (stubs/), into one IIFE file in preview/dist/.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin } from 'rollup';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const LWC_DIR = join(ROOT, 'force-app/main/default/lwc');
export const DIST = join(HERE, 'dist');
const BUNDLE = join(DIST, 'bundle.js');
const require = createRequire(import.meta.url);

type ModuleRecord = { name?: string; path?: string; dir?: string };

/** One record per sfdx bundle folder: `c/<name>` has no namespace folder to resolve through. */
function componentModules(): ModuleRecord[] {
  return readdirSync(LWC_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: `c/${entry.name}`, path: join(LWC_DIR, entry.name, `${entry.name}.js`) }));
}

/** The base components' own module records, re-rooted to absolute paths (the package has no "expose" list). */
function baseComponentModules(): ModuleRecord[] {
  const packageFile = require.resolve('lightning-base-components/package.json');
  const packageDir = dirname(packageFile);
  const { lwc: config } = JSON.parse(readFileSync(packageFile, 'utf8')) as { lwc: { modules: ModuleRecord[] } };
  return config.modules.map((record) =>
    record.dir
      ? { dir: join(packageDir, record.dir) }
      : { name: record.name, path: join(packageDir, record.path ?? '') },
  );
}

const STUBS: Record<string, string> = {
  'lightning/graphql': join(HERE, 'stubs/graphql.js'),
  'lightning/uiRecordApi': join(HERE, 'stubs/uiRecordApi.js'),
  'lightning/uiObjectInfoApi': join(HERE, 'stubs/uiObjectInfoApi.js'),
};
const SCHEMA = '@salesforce/schema/';
// The stubs parse queries with graphql-js; its production ES build resolves by relative paths from here.
const GRAPHQL = join(dirname(require.resolve('graphql')), 'index.mjs');

/** Resolves the platform modules the org provides: wire adapters to stubs, schema imports to { objectApiName, fieldApiName }. */
function platformStubs(): Plugin {
  return {
    name: 'cw-migrate-platform-stubs',
    resolveId(source) {
      if (STUBS[source]) return STUBS[source];
      if (source === 'graphql') return GRAPHQL;
      return source.startsWith(SCHEMA) ? `\0${source}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${SCHEMA}`)) return null;
      const [objectApiName, fieldApiName] = id.slice(SCHEMA.length + 1).split('.');
      const value = fieldApiName ? { objectApiName, fieldApiName } : { objectApiName };
      return `export default ${JSON.stringify(value)};`;
    },
  };
}

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

/** True when the bundle is newer than every component, stub and page source. */
export function isBuildFresh(): boolean {
  if (!existsSync(BUNDLE)) return false;
  const sources = [LWC_DIR, join(HERE, 'stubs'), join(HERE, 'src'), join(HERE, 'public')];
  return (
    statSync(BUNDLE).mtimeMs > Math.max(...sources.map(newestSource), statSync(fileURLToPath(import.meta.url)).mtimeMs)
  );
}

/** Builds preview/dist (bundle.js and index.html) and returns how long it took, in ms. */
export async function buildPreview(): Promise<number> {
  const started = Date.now();
  const bundle = await rollup({
    input: join(HERE, 'src/main.js'),
    plugins: [
      platformStubs(),
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' },
      }),
      lwc({
        enableDynamicComponents: true,
        modules: [
          ...componentModules(),
          // Open, this gate makes the combobox call attachInternals, which synthetic shadow refuses.
          {
            name: '@salesforce/gate/bc.260.enableComboboxElementInternals',
            path: join(HERE, 'stubs/closedGate.js'),
          },
          ...baseComponentModules(),
        ],
      }),
    ],
    onwarn(warning, warn) {
      // The base components' own templates raise these template warnings; they are theirs and harmless.
      if (/LWC1057|LWC1137|LWC1145|LWC1149/.test(warning.message)) return;
      warn(warning);
    },
  });
  mkdirSync(DIST, { recursive: true });
  await bundle.write({ file: BUNDLE, format: 'iife', inlineDynamicImports: true });
  await bundle.close();
  copyFileSync(join(HERE, 'public/index.html'), join(DIST, 'index.html'));
  return Date.now() - started;
}

/** Builds only when a source changed since the last build; returns the build time in ms (0 when fresh). */
export async function ensureBuilt(): Promise<number> {
  return isBuildFresh() ? 0 : buildPreview();
}
