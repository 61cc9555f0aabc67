import { createElement } from 'lwc';
import CwmDecisionTable from 'c/cwmDecisionTable';

const ROWS = require('./data/boardRows.json');

function mount() {
    const element = createElement('c-cwm-decision-table', {
        is: CwmDecisionTable
    });
    element.heading = 'Board → Case.OwnerId';
    element.rows = ROWS;
    document.body.appendChild(element);
    return element;
}

const bodyRows = (element) => [
    ...element.shadowRoot.querySelectorAll('tbody tr')
];

describe('c-cwm-decision-table', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows source value, context, count, proposal and reason per row', () => {
        const element = mount();
        const cells = bodyRows(element).map((tr) =>
            [...tr.children].slice(0, 6).map((cell) => cell.textContent)
        );
        expect(cells[1]).toEqual([
            'Alerts',
            '—',
            '412',
            'Monitoring Alerts',
            '',
            'Closest queue name'
        ]);
        const badge = bodyRows(element)[1].querySelector(
            'c-cwm-confidence-badge'
        );
        expect(badge.value).toBe(0.55);
        expect(bodyRows(element)[1].className).toBe('cwm-blocking');
    });

    it('offers the choices with the current one selected', () => {
        const boxes = [
            ...mount().shadowRoot.querySelectorAll('lightning-combobox')
        ];
        expect(boxes.map((box) => box.value)).toEqual(
            ROWS.map((row) => row.value)
        );
        expect(boxes[0].options).toEqual(ROWS[0].options);
        expect(boxes[2].label).toBe('Target for Projects');
    });

    it('reports a choice with the decision id', () => {
        const element = mount();
        const handler = jest.fn();
        element.addEventListener('choice', handler);
        const box =
            element.shadowRoot.querySelectorAll('lightning-combobox')[1];
        box.dispatchEvent(
            new CustomEvent('change', { detail: { value: '__skip__' } })
        );
        expect(handler.mock.calls[0][0].detail).toEqual({
            id: ROWS[1].id,
            value: '__skip__'
        });
    });

    it('asks for the records that use a source value', () => {
        const element = mount();
        const handler = jest.fn();
        element.addEventListener('select', handler);
        element.shadowRoot.querySelectorAll('lightning-button-icon')[2].click();
        expect(handler.mock.calls[0][0].detail).toEqual({ key: 'board:4' });
    });

    it('is accessible', async () => {
        await expect(mount()).toBeAccessible();
    });
});
