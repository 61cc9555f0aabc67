/* Writes a run's reports: the problem list as CSV, the decisions as CSV, the summary as Markdown and JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { MappingDecision } from '../mapping/decisions.js';
import { decisionsToCsv, type MappingTargets } from '../staging/mappingCsv.js';
import type { Problem, ProblemGroup } from './problems.js';
import type { ObjectSummary } from './summary.js';

export interface ReportFiles {
  folder: string;
  summaryMarkdown: string;
  summaryJson: string;
  problemsCsv: string;
  decisionsCsv: string;
}

export interface RunReport {
  runId: string;
  status: string;
  startedAt: string;
  finishedAt: string;
  objects: ObjectSummary[];
  problems: readonly Problem[];
  problemGroups: ProblemGroup[];
  decisions: MappingDecision[];
  /** What the org offers each decision, to name the targets in decisions.csv. */
  targets: MappingTargets;
}

const COLUMNS: Array<[keyof ObjectSummary, string]> = [
  ['object', 'Object'],
  ['read', 'Read'],
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['failed', 'Failed'],
  ['skipped', 'Skipped'],
  ['deleted', 'Deleted'],
  ['adjusted', 'Adjusted'],
  ['inOrg', 'In org'],
];

export function summaryTable(objects: ObjectSummary[]): string {
  const header = `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`;
  const rule = `| ${COLUMNS.map(([key]) => (key === 'object' ? '---' : '---:')).join(' | ')} |`;
  const rows = objects.map((o) => `| ${COLUMNS.map(([key]) => String(o[key])).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

function markdown(report: RunReport): string {
  const reasons = report.problemGroups.map((g) => `| ${g.outcome} | ${g.object} | ${g.field} | ${g.reason} | ${g.records} |`);
  return [
    `# cw-migrate run ${report.runId}`,
    '',
    `Status: **${report.status}**. Started ${report.startedAt}, finished ${report.finishedAt}.`,
    '',
    summaryTable(report.objects),
    '',
    '"In org" is counted in the org after the run. Every failed, skipped, adjusted or flagged record has a line in problems.csv.',
    '',
    '## Problems by kind',
    '',
    reasons.length ? '| Outcome | Object | Field | Reason | Records |\n| --- | --- | --- | --- | ---: |\n' + reasons.join('\n') : 'None.',
    '',
  ].join('\n');
}

export function writeReports(outputDir: string, report: RunReport): ReportFiles {
  const folder = join(outputDir, report.runId);
  mkdirSync(folder, { recursive: true });
  const files: ReportFiles = {
    folder,
    summaryMarkdown: join(folder, 'summary.md'),
    summaryJson: join(folder, 'summary.json'),
    problemsCsv: join(folder, 'problems.csv'),
    decisionsCsv: join(folder, 'decisions.csv'),
  };
  writeFileSync(files.summaryMarkdown, markdown(report));
  writeFileSync(files.summaryJson, JSON.stringify({ ...report, problems: undefined, targets: undefined, problemCount: report.problems.length }, null, 2));
  writeFileSync(
    files.problemsCsv,
    stringify(report.problems.map((p) => ({ ...p, field: p.field ?? '', action: p.action ?? '' })), {
      header: true,
      columns: ['outcome', 'sourceKind', 'sourceId', 'object', 'field', 'reason', 'action'],
    })
  );
  // The same file `sf cw migrate mapping export` writes, so it can be edited and imported again.
  writeFileSync(files.decisionsCsv, decisionsToCsv(report.decisions, report.targets));
  // Scripts find the newest run without listing folders.
  writeFileSync(join(outputDir, 'latest-run.txt'), `${report.runId}\n`);
  return files;
}
