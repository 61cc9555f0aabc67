import ID_FIELD from '@salesforce/schema/CWM_Mapping_Decision__c.Id';
import STATUS_FIELD from '@salesforce/schema/CWM_Mapping_Decision__c.Status__c';
import TARGET_FIELD from '@salesforce/schema/CWM_Mapping_Decision__c.Confirmed_Target__c';
import LABEL_FIELD from '@salesforce/schema/CWM_Mapping_Decision__c.Confirmed_Label__c';

/** Choice values for "create a new target" and "skip"; never an id or a picklist value. */
export const CREATE = '__create__';
export const SKIP = '__skip__';

/** The workspace tabs, each with the decision kinds it holds. */
export const TABS = [
  { name: 'boards', label: 'Boards → Queues', kinds: ['Board'] },
  {
    name: 'entitlements',
    label: 'Agreements and SLAs → Entitlement processes',
    kinds: ['Agreement Type', 'SLA'],
  },
  {
    name: 'picklists',
    label: 'Picklist values',
    kinds: ['Status', 'Priority', 'Type', 'Custom Field Option'],
  },
  { name: 'members', label: 'Members → Users', kinds: ['Member'] },
  { name: 'fields', label: 'Custom fields → Fields', kinds: ['Custom Field'] },
];

// Which kind of target option a decision kind maps to; the rest are picklist values.
const TARGET_KIND = {
  Member: 'User',
  Board: 'Queue',
  'Agreement Type': 'Entitlement Process',
  SLA: 'Entitlement Process',
  'Custom Field': 'Field',
};
// Options of these kinds belong to one target field (or object) each.
const PER_TARGET_FIELD = new Set(['Picklist Value', 'Field']);
// A member is never created from here, and nor is metadata: picklist values of Case.Status and
// Case.Priority, entitlement processes and fields are deployed by the admin. Statuses and
// priorities cannot be left out.
const NOT_CREATABLE = new Set(['Member', 'Status', 'Priority', 'SLA', 'Agreement Type', 'Custom Field']);
const NOT_SKIPPABLE = new Set(['Status', 'Priority']);
// What "create" means where it is offered.
const CREATE_LABEL = {
  'Custom Field Option': 'Load the ConnectWise value as it is',
};

export const isOpen = (decision) => decision.status === 'Proposed';

/** Counts for the progress header. */
export function progress(decisions) {
  const open = decisions.filter(isOpen);
  return {
    total: decisions.length,
    decided: decisions.length - open.length,
    blocking: open.filter((d) => d.required).length,
  };
}

// The target options that fit one decision: its kind, and its field where options belong to one.
function optionsFor(decision, options) {
  const kind = TARGET_KIND[decision.kind] || 'Picklist Value';
  return options.filter(
    (o) => o.kind === kind && (!PER_TARGET_FIELD.has(kind) || o.targetField === decision.targetField),
  );
}

/** What the admin can choose for one decision, in combobox form. */
export function choicesFor(decision, options) {
  const choices = optionsFor(decision, options).map((o) => ({
    label: o.closed ? `${o.label} (closed)` : o.label,
    value: o.value,
  }));
  if (!NOT_CREATABLE.has(decision.kind)) {
    choices.push({
      label: CREATE_LABEL[decision.kind] || 'Create new',
      value: CREATE,
    });
  }
  if (!NOT_SKIPPABLE.has(decision.kind)) {
    choices.push({ label: 'Skip', value: SKIP });
  }
  return choices;
}

/** The combobox value that stands for a decision's current status. */
export function choiceValue(decision) {
  const byStatus = {
    Confirmed: decision.confirmedTarget,
    Create: CREATE,
    Skip: SKIP,
  };
  return byStatus[decision.status] || '';
}

function change(decision, status, target, label) {
  return {
    id: decision.id,
    change: {
      status,
      confirmedTarget: target,
      confirmedLabel: label,
    },
    record: {
      fields: {
        [ID_FIELD.fieldApiName]: decision.id,
        [STATUS_FIELD.fieldApiName]: status,
        [TARGET_FIELD.fieldApiName]: target,
        [LABEL_FIELD.fieldApiName]: label,
      },
    },
  };
}

/** The save for one choice: the updateRecord input and the change it makes. */
export function choose(decision, value, options) {
  if (value === CREATE) {
    return change(decision, 'Create', null, decision.label);
  }
  if (value === SKIP) {
    return change(decision, 'Skip', null, null);
  }
  const chosen = optionsFor(decision, options).find((o) => o.value === value);
  return change(decision, 'Confirmed', value, chosen ? chosen.label : value);
}

/**
 * Saves that accept every open proposal at or above the threshold (0 to 1), as the run's
 * --auto-confirm does: a proposed target is confirmed; a proposal without one means create where
 * the tool can make the target, and skip where it cannot (an entitlement process, a field).
 */
export function acceptProposals(decisions, threshold) {
  return decisions
    .filter((d) => isOpen(d) && typeof d.confidence === 'number' && d.confidence >= threshold)
    .map((d) => {
      if (d.proposedTarget) {
        return change(d, 'Confirmed', d.proposedTarget, d.proposedLabel);
      }
      return NOT_CREATABLE.has(d.kind) ? change(d, 'Skip', null, null) : change(d, 'Create', null, d.label);
    });
}
