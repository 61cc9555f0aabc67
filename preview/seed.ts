/** Seeds the demo mapping surface (demo-data.ts) into an org emulator. */
import { mappingDecisions, runs, stagedRecords, targetOptions } from './demo-data.js';

type Seedable = { seed(sobject: string, rows: Array<Record<string, unknown>>): string[] };

export function seedDemo(org: Seedable): { decisions: number; options: number; staged: number; runs: number } {
  org.seed('CWM_Target_Option__c', targetOptions);
  org.seed('CWM_Mapping_Decision__c', mappingDecisions);
  const [latestRun] = org.seed('CWM_Run__c', runs);
  org.seed(
    'CWM_Staged_Record__c',
    stagedRecords.map((row) => ({ ...row, Run__c: latestRun })),
  );
  return {
    decisions: mappingDecisions.length,
    options: targetOptions.length,
    staged: stagedRecords.length,
    runs: runs.length,
  };
}
