import {
  CREATE,
  SKIP,
  acceptProposals,
  buildTabs,
  choiceValue,
  choicesFor,
  choose,
  fieldTargetObjects,
  progress,
  toDecisions,
  toFieldOptions,
  toOptions,
} from 'c/cwmDecisionModel';

const WORKSPACE = require('./data/mappingWorkspace.json');
const OBJECT_INFOS = require('./data/objectInfos.json');

const decisions = toDecisions(WORKSPACE);
const options = toOptions(WORKSPACE);
const byKey = (key) => decisions.find((d) => d.key === key);

describe('c-cwm-decision-model', () => {
  it('flattens the GraphQL decisions and options', () => {
    const nodes = WORKSPACE.uiapi.query.CWM_Mapping_Decision__c.edges;
    expect(decisions).toHaveLength(nodes.length);
    expect(byKey('board:1')).toMatchObject({
      kind: 'Board',
      label: 'Help Desk',
      count: 1240,
      proposedLabel: 'Help Desk',
      confidence: 1,
      status: 'Proposed',
      required: true,
    });
    expect(byKey('custom-field:9').required).toBe(false);
    expect(options.find((o) => o.value === 'Closed').closed).toBe(true);
  });

  it('counts decided and blocking decisions', () => {
    const required = decisions.filter((d) => d.required).length;
    expect(progress(decisions)).toEqual({
      total: decisions.length,
      decided: 0,
      blocking: required,
    });
    const oneDecided = decisions.map((d, i) => (i === 0 ? { ...d, status: 'Confirmed' } : d));
    expect(progress(oneDecided)).toMatchObject({
      decided: 1,
      blocking: required - 1,
    });
  });

  it('offers queues for a board, with create and skip', () => {
    const labels = choicesFor(byKey('board:4'), options).map((c) => c.label);
    expect(labels).toEqual(['Help Desk', 'Monitoring Alerts', 'Professional Services', 'Create new', 'Skip']);
  });

  it('offers the values of the target field for a status, never skip or create', () => {
    const choices = choicesFor(byKey('status:20'), options);
    expect(choices.map((c) => c.value)).toEqual(['New', 'Working', 'Escalated', 'Waiting on Customer', 'Closed']);
    expect(choices[4].label).toBe('Closed (closed)');
  });

  it('offers users for a member and never creates one', () => {
    const values = choicesFor(byKey('member:amiller'), options).map((c) => c.value);
    expect(values).toContain('0055g00000C1xYzAAB');
    expect(values).toContain(SKIP);
    expect(values).not.toContain(CREATE);
  });

  it('offers entitlement processes for an SLA, with skip but never create', () => {
    const choices = choicesFor(byKey('sla:2'), options);
    expect(choices.map((c) => c.value)).toEqual(['5525g000000CaAbAAK', '5525g000000CaAcAAK', SKIP]);
  });

  it('offers to load a custom-field option as it is', () => {
    const choices = choicesFor(byKey('custom-field-option:9:2'), options);
    expect(choices.map((c) => c.value)).toEqual(['Gold', 'Silver', CREATE, SKIP]);
    expect(choices[2].label).toBe('Load the ConnectWise value as it is');
  });

  it('offers the custom fields of the target object', () => {
    const fieldOptions = toFieldOptions(OBJECT_INFOS);
    expect(fieldTargetObjects(decisions)).toEqual(['Case']);
    const choices = choicesFor(byKey('custom-field:9'), fieldOptions);
    expect(choices[0]).toEqual({
      label: 'Customer PO (Customer_PO__c)',
      value: 'Case.Customer_PO__c',
    });
    expect(choices.map((c) => c.value)).not.toContain('Case.Subject');
  });

  it('turns a chosen queue into a confirmed decision', () => {
    const save = choose(byKey('board:7'), '00G5g000004QhDmEAK', options);
    expect(save.record).toEqual({
      fields: {
        Id: byKey('board:7').id,
        Status__c: 'Confirmed',
        Confirmed_Target__c: '00G5g000004QhDmEAK',
        Confirmed_Label__c: 'Professional Services',
      },
    });
    expect(choiceValue({ ...byKey('board:7'), ...save.change })).toBe('00G5g000004QhDmEAK');
  });

  it('saves the plain label of a closed status', () => {
    const save = choose(byKey('status:20'), 'Closed', options);
    expect(save.record.fields.Confirmed_Label__c).toBe('Closed');
  });

  it('turns create and skip into their statuses', () => {
    const board = byKey('board:4');
    expect(choose(board, CREATE, options).record.fields).toMatchObject({
      Status__c: 'Create',
      Confirmed_Target__c: null,
      Confirmed_Label__c: 'Projects',
    });
    const skipped = choose(board, SKIP, options);
    expect(skipped.record.fields.Status__c).toBe('Skip');
    expect(choiceValue({ ...board, ...skipped.change })).toBe(SKIP);
    expect(choiceValue(board)).toBe('');
  });

  it('accepts open proposals at or above the threshold only', () => {
    const saves = acceptProposals(decisions, 0.8);
    const byId = (id) => decisions.find((d) => d.id === id);
    const keys = saves.map((s) => byId(s.record.fields.Id).key).sort();
    expect(keys).toEqual([
      'board:1',
      'custom-field-option:9:2',
      'member:jsmith',
      'status:16',
      'status:18',
      'status:20',
      'status:35',
    ]);
    const first = byId(saves[0].record.fields.Id);
    expect(saves[0].record.fields).toMatchObject({
      Status__c: 'Confirmed',
      Confirmed_Target__c: first.proposedTarget,
      Confirmed_Label__c: first.proposedLabel,
    });
    const decided = decisions.map((d) => ({ ...d, status: 'Skip' }));
    expect(acceptProposals(decided, 0)).toEqual([]);
  });

  it('accepts a proposal without a target as create, or as skip where nothing can be created', () => {
    const sure = (key) => ({ ...byKey(key), confidence: 0.9 });
    const saves = acceptProposals([sure('board:4'), sure('agreement-type:5'), sure('custom-field:9')], 0.8);
    expect(saves.map((s) => s.record.fields.Status__c)).toEqual(['Create', 'Skip', 'Skip']);
    expect(saves[0].record.fields.Confirmed_Label__c).toBe(byKey('board:4').label);
  });

  it('builds one tab per kind, picklists grouped by target field', () => {
    const tabs = buildTabs(decisions, options, false);
    expect(tabs.map((t) => t.name)).toEqual(['boards', 'entitlements', 'picklists', 'members', 'fields']);
    expect(tabs[0].label).toBe('Boards → Queues (3 open)');
    const picklists = tabs[2].groups.map((g) => g.heading);
    expect(picklists).toEqual([
      'Status → Case.Status',
      'Priority → Case.Priority',
      'Type → Case.Type',
      'Custom Field Option → Account.Service_Tier__c',
    ]);
    const statusRows = tabs[2].groups[0].rows;
    expect(statusRows[0].context).toBe('Alerts');
    expect(statusRows[0].rowClass).toBe('cwm-blocking');
  });

  it('leaves decided rows out when only open ones are asked for', () => {
    const decided = decisions.map((d) => (d.kind === 'Board' ? { ...d, status: 'Confirmed' } : d));
    const [boards] = buildTabs(decided, options, true);
    expect(boards.isEmpty).toBe(true);
    expect(boards.label).toBe('Boards → Queues (0 open)');
  });
});
