import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/cwmLdsUtils';

/** Shows what went wrong: a short sentence and the messages behind it. */
export default class CwmErrorPanel extends LightningElement {
    @api friendlyMessage = 'Something went wrong.';
    @api errors;

    get messages() {
        return reduceErrors(this.errors).map((text, index) => ({
            key: `${index}`,
            text
        }));
    }
}
