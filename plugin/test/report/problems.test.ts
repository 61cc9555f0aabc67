import { expect } from 'chai';
import { groupProblems, type Problem } from '../../src/report/problems.js';

const failed = (sourceId: number, reason: string): Problem => ({ outcome: 'failed', sourceKind: 'ticket', sourceId, object: 'Case', field: 'OwnerId', reason });

describe('groupProblems', () => {
  it('groups lines that differ only in numbers and quoted values', () => {
    const groups = groupProblems([
      failed(1, 'Value of 300 characters is longer than Subject allows (255); kept whole in "Description".'),
      failed(2, 'Value of 412 characters is longer than Subject allows (255); kept whole in "Description".'),
    ]);
    expect(groups).to.have.length(1);
    expect(groups[0]).to.include({ records: 2, reason: 'Value of N characters is longer than Subject allows (N); kept whole in "…".' });
  });

  it('folds Salesforce ids whole, so the reason still reads as an id', () => {
    const [group] = groupProblems([
      failed(1, 'FIELD_INTEGRITY_EXCEPTION: Owner ID: id value of incorrect type: 00GEm0000000004MAA'),
      failed(2, 'FIELD_INTEGRITY_EXCEPTION: Owner ID: id value of incorrect type: 00GEm0000000007MAA'),
    ]);
    expect(group).to.include({ records: 2, reason: 'FIELD_INTEGRITY_EXCEPTION: Owner ID: id value of incorrect type: <id>' });
  });
});
