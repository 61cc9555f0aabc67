import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { updateRecord } from 'lightning/uiRecordApi';
import {
    acceptProposals,
    buildTabs,
    choose,
    fieldTargetObjects,
    progress,
    toDecisions,
    toFieldOptions,
    toOptions
} from 'c/cwmDecisionModel';

// TODO: page with the cursor once a tenant stages more than 2,000 decisions.
const QUERY = gql`
    query mappingWorkspace {
        uiapi {
            query {
                CWM_Mapping_Decision__c(first: 2000) {
                    edges {
                        node {
                            Id
                            Decision_Key__c {
                                value
                            }
                            Kind__c {
                                value
                            }
                            Source_Label__c {
                                value
                            }
                            Source_Context__c {
                                value
                            }
                            Record_Count__c {
                                value
                            }
                            Target_Field__c {
                                value
                            }
                            Proposed_Target__c {
                                value
                            }
                            Proposed_Label__c {
                                value
                            }
                            Confirmed_Target__c {
                                value
                            }
                            Confirmed_Label__c {
                                value
                            }
                            Status__c {
                                value
                            }
                            Confidence__c {
                                value
                            }
                            Reason__c {
                                value
                            }
                            Required__c {
                                value
                            }
                        }
                    }
                }
                CWM_Target_Option__c(
                    where: { Active__c: { eq: true } }
                    orderBy: { Label__c: { order: ASC } }
                    first: 2000
                ) {
                    edges {
                        node {
                            Id
                            Kind__c {
                                value
                            }
                            Target_Field__c {
                                value
                            }
                            Value__c {
                                value
                            }
                            Label__c {
                                value
                            }
                            Is_Closed__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

/** Where an admin confirms how every ConnectWise value maps into Salesforce. */
export default class CwmMappingWorkspace extends LightningElement {
    decisions = [];
    options = [];
    fieldOptions = [];
    changes = {};
    loaded = false;
    openOnly = false;
    saving = false;
    errors;
    fieldErrors;
    saveErrors;
    saveMessage;
    selectedDecision;
    wiredResult;

    @wire(graphql, { query: QUERY })
    wiredWorkspace(result) {
        this.wiredResult = result;
        // An answer with neither data nor errors is a reload: keep what is shown.
        if (result.data) {
            this.decisions = toDecisions(result.data);
            this.options = toOptions(result.data);
            this.changes = {};
            this.errors = undefined;
            this.loaded = true;
        } else if (result.errors) {
            this.errors = result.errors;
            this.loaded = true;
        }
    }

    @wire(getObjectInfos, { objectApiNames: '$fieldObjects' })
    wiredFieldInfos({ data, error }) {
        this.fieldOptions = data ? toFieldOptions(data) : [];
        this.fieldErrors = error;
    }

    get fieldObjects() {
        const names = fieldTargetObjects(this.decisions);
        return names.length ? names : undefined;
    }

    get current() {
        return this.decisions.map((d) => ({ ...d, ...this.changes[d.id] }));
    }

    get allOptions() {
        return [...this.options, ...this.fieldOptions];
    }

    get tabs() {
        return buildTabs(this.current, this.allOptions, this.openOnly);
    }

    get progress() {
        return progress(this.current);
    }

    get isLoading() {
        return !this.loaded;
    }

    get hasDecisions() {
        return this.decisions.length > 0;
    }

    handleOpenOnly(event) {
        this.openOnly = event.detail.checked;
    }

    handleSelect(event) {
        const { key } = event.detail;
        this.selectedDecision = this.current.find((d) => d.key === key);
    }

    handleChoice(event) {
        const { id, value } = event.detail;
        const decision = this.current.find((d) => d.id === id);
        this.save([choose(decision, value, this.allOptions)], 'saved');
    }

    handleAccept(event) {
        const saves = acceptProposals(this.current, event.detail.threshold);
        this.save(saves, 'accepted');
    }

    async save(saves, verb) {
        this.saving = true;
        const results = await Promise.allSettled(
            saves.map((save) => updateRecord(save.record))
        );
        const changes = { ...this.changes };
        saves.forEach((save, i) => {
            if (results[i].status === 'fulfilled') {
                changes[save.id] = save.change;
            }
        });
        this.changes = changes;
        const failed = results.filter((r) => r.status === 'rejected');
        this.saveErrors = failed.length
            ? failed.map((r) => r.reason)
            : undefined;
        const saved = saves.length - failed.length;
        this.saveMessage = `${saved} ${saved === 1 ? 'decision' : 'decisions'} ${verb}.`;
        this.saving = false;
        if (saved && this.wiredResult.refresh) {
            await this.wiredResult.refresh();
        }
    }
}
