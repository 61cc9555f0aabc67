import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';

const SHOWN = 10;

// Decision_Keys__c holds "board:12;status:40"; LIKE narrows, the split decides.
const QUERY = gql`
    query stagedExamples($pattern: String) {
        uiapi {
            query {
                CWM_Staged_Record__c(
                    where: { Decision_Keys__c: { like: $pattern } }
                    orderBy: { Staged_Key__c: { order: ASC } }
                    first: 50
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
                            Status__c {
                                value
                            }
                            Decision_Keys__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

/** Staged records that use one source value: what a decision will touch. */
export default class CwmExampleRecords extends LightningElement {
    @api decisionKey;
    @api sourceLabel;
    records;
    errors;

    get variables() {
        return { pattern: `%${this.decisionKey}%` };
    }

    @wire(graphql, { query: QUERY, variables: '$variables' })
    wiredExamples({ data, errors }) {
        this.errors = errors;
        this.records = data ? this.toRecords(data) : undefined;
    }

    toRecords(data) {
        const edges = data.uiapi.query.CWM_Staged_Record__c.edges;
        return edges
            .map(({ node }) => ({
                id: node.Id,
                key: node.Staged_Key__c.value,
                kind: node.Kind__c.value,
                name: node.Display_Name__c.value,
                status: node.Status__c.value,
                keys: (node.Decision_Keys__c.value || '').split(';')
            }))
            .filter((record) => record.keys.includes(this.decisionKey))
            .slice(0, SHOWN);
    }

    get heading() {
        return `Records that use ${this.sourceLabel}`;
    }

    get hasRecords() {
        return Boolean(this.records && this.records.length);
    }

    get isEmpty() {
        return Boolean(this.records && !this.records.length);
    }
}
