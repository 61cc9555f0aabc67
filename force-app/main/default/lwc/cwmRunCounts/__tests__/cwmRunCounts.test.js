import { createElement } from 'lwc';
import CwmRunCounts from 'c/cwmRunCounts';

const COUNTS = require('./data/counts.json');

function mount(counts) {
    const element = createElement('c-cwm-run-counts', { is: CwmRunCounts });
    element.counts = counts;
    document.body.appendChild(element);
    return element;
}

describe('c-cwm-run-counts', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows one row per object with every count', () => {
        const element = mount(JSON.stringify(COUNTS));
        const table = element.shadowRoot.querySelector('lightning-datatable');
        expect(table.data).toEqual(COUNTS);
        expect(table.columns.map((c) => c.fieldName)).toEqual([
            'object',
            'read',
            'created',
            'updated',
            'unchanged',
            'failed',
            'skipped',
            'deleted',
            'adjusted',
            'inOrg'
        ]);
    });

    it('says when nothing was counted yet', () => {
        const element = mount('[]');
        expect(element.shadowRoot.textContent).toContain(
            'No records counted yet.'
        );
        expect(mount(null).shadowRoot.textContent).toContain(
            'No records counted yet.'
        );
    });

    it('shows an error when the counts are not a JSON list', () => {
        const broken = mount('{"object": "Case"');
        const panel = broken.shadowRoot.querySelector('c-cwm-error-panel');
        expect(panel.friendlyMessage).toBe(
            'The counts of this run could not be read.'
        );
        const notList = mount('{"object": "Case"}');
        expect(
            notList.shadowRoot.querySelector('c-cwm-error-panel').errors
        ).toBe('not a list');
    });

    it('is accessible with counts', async () => {
        await expect(mount(JSON.stringify(COUNTS))).toBeAccessible();
    });

    it('is accessible with an error', async () => {
        await expect(mount('not json')).toBeAccessible();
    });
});
