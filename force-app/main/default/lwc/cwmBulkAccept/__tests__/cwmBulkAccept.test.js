import { createElement } from 'lwc';
import CwmBulkAccept from 'c/cwmBulkAccept';

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
    const element = createElement('c-cwm-bulk-accept', { is: CwmBulkAccept });
    document.body.appendChild(element);
    return element;
}

function typePercent(element, value) {
    const input = element.shadowRoot.querySelector('lightning-input');
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-cwm-bulk-accept', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('accepts at 80% unless told otherwise', () => {
        const element = mount();
        const handler = jest.fn();
        element.addEventListener('accept', handler);
        element.shadowRoot.querySelector('lightning-button').click();
        expect(handler.mock.calls[0][0].detail).toEqual({ threshold: 0.8 });
    });

    it('sends the typed percentage as a fraction', async () => {
        const element = mount();
        const handler = jest.fn();
        element.addEventListener('accept', handler);
        typePercent(element, '65');
        await flushPromises();
        element.shadowRoot.querySelector('lightning-button').click();
        expect(handler.mock.calls[0][0].detail.threshold).toBeCloseTo(0.65);
    });

    it('will not accept outside 0 to 100%', async () => {
        const element = mount();
        typePercent(element, '120');
        await flushPromises();
        expect(
            element.shadowRoot.querySelector('lightning-button').disabled
        ).toBe(true);
    });

    it('is disabled while the workspace saves', async () => {
        const element = mount();
        element.disabled = true;
        await flushPromises();
        expect(
            element.shadowRoot.querySelector('lightning-button').disabled
        ).toBe(true);
    });

    it('is accessible', async () => {
        await expect(mount()).toBeAccessible();
    });
});
