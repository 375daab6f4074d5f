// Admin configuration of the ITOps Process Suite (replaces the empty default of the Camunda webjar).
export default {
  app: {name: 'Admin', vendor: 'ITOps'},
  // English and Simplified Chinese, as the browser asks (zh-CN, zh-TW, zh... all read zh.json)
  locales: {availableLocales: ['en', 'zh'], fallbackLocale: 'en'}
};
