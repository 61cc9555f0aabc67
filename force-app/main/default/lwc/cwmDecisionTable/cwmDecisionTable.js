import { LightningElement, api } from 'lwc';

/** One table of decisions (one kind and target field): the admin's choices. */
export default class CwmDecisionTable extends LightningElement {
    @api heading;
    @api rows = [];

    handleChange(event) {
        const detail = {
            id: event.target.dataset.id,
            value: event.detail.value
        };
        this.dispatchEvent(new CustomEvent('choice', { detail }));
    }

    handleExamples(event) {
        const detail = { key: event.target.dataset.key };
        this.dispatchEvent(new CustomEvent('select', { detail }));
    }
}
