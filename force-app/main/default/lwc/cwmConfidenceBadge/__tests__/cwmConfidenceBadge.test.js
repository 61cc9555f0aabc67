import { createElement } from 'lwc';
import CwmConfidenceBadge from 'c/cwmConfidenceBadge';

function mount(value) {
    const element = createElement('c-cwm-confidence-badge', {
        is: CwmConfidenceBadge
    });
    element.value = value;
    document.body.appendChild(element);
    return element;
}

describe('c-cwm-confidence-badge', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it.each([
        [1, '100%', 'slds-theme_success'],
        [0.8, '80%', 'slds-theme_success'],
        [0.55, '55%', 'slds-theme_warning'],
        [0.4, '40%', 'slds-theme_error'],
        [0, '0%', 'slds-theme_error']
    ])('shows %p as %s with %s', (value, label, theme) => {
        const badge = mount(value).shadowRoot.querySelector('lightning-badge');
        expect(badge.label).toBe(label);
        expect(badge.className).toBe(theme);
        expect(badge.title).toContain(label);
    });

    it('says when there is no proposal', () => {
        const element = mount(null);
        expect(element.shadowRoot.querySelector('lightning-badge')).toBeNull();
        expect(element.shadowRoot.textContent).toBe('No proposal');
    });

    it('is accessible', async () => {
        await expect(mount(0.75)).toBeAccessible();
    });
});
