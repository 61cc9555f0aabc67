import { createElement } from 'lwc';
import CwmRunMonitor from 'c/cwmRunMonitor';
import { graphql } from 'lightning/graphql';

const RUNS = require('./data/runs.json');
const ERRORS = [
    { message: "Field 'CWM_Run__c' in type 'RecordQuery' is undefined" }
];
const NODES = RUNS.uiapi.query.CWM_Run__c.edges.map((edge) => edge.node);

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
    const element = createElement('c-cwm-run-monitor', { is: CwmRunMonitor });
    document.body.appendChild(element);
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

// Child components with their own GraphQL wires announce themselves with an
// empty answer; this sends the runs to the monitor's wire only.
const emitRuns = (data, refresh) =>
    graphql.emit(data, (config) => !config.variables, refresh);

describe('c-cwm-run-monitor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('lists the runs and opens the latest', async () => {
        const element = mount();
        emitRuns(RUNS);
        await flushPromises();

        const table = $(element, 'lightning-datatable');
        expect(table.data.map((run) => run.runId)).toEqual(
            NODES.map((node) => node.Run_Id__c.value)
        );
        expect(table.data[0]).toMatchObject({
            status: 'Completed With Failures',
            phase: 'verify',
            failures: 2
        });
        expect(table.selectedRows).toEqual([NODES[0].Id]);
        expect($(element, 'h2').textContent).toBe(
            `Run ${NODES[0].Run_Id__c.value}: Completed With Failures`
        );
        expect($(element, 'c-cwm-run-counts').counts).toBe(
            NODES[0].Counts__c.value
        );
        expect($(element, 'c-cwm-run-failures').runId).toBe(NODES[0].Id);
    });

    it('opens the run the admin selects', async () => {
        const element = mount();
        emitRuns(RUNS);
        await flushPromises();

        const table = $(element, 'lightning-datatable');
        table.dispatchEvent(
            new CustomEvent('rowselection', {
                detail: { selectedRows: [table.data[1]] }
            })
        );
        await flushPromises();

        expect($(element, 'c-cwm-run-failures').runId).toBe(NODES[1].Id);
        expect($(element, 'h2').textContent).toContain('Awaiting Decisions');
    });

    it('offers sign-off on a sample awaiting it, and reads the runs again once signed', async () => {
        const refresh = jest.fn();
        const awaiting = NODES.findIndex(
            (node) => node.Status__c.value === 'Awaiting Sign-off'
        );
        const element = mount();
        emitRuns(RUNS, refresh);
        await flushPromises();
        const table = $(element, 'lightning-datatable');
        table.dispatchEvent(
            new CustomEvent('rowselection', {
                detail: { selectedRows: [table.data[awaiting]] }
            })
        );
        await flushPromises();

        const signOff = $(element, 'c-cwm-sign-off');
        expect(signOff.recordId).toBe(NODES[awaiting].Id);
        expect(signOff.status).toBe('Awaiting Sign-off');
        signOff.dispatchEvent(new CustomEvent('signedoff'));
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('says when there is no run yet', async () => {
        const element = mount();
        emitRuns({ uiapi: { query: { CWM_Run__c: { edges: [] } } } });
        await flushPromises();
        expect(element.shadowRoot.textContent).toContain('No runs yet.');
    });

    it('shows query errors', async () => {
        const element = mount();
        graphql.emitErrors(ERRORS);
        await flushPromises();
        expect($(element, 'c-cwm-error-panel').errors).toEqual(ERRORS);
        expect($(element, 'lightning-datatable')).toBeNull();
    });

    it('is accessible with runs', async () => {
        const element = mount();
        emitRuns(RUNS);
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
