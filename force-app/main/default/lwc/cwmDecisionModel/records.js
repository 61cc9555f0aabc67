const valueOf = (node, field) => (node[field] ? node[field].value : null);
const edgesOf = (data, object) => {
  const connection = data && data.uiapi && data.uiapi.query[object];
  return connection ? connection.edges.map((edge) => edge.node) : [];
};

/** Flattens the GraphQL answer into plain decisions. */
export function toDecisions(data) {
  return edgesOf(data, 'CWM_Mapping_Decision__c').map((node) => ({
    id: node.Id,
    key: valueOf(node, 'Decision_Key__c'),
    kind: valueOf(node, 'Kind__c'),
    label: valueOf(node, 'Source_Label__c'),
    context: valueOf(node, 'Source_Context__c'),
    count: valueOf(node, 'Record_Count__c'),
    targetField: valueOf(node, 'Target_Field__c'),
    proposedTarget: valueOf(node, 'Proposed_Target__c'),
    proposedLabel: valueOf(node, 'Proposed_Label__c'),
    confirmedTarget: valueOf(node, 'Confirmed_Target__c'),
    confirmedLabel: valueOf(node, 'Confirmed_Label__c'),
    status: valueOf(node, 'Status__c'),
    confidence: valueOf(node, 'Confidence__c'),
    reason: valueOf(node, 'Reason__c'),
    required: valueOf(node, 'Required__c') !== false,
  }));
}

/** Flattens the target options of the GraphQL answer. */
export function toOptions(data) {
  return edgesOf(data, 'CWM_Target_Option__c').map((node) => ({
    kind: valueOf(node, 'Kind__c'),
    targetField: valueOf(node, 'Target_Field__c'),
    value: valueOf(node, 'Value__c'),
    label: valueOf(node, 'Label__c'),
    closed: valueOf(node, 'Is_Closed__c') === true,
  }));
}

/** The objects whose fields custom-field decisions can map to. */
export function fieldTargetObjects(decisions) {
  const names = decisions.filter((d) => d.kind === 'Custom Field' && d.targetField).map((d) => d.targetField);
  return [...new Set(names)].sort();
}

// Fields the migration itself fills; a ConnectWise custom field never goes there.
const MIGRATION_FIELDS = new Set(['CW_Id__c', 'CW_Board__c', 'Original_Create_Date__c']);

/** Custom, updateable fields of the objects read with getObjectInfos. */
export function toFieldOptions(objectInfos) {
  return (objectInfos.results || [])
    .filter((entry) => entry.statusCode === 200)
    .flatMap(({ result }) =>
      Object.values(result.fields)
        .filter((field) => field.custom && field.updateable && !MIGRATION_FIELDS.has(field.apiName))
        .map((field) => ({
          kind: 'Field',
          targetField: result.apiName,
          value: `${result.apiName}.${field.apiName}`,
          label: `${field.label} (${field.apiName})`,
          closed: false,
        })),
    );
}
