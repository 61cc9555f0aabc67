import { expect } from 'chai';
import type { MappingDecision } from '../../src/mapping/decisions.js';
import { decisionsToCsv, readDecisionsCsv, type MappingTargets } from '../../src/staging/mappingCsv.js';

/** Entitlement processes, custom fields and their picklist values, by hand. */
const targets: MappingTargets = {
  member: [],
  board: [],
  status: [],
  priority: [],
  sla: [
    { value: '552000000000001AAA', label: 'Standard Support' },
    { value: '552000000000002AAA', label: 'Premium 24x7 Support' },
  ],
  agreementType: [
    { value: '552000000000001AAA', label: 'Standard Support' },
    { value: '552000000000002AAA', label: 'Premium 24x7 Support' },
  ],
  customField: [
    { value: 'Case.Root_Cause__c', label: 'Root Cause', field: 'Case' },
    { value: 'Case.CW_Custom_Fields__c', label: 'ConnectWise Custom Fields', field: 'Case' },
    { value: 'Account.Region__c', label: 'Region', field: 'Account' },
  ],
  customFieldOption: [
    { value: 'Hardware', label: 'Hardware', field: 'Case.Root_Cause__c' },
    { value: 'North', label: 'North', field: 'Account.Region__c' },
  ],
};

const base = { recordCount: 2, confidence: 0.9, reason: 'Because.', status: 'Proposed' as const };
const decisions: MappingDecision[] = [
  { ...base, kind: 'sla', sourceKey: '3', sourceLabel: 'Best Effort', targetField: 'Entitlement.SlaProcessId' },
  {
    ...base,
    kind: 'customField',
    sourceKey: 'Case:48',
    sourceLabel: 'Root Cause',
    targetField: 'Case',
    proposedTarget: 'Case.Root_Cause__c',
  },
  {
    ...base,
    kind: 'customFieldOption',
    sourceKey: 'Case:48:HW',
    sourceLabel: 'HW',
    sourceContext: 'Root Cause',
    targetField: 'Case.Root_Cause__c',
  },
];

const csv = (...rows: string[]): string => ['Kind,Source Key,Status,Target', ...rows].join('\n');

describe('the mapping CSV for SLAs and custom fields', () => {
  it('takes an entitlement process by name, a field by API name and an option by value', () => {
    const { changed, badRows } = readDecisionsCsv(
      csv(
        'SLA,3,Confirmed,Premium 24x7 Support',
        'Custom Field,Case:48,Confirmed,Case.CW_Custom_Fields__c',
        'Custom Field Option,Case:48:HW,Confirmed,Hardware',
      ),
      decisions,
      targets,
    );
    expect(badRows).to.deep.equal([]);
    expect(changed.map((d) => [d.kind, d.status, d.confirmedTarget])).to.deep.equal([
      ['sla', 'Confirmed', '552000000000002AAA'],
      ['customField', 'Confirmed', 'Case.CW_Custom_Fields__c'],
      ['customFieldOption', 'Confirmed', 'Hardware'],
    ]);
  });

  it('refuses what the org cannot give: a new process, a field of another object, a value of another picklist', () => {
    const { changed, badRows } = readDecisionsCsv(
      csv(
        'SLA,3,Create,',
        'Custom Field,Case:48,Confirmed,Account.Region__c',
        'Custom Field Option,Case:48:HW,Confirmed,North',
      ),
      decisions,
      targets,
    );
    expect(changed).to.deep.equal([]);
    expect(badRows.map((b) => [b.line, b.reason])).to.deep.equal([
      [2, 'SLA decisions cannot be Create; they take Proposed, Confirmed, Skip.'],
      [3, 'Target "Account.Region__c" is not a custom field of the object (Object.Field__c or label) in the org.'],
      [4, 'Target "North" is not an active value of the option\'s picklist field in the org.'],
    ]);
  });

  it('lets an option load as it is (Create) and writes the kinds by their labels', () => {
    const { changed } = readDecisionsCsv(csv('Custom Field Option,Case:48:HW,Create,'), decisions, targets);
    expect(changed[0].status).to.equal('Create');
    const text = decisionsToCsv(decisions, targets);
    expect(text).to.contain('SLA,3,Best Effort');
    expect(text).to.contain('Custom Field Option,Case:48:HW,HW,Root Cause');
  });
});
