import { LightningElement, api } from 'lwc';

/** "n of m decided, k blocking", with a bar. */
export default class CwmProgressHeader extends LightningElement {
    @api decided = 0;
    @api total = 0;
    @api blocking = 0;

    get summary() {
        return `${this.decided} of ${this.total} decided, ${this.blocking} blocking`;
    }

    get percent() {
        return this.total ? Math.round((this.decided / this.total) * 100) : 0;
    }

    get blockingNote() {
        return this.blocking
            ? 'Records cannot load until every blocking decision is made.'
            : 'Nothing blocks the load.';
    }
}
