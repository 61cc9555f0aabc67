import { createElement } from 'lwc';
import CwmProgressHeader from 'c/cwmProgressHeader';

function mount(props) {
    const element = createElement('c-cwm-progress-header', {
        is: CwmProgressHeader
    });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-cwm-progress-header', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('says how many are decided and how many block the load', () => {
        const element = mount({ decided: 7, total: 19, blocking: 9 });
        const [summary, note] = element.shadowRoot.querySelectorAll('p');
        expect(summary.textContent).toBe('7 of 19 decided, 9 blocking');
        expect(note.textContent).toContain('Records cannot load');
        const bar = element.shadowRoot.querySelector('lightning-progress-bar');
        expect(bar.value).toBe(37);
    });

    it('says nothing blocks once every required decision is made', () => {
        const element = mount({ decided: 19, total: 19, blocking: 0 });
        expect(element.shadowRoot.textContent).toContain(
            'Nothing blocks the load.'
        );
        expect(
            element.shadowRoot.querySelector('lightning-progress-bar').value
        ).toBe(100);
    });

    it('shows an empty bar with no decisions', () => {
        const element = mount({});
        expect(
            element.shadowRoot.querySelector('lightning-progress-bar').value
        ).toBe(0);
    });

    it('is accessible', async () => {
        await expect(
            mount({ decided: 1, total: 2, blocking: 1 })
        ).toBeAccessible();
    });
});
