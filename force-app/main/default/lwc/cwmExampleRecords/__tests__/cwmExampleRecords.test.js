import { createElement } from 'lwc';
import CwmExampleRecords from 'c/cwmExampleRecords';
import { graphql } from 'lightning/graphql';

const EXAMPLES = require('./data/stagedExamples.json');
const ERRORS = [{ message: 'Cannot query field "Decision_Keys__c"' }];

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(decisionKey = 'board:1') {
    const element = createElement('c-cwm-example-records', {
        is: CwmExampleRecords
    });
    element.decisionKey = decisionKey;
    element.sourceLabel = 'Help Desk';
    document.body.appendChild(element);
    return element;
}

const items = (element) =>
    [...element.shadowRoot.querySelectorAll('li')].map((li) => li.textContent);

describe('c-cwm-example-records', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('asks for records whose decision keys contain the key', async () => {
        mount('status:18');
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({
            pattern: '%status:18%'
        });
    });

    it('lists the staged records that use the value', async () => {
        const element = mount();
        graphql.emit(EXAMPLES);
        await flushPromises();

        const nodes = EXAMPLES.uiapi.query.CWM_Staged_Record__c.edges;
        expect(items(element)).toHaveLength(nodes.length);
        expect(items(element)[0]).toContain(
            nodes[0].node.Display_Name__c.value
        );
        expect(items(element)[0]).toContain(nodes[0].node.Staged_Key__c.value);
        expect(element.shadowRoot.querySelector('h3').textContent).toBe(
            'Records that use Help Desk'
        );
    });

    it('leaves out records where the key only matched as a prefix', async () => {
        const element = mount('board:1');
        const withBoard10 = JSON.parse(JSON.stringify(EXAMPLES));
        withBoard10.uiapi.query.CWM_Staged_Record__c.edges[0].node.Decision_Keys__c.value =
            'board:10;status:16';
        graphql.emit(withBoard10);
        await flushPromises();
        const nodes = EXAMPLES.uiapi.query.CWM_Staged_Record__c.edges;
        expect(items(element)).toHaveLength(nodes.length - 1);
    });

    it('says when no staged record uses the value', async () => {
        const element = mount('board:99');
        graphql.emit(EXAMPLES);
        await flushPromises();
        expect(element.shadowRoot.textContent).toContain(
            'No staged record uses this value'
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

    it('is accessible with records', async () => {
        const element = mount();
        graphql.emit(EXAMPLES);
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
