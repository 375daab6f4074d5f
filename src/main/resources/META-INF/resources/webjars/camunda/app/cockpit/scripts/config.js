// Cockpit configuration of the ITOps Process Suite (replaces the empty default of the Camunda webjar).
export default {
  customScripts: ['itops/record-search.js']
};
