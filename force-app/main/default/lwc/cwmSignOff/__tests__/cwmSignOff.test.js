import { createElement } from 'lwc';
import CwmSignOff from 'c/cwmSignOff';
import { updateRecord } from 'lightning/uiRecordApi';

const RUN_ID = 'a045g0000000003AAA';
const LOCKED = { body: { message: 'Record is locked by another user.' } };

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(status) {
    const element = createElement('c-cwm-sign-off', { is: CwmSignOff });
    element.recordId = RUN_ID;
    element.status = status;
    document.body.appendChild(element);
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-cwm-sign-off', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers nothing for a run that is not a sample awaiting sign-off', () => {
        const element = mount('Completed');
        expect($(element, 'lightning-button')).toBeNull();
        expect(element.shadowRoot.textContent).toBe('');
    });

    it('signs the sample off on its run record and says what happens next', async () => {
        const element = mount('Awaiting Sign-off');
        const signed = jest.fn();
        element.addEventListener('signedoff', signed);
        $(element, 'lightning-button').click();
        await flushPromises();

        expect(updateRecord).toHaveBeenCalledWith({
            fields: { Id: RUN_ID, Status__c: 'Signed Off' }
        });
        expect(signed).toHaveBeenCalledTimes(1);
        expect($(element, 'lightning-button')).toBeNull();
        expect($(element, '.cwm-signed-off').textContent).toContain(
            'next sf cw migrate run loads everything'
        );
    });

    it('says a run is signed off when the record already says so', () => {
        const element = mount('Signed Off');
        expect($(element, '.cwm-signed-off')).not.toBeNull();
    });

    it('shows why a sign-off failed and lets the admin try again', async () => {
        updateRecord.mockRejectedValueOnce(LOCKED);
        const element = mount('Awaiting Sign-off');
        $(element, 'lightning-button').click();
        await flushPromises();

        expect($(element, 'c-cwm-error-panel').errors).toEqual(LOCKED);
        expect($(element, 'lightning-button').disabled).toBe(false);
    });

    it('is accessible while awaiting sign-off', async () => {
        const element = mount('Awaiting Sign-off');
        await expect(element).toBeAccessible();
    });

    it('is accessible with an error', async () => {
        updateRecord.mockRejectedValueOnce(LOCKED);
        const element = mount('Awaiting Sign-off');
        $(element, 'lightning-button').click();
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
