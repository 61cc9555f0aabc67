import { LightningElement, api } from 'lwc';

const LEVELS = [
    { from: 0.8, name: 'high', theme: 'slds-theme_success' },
    { from: 0.5, name: 'medium', theme: 'slds-theme_warning' },
    { from: 0, name: 'low', theme: 'slds-theme_error' }
];

/** A proposal's confidence (0 to 1) as a percentage, coloured by level. */
export default class CwmConfidenceBadge extends LightningElement {
    @api value;

    get hasValue() {
        return typeof this.value === 'number';
    }

    get label() {
        return `${Math.round(this.value * 100)}%`;
    }

    get level() {
        return LEVELS.find((level) => this.value >= level.from) || LEVELS[2];
    }

    get badgeClass() {
        return this.level.theme;
    }

    get title() {
        return `Confidence ${this.label} (${this.level.name})`;
    }
}
