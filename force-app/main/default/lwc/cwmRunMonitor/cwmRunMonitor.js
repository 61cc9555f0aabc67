import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';

const QUERY = gql`
    query migrationRuns {
        uiapi {
            query {
                CWM_Run__c(
                    orderBy: { Started__c: { order: DESC } }
                    first: 50
                ) {
                    edges {
                        node {
                            Id
                            Run_Id__c {
                                value
                            }
                            Status__c {
                                value
                            }
                            Phase__c {
                                value
                            }
                            Started__c {
                                value
                            }
                            Finished__c {
                                value
                            }
                            Started_By__c {
                                value
                            }
                            Counts__c {
                                value
                            }
                            Failures__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

const WHEN = {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit'
};

const COLUMNS = [
    { label: 'Run', fieldName: 'runId' },
    { label: 'Status', fieldName: 'status' },
    { label: 'Phase', fieldName: 'phase' },
    {
        label: 'Started',
        fieldName: 'started',
        type: 'date',
        typeAttributes: WHEN
    },
    {
        label: 'Finished',
        fieldName: 'finished',
        type: 'date',
        typeAttributes: WHEN
    },
    { label: 'Started by', fieldName: 'startedBy' },
    { label: 'Failures', fieldName: 'failures', type: 'number' }
];

const toRun = ({ Id, ...fields }) => ({
    id: Id,
    runId: fields.Run_Id__c.value,
    status: fields.Status__c.value,
    phase: fields.Phase__c.value,
    started: fields.Started__c.value,
    finished: fields.Finished__c.value,
    startedBy: fields.Started_By__c.value,
    counts: fields.Counts__c.value,
    failures: fields.Failures__c.value
});

/** Migration runs: pick one to see its counts per object and its failures. */
export default class CwmRunMonitor extends LightningElement {
    columns = COLUMNS;
    runs;
    errors;
    selectedId;
    wiredResult;

    @wire(graphql, { query: QUERY })
    wiredRuns(result) {
        const { data, errors } = result;
        // An answer with neither data nor errors is a reload: keep the last one.
        if (data || errors) {
            this.wiredResult = result;
        }
        if (data) {
            const edges = data.uiapi.query.CWM_Run__c.edges;
            this.runs = edges.map((edge) => toRun(edge.node));
            this.errors = undefined;
        } else if (errors) {
            this.errors = errors;
        }
    }

    get hasRuns() {
        return Boolean(this.runs && this.runs.length);
    }

    get isEmpty() {
        return Boolean(this.runs && !this.runs.length);
    }

    get selectedRun() {
        const chosen = this.runs.find((run) => run.id === this.selectedId);
        return chosen || this.runs[0];
    }

    get selectedRows() {
        return [this.selectedRun.id];
    }

    get runHeading() {
        return `Run ${this.selectedRun.runId}: ${this.selectedRun.status}`;
    }

    /** A signed-off sample: read the runs again, so its status is the org's. */
    async handleSignedOff() {
        if (this.wiredResult.refresh) {
            await this.wiredResult.refresh();
        }
    }

    handleRowSelection(event) {
        const [row] = event.detail.selectedRows;
        this.selectedId = row ? row.id : undefined;
    }
}
