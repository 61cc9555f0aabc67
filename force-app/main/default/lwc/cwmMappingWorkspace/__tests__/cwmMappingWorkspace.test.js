import { createElement } from 'lwc';
import CwmMappingWorkspace from 'c/cwmMappingWorkspace';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { updateRecord } from 'lightning/uiRecordApi';

const WORKSPACE = require('./data/mappingWorkspace.json');
const OBJECT_INFOS = require('./data/objectInfos.json');
const ERRORS = require('./data/graphqlErrors.json');

const DECISIONS = WORKSPACE.uiapi.query.CWM_Mapping_Decision__c.edges.map((edge) => edge.node);
const nodeByKey = (key) => DECISIONS.find((node) => node.Decision_Key__c.value === key);

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
  const element = createElement('c-cwm-mapping-workspace', {
    is: CwmMappingWorkspace,
  });
  document.body.appendChild(element);
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const tablesOf = (element) => $$(element, 'c-cwm-decision-table');
const tableWithHeading = (element, heading) => tablesOf(element).find((table) => table.heading === heading);

describe('c-cwm-mapping-workspace', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner until the decisions arrive', () => {
    const element = mount();
    expect($(element, 'lightning-spinner')).not.toBeNull();
  });

  it('shows progress, one tab per kind and the decision tables', async () => {
    const element = mount();
    graphql.emit(WORKSPACE);
    await flushPromises();

    const header = $(element, 'c-cwm-progress-header');
    const required = DECISIONS.filter((n) => n.Required__c.value).length;
    expect(header.total).toBe(DECISIONS.length);
    expect(header.decided).toBe(0);
    expect(header.blocking).toBe(required);
    const tabs = $$(element, 'lightning-tab').map((tab) => tab.label);
    expect(tabs).toEqual([
      'Boards → Queues (3 open)',
      'Agreements and SLAs → Entitlement processes (2 open)',
      'Picklist values (11 open)',
      'Members → Users (2 open)',
      'Custom fields → Fields (1 open)',
    ]);
    const boards = tableWithHeading(element, 'Board → Case.OwnerId');
    expect(boards.rows.map((row) => row.label)).toEqual(['Help Desk', 'Alerts', 'Projects']);
  });

  it('saves a chosen queue with updateRecord and counts it decided', async () => {
    const element = mount();
    graphql.emit(WORKSPACE);
    await flushPromises();

    const alerts = nodeByKey('board:7');
    const boards = tableWithHeading(element, 'Board → Case.OwnerId');
    boards.dispatchEvent(
      new CustomEvent('choice', {
        detail: { id: alerts.Id, value: '00G5g000004QhDmEAK' },
      }),
    );
    await flushPromises();

    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: alerts.Id,
        Status__c: 'Confirmed',
        Confirmed_Target__c: '00G5g000004QhDmEAK',
        Confirmed_Label__c: 'Professional Services',
      },
    });
    expect($(element, 'c-cwm-progress-header').decided).toBe(1);
    expect($(element, '.cwm-save-message').textContent).toBe('1 decision saved.');
    const row = tableWithHeading(element, 'Board → Case.OwnerId').rows[1];
    expect(row.value).toBe('00G5g000004QhDmEAK');
  });

  it('saves a status value and refreshes the query', async () => {
    const element = mount();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(WORKSPACE, undefined, refresh);
    await flushPromises();

    const inProgress = nodeByKey('status:17');
    tableWithHeading(element, 'Status → Case.Status').dispatchEvent(
      new CustomEvent('choice', {
        detail: { id: inProgress.Id, value: 'Escalated' },
      }),
    );
    await flushPromises();

    expect(updateRecord.mock.calls[0][0].fields).toMatchObject({
      Status__c: 'Confirmed',
      Confirmed_Target__c: 'Escalated',
    });
    expect(refresh).toHaveBeenCalled();
  });

  it('accepts every proposal at or above the threshold', async () => {
    const element = mount();
    graphql.emit(WORKSPACE);
    await flushPromises();

    $(element, 'c-cwm-bulk-accept').dispatchEvent(new CustomEvent('accept', { detail: { threshold: 0.8 } }));
    await flushPromises();

    const eligible = DECISIONS.filter((n) => n.Proposed_Target__c.value && n.Confidence__c.value >= 0.8);
    expect(updateRecord).toHaveBeenCalledTimes(eligible.length);
    expect($(element, 'c-cwm-progress-header').decided).toBe(eligible.length);
    expect($(element, '.cwm-save-message').textContent).toBe(`${eligible.length} decisions accepted.`);
  });

  it('hides decided rows when only open decisions are asked for', async () => {
    const element = mount();
    graphql.emit(WORKSPACE);
    await flushPromises();
    $(element, 'c-cwm-bulk-accept').dispatchEvent(new CustomEvent('accept', { detail: { threshold: 0.8 } }));
    await flushPromises();

    const toggle = $(element, 'lightning-input');
    toggle.checked = true;
    toggle.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flushPromises();

    const boards = tableWithHeading(element, 'Board → Case.OwnerId');
    expect(boards.rows.map((row) => row.label)).toEqual(['Alerts', 'Projects']);
  });

  it('shows the save errors next to what was saved', async () => {
    updateRecord.mockRejectedValueOnce({
      body: { message: 'Record is locked by another user.' },
    });
    const element = mount();
    graphql.emit(WORKSPACE);
    await flushPromises();

    tableWithHeading(element, 'Board → Case.OwnerId').dispatchEvent(
      new CustomEvent('choice', {
        detail: { id: nodeByKey('board:4').Id, value: '__skip__' },
      }),
    );
    await flushPromises();

    const panel = $(element, 'c-cwm-error-panel');
    expect(panel.friendlyMessage).toBe('Some decisions were not saved.');
    expect(panel.errors[0].body.message).toBe('Record is locked by another user.');
    expect($(element, 'c-cwm-progress-header').decided).toBe(0);
  });

  it('offers the custom fields of the target object', async () => {
    const element = mount();
    graphql.emit(WORKSPACE);
    await flushPromises();
    getObjectInfos.emit(OBJECT_INFOS);
    await flushPromises();

    const fields = tableWithHeading(element, 'Custom Field → Case');
    // Fields the migration fills itself (CW_Board__c) are not offered, and fields are never created.
    expect(fields.rows[0].options.map((o) => o.value)).toEqual(['Case.Customer_PO__c', '__skip__']);
  });

  it('shows example records for the selected source value', async () => {
    const element = mount();
    graphql.emit(WORKSPACE);
    await flushPromises();

    tableWithHeading(element, 'Board → Case.OwnerId').dispatchEvent(
      new CustomEvent('select', { detail: { key: 'board:1' } }),
    );
    await flushPromises();

    const examples = $(element, 'c-cwm-example-records');
    expect(examples.decisionKey).toBe('board:1');
    expect(examples.sourceLabel).toBe('Help Desk');
  });

  it('says what to do when nothing is staged yet', async () => {
    const element = mount();
    graphql.emit({
      uiapi: {
        query: {
          CWM_Mapping_Decision__c: { edges: [] },
          CWM_Target_Option__c: { edges: [] },
        },
      },
    });
    await flushPromises();
    expect(element.shadowRoot.textContent).toContain('Run sf cw migrate stage');
  });

  it('shows the query errors in the error panel', async () => {
    const element = mount();
    graphql.emitErrors(ERRORS);
    await flushPromises();

    const panel = $(element, 'c-cwm-error-panel');
    expect(panel.errors).toEqual(ERRORS);
    expect($(element, 'c-cwm-progress-header')).toBeNull();
  });

  it('is accessible with decisions', async () => {
    const element = mount();
    graphql.emit(WORKSPACE);
    getObjectInfos.emit(OBJECT_INFOS);
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible with an error', async () => {
    const element = mount();
    graphql.emitErrors(ERRORS);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
