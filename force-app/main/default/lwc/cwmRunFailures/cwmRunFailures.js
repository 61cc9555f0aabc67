import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';

const QUERY = gql`
    query runFailures($runId: ID) {
        uiapi {
            query {
                CWM_Staged_Record__c(
                    where: {
                        and: [
                            { Run__c: { eq: $runId } }
                            { Status__c: { eq: "Failed" } }
                        ]
                    }
                    orderBy: { Staged_Key__c: { order: ASC } }
                    first: 200
                ) {
                    edges {
                        node {
                            Id
                            Staged_Key__c {
                                value
                            }
                            Kind__c {
                                value
                            }
                            Display_Name__c {
                                value
                            }
                            Error__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

const COLUMNS = [
    { label: 'Record', fieldName: 'key', initialWidth: 150 },
    { label: 'Kind', fieldName: 'kind', initialWidth: 110 },
    { label: 'Name', fieldName: 'name' },
    { label: 'Why it failed', fieldName: 'error', wrapText: true }
];

/** The staged records a run could not load, with the org's reason. */
export default class CwmRunFailures extends LightningElement {
    @api runId;
    columns = COLUMNS;
    failures;
    errors;

    get variables() {
        return { runId: this.runId };
    }

    @wire(graphql, { query: QUERY, variables: '$variables' })
    wiredFailures({ data, errors }) {
        const edges = data ? data.uiapi.query.CWM_Staged_Record__c.edges : [];
        this.failures = data
            ? edges.map(({ node }) => toFailure(node))
            : undefined;
        this.errors = errors;
    }

    get hasFailures() {
        return Boolean(this.failures && this.failures.length);
    }

    get isEmpty() {
        return Boolean(this.failures && !this.failures.length);
    }
}

function toFailure(node) {
    return {
        id: node.Id,
        key: node.Staged_Key__c.value,
        kind: node.Kind__c.value,
        name: node.Display_Name__c.value,
        error: node.Error__c.value
    };
}
