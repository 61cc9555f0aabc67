import { createElement } from 'lwc';
import CwmErrorPanel from 'c/cwmErrorPanel';

function mount(props) {
    const element = createElement('c-cwm-error-panel', { is: CwmErrorPanel });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-cwm-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the friendly message and every reduced message', () => {
        const element = mount({
            friendlyMessage: 'The runs could not be read.',
            errors: [
                { body: { message: 'Session expired' } },
                { message: 'Bad query' }
            ]
        });
        const text = element.shadowRoot.querySelector('p').textContent;
        const items = [...element.shadowRoot.querySelectorAll('li')];
        expect(text).toBe('The runs could not be read.');
        expect(items.map((li) => li.textContent)).toEqual([
            'Session expired',
            'Bad query'
        ]);
    });

    it('has a default message and announces itself as an alert', () => {
        const element = mount({ errors: 'Offline' });
        const alert = element.shadowRoot.querySelector('[role="alert"]');
        expect(alert.textContent).toContain('Something went wrong.');
        expect(alert.textContent).toContain('Offline');
    });

    it('is accessible', async () => {
        const element = mount({
            errors: [{ body: { message: 'Session expired' } }]
        });
        await expect(element).toBeAccessible();
    });
});
