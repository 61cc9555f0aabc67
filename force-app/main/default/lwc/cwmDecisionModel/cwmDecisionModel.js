/**
 * The mapping workspace's logic, kept out of the components so it reads (and
 * is tested) on its own: GraphQL answers to decisions, decisions to rows, and
 * choices to the updateRecord calls that save them.
 */
export { CREATE, SKIP, TABS, acceptProposals, choiceValue, choicesFor, choose, isOpen, progress } from './choices';
export { fieldTargetObjects, toDecisions, toFieldOptions, toOptions } from './records';
export { buildTabs } from './rows';
