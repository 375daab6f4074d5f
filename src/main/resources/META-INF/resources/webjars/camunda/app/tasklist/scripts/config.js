// Tasklist configuration of the ITOps Process Suite (replaces the default of the Camunda webjar, whose
// keyboard shortcuts it keeps).
export default {
  app: {name: 'Tasklist', vendor: 'ITOps'},
  // English and Simplified Chinese, as the browser asks (zh-CN, zh-TW, zh... all read zh.json)
  locales: {availableLocales: ['en', 'zh'], fallbackLocale: 'en'},
  // form-js's own words in Chinese; a filter's count of more than 1000 tasks as "1000+" (see the scripts)
  customScripts: ['itops/form-texts.js', 'itops/task-counts.js'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
