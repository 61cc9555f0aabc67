import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';

const AWAITING = 'Awaiting Sign-off';
const SIGNED_OFF = 'Signed Off';

/**
 * Signs a sample run off: the full run starts only once an admin has checked
 * the sample's records and says so here (or with run --sign-off).
 */
export default class CwmSignOff extends LightningElement {
    @api recordId;
    @api status;
    saving = false;
    signed = false;
    errors;

    get awaiting() {
        return this.status === AWAITING && !this.signed;
    }

    get signedOff() {
        return this.status === SIGNED_OFF || this.signed;
    }

    async handleSignOff() {
        this.saving = true;
        this.errors = undefined;
        try {
            await updateRecord({
                fields: { Id: this.recordId, Status__c: SIGNED_OFF }
            });
            this.signed = true;
            this.dispatchEvent(new CustomEvent('signedoff'));
        } catch (error) {
            this.errors = error;
        }
        this.saving = false;
    }
}
