import { LightningElement, api } from 'lwc';

/** Accepts every open proposal at or above a confidence, in percent. */
export default class CwmBulkAccept extends LightningElement {
    @api disabled = false;
    percent = 80;

    handlePercent(event) {
        this.percent = Number(event.detail.value);
    }

    get invalid() {
        return !(this.percent >= 0 && this.percent <= 100);
    }

    get buttonDisabled() {
        return this.disabled || this.invalid;
    }

    handleAccept() {
        const threshold = this.percent / 100;
        this.dispatchEvent(
            new CustomEvent('accept', { detail: { threshold } })
        );
    }
}
