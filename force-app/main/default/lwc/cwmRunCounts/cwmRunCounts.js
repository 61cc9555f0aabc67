import { LightningElement, api } from 'lwc';

const NUMBERS = [
    ['read', 'Read'],
    ['created', 'Created'],
    ['updated', 'Updated'],
    ['unchanged', 'Unchanged'],
    ['failed', 'Failed'],
    ['skipped', 'Skipped'],
    ['deleted', 'Deleted'],
    ['adjusted', 'Adjusted'],
    ['inOrg', 'In org']
].map(([fieldName, label]) => ({ label, fieldName, type: 'number' }));

const COLUMNS = [{ label: 'Object', fieldName: 'object' }, ...NUMBERS];

/** A run's per-object counts, from the JSON in Counts__c. */
export default class CwmRunCounts extends LightningElement {
    @api counts;
    columns = COLUMNS;

    get parsed() {
        try {
            const rows = JSON.parse(this.counts || '[]');
            return Array.isArray(rows) ? { rows } : { error: 'not a list' };
        } catch (error) {
            return { error: error.message };
        }
    }

    get rows() {
        return this.parsed.rows;
    }

    get parseError() {
        return this.parsed.error;
    }

    get hasRows() {
        return Boolean(this.rows && this.rows.length);
    }
}
