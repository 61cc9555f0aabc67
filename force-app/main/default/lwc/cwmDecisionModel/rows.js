import { TABS, choicesFor, choiceValue, isOpen } from './choices';

const byContextCountLabel = (a, b) =>
  (a.context || '').localeCompare(b.context || '') ||
  (b.count || 0) - (a.count || 0) ||
  (a.label || '').localeCompare(b.label || '');

function toRow(decision, options) {
  return {
    id: decision.id,
    key: decision.key,
    label: decision.label,
    context: decision.context || '—',
    count: decision.count,
    proposal: decision.proposedLabel || 'None',
    confidence: decision.confidence,
    reason: decision.reason,
    value: choiceValue(decision),
    options: choicesFor(decision, options),
    choiceLabel: `Target for ${decision.label}`,
    examplesLabel: `Show records that use ${decision.label}`,
    rowClass: isOpen(decision) && decision.required ? 'cwm-blocking' : '',
  };
}

function toGroups(decisions, options) {
  const groups = new Map();
  for (const decision of decisions) {
    const key = `${decision.kind} → ${decision.targetField || ''}`;
    if (!groups.has(key)) {
      groups.set(key, { key, heading: key, decisions: [] });
    }
    groups.get(key).decisions.push(decision);
  }
  return [...groups.values()].map((group) => ({
    key: group.key,
    heading: group.heading,
    rows: group.decisions.sort(byContextCountLabel).map((d) => toRow(d, options)),
  }));
}

/**
 * The workspace tabs with their tables: one group per kind and target field.
 *
 * @param {object[]} decisions from toDecisions, with saved changes applied
 * @param {object[]} options target options (toOptions and toFieldOptions)
 * @param {boolean} openOnly leave out decided rows
 */
export function buildTabs(decisions, options, openOnly) {
  return TABS.map((tab) => {
    const inTab = decisions.filter((d) => tab.kinds.includes(d.kind));
    const open = inTab.filter(isOpen).length;
    const shown = openOnly ? inTab.filter(isOpen) : inTab;
    return {
      name: tab.name,
      label: `${tab.label} (${open} open)`,
      groups: toGroups(shown, options),
      isEmpty: shown.length === 0,
    };
  });
}
