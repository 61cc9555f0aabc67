import { createElement } from 'lwc';
import CwmRunFailures from 'c/cwmRunFailures';
import { graphql } from 'lightning/graphql';

const FAILURES = require('./data/failures.json');
const ERRORS = [{ message: 'Request timed out' }];
const NODES = FAILURES.uiapi.query.CWM_Staged_Record__c.edges.map(
    (e) => e.node
);
const RUN_ID = 'a045g0000000001AAA';

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
    const element = createElement('c-cwm-run-failures', { is: CwmRunFailures });
    element.runId = RUN_ID;
    document.body.appendChild(element);
    return element;
}

describe('c-cwm-run-failures', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('asks for the failed records of the run', async () => {
        mount();
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({ runId: RUN_ID });
    });

    it('lists each failed record with its reason', async () => {
        const element = mount();
        graphql.emit(FAILURES);
        await flushPromises();
        const table = element.shadowRoot.querySelector('lightning-datatable');
        expect(table.data).toEqual(
            NODES.map((node) => ({
                id: node.Id,
                key: node.Staged_Key__c.value,
                kind: node.Kind__c.value,
                name: node.Display_Name__c.value,
                error: node.Error__c.value
            }))
        );
    });

    it('says when no record failed', async () => {
        const element = mount();
        graphql.emit({
            uiapi: { query: { CWM_Staged_Record__c: { edges: [] } } }
        });
        await flushPromises();
        expect(element.shadowRoot.textContent).toContain(
            'No record failed in this run.'
        );
    });

    it('shows query errors', async () => {
        const element = mount();
        graphql.emitErrors(ERRORS);
        await flushPromises();
        expect(
            element.shadowRoot.querySelector('c-cwm-error-panel').errors
        ).toEqual(ERRORS);
    });

    it('is accessible with failures', async () => {
        const element = mount();
        graphql.emit(FAILURES);
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
