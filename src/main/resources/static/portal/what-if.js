// What-if of a decision table (docs/writing-processes.md, "What-if before deploying a decision table"): a process
// owner uploads the table as Camunda Modeler saved it and sees what it would have decided on the inputs recorded in
// a period, beside the table in force. Logs in with the portal's session; texts from GET /portal/session.

import { ApiError, call, get, useCsrfToken } from './api.js';
import { h, labelled } from './dom.js';
import { loginForm } from './login.js';

const DECISIONS = ['incident-priority', 'service-level-targets', 'incident-assignment', 'alert-routing',
  'alert-mapping', 'change-classification', 'demand-approval-routing', 'breach-notification'];

let session = null;
const main = document.getElementById('main');
const statusRegion = document.getElementById('status');
const errorRegion = document.getElementById('error');

function t(key, ...values) {
  const text = session?.texts[key] ?? key;
  return text.replace(/\{(\d+)}/g, (all, index) => String(values[Number(index)] ?? ''));
}

function reasonOf(error) {
  return error instanceof ApiError ? t('error.refused', error.message) : t('error.network');
}

/** A refusal is announced and takes the focus, as an answer does. */
function fail(error) {
  statusRegion.textContent = '';
  errorRegion.textContent = reasonOf(error);
  errorRegion.focus();
}

function view(title, ...content) {
  main.replaceChildren(h('h1', { tabindex: '-1' }, title), ...content);
}

async function start() {
  session = await get('/portal/session');
  useCsrfToken(session.csrfToken);
  document.documentElement.lang = session.language;
  document.title = t('whatIf.title');
  for (const element of document.querySelectorAll('[data-text]')) {
    element.textContent = t(element.dataset.text);
  }
  document.querySelector('.skip').addEventListener('click', (event) => {
    event.preventDefault();
    main.querySelector('h1').focus();
  });
  if (session.user) {
    showForm();
  } else {
    showLogin();
  }
}

function showLogin() {
  const login = loginForm(t, (user) => {
    session.user = user;
    errorRegion.textContent = '';
    showForm();
  }, (error) => {
    errorRegion.textContent = reasonOf(error);
  });
  view(t('login.title'), login.form);
  login.user.focus();
}

function showForm() {
  document.getElementById('who').hidden = false;
  document.getElementById('user-name').textContent = t('login.as', session.user);
  const decision = h('select', { required: true }, ...DECISIONS.map((key) => h('option', { value: key }, key)));
  const file = h('input', { type: 'file', accept: '.dmn,.xml', required: true });
  // text, not date fields: the API takes a date or an instant, and a date field's parts hide the keyboard's focus
  const from = h('input', { type: 'text', placeholder: '2026-11-01', 'aria-describedby': 'what-if-period-hint' });
  const to = h('input', { type: 'text', placeholder: '2026-12-01', 'aria-describedby': 'what-if-period-hint' });
  const answer = h('section', { id: 'answer', 'aria-labelledby': 'answer-title' });
  const form = h('form', {}, labelled('what-if-decision', t('whatIf.decision'), decision),
    labelled('what-if-file', t('whatIf.file'), file),
    h('div', { class: 'filters' }, labelled('what-if-from', t('whatIf.from'), from),
      labelled('what-if-to', t('whatIf.to'), to)),
    h('p', { class: 'hint', id: 'what-if-period-hint' }, t('whatIf.periodHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('whatIf.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = new FormData();
    body.append('file', file.files[0]);
    const period = new URLSearchParams();
    if (from.value) period.set('from', from.value);
    if (to.value) period.set('to', to.value);
    try {
      const result = await call('POST', `/api/decisions/${decision.value}/what-if?${period}`, body);
      errorRegion.textContent = '';
      show(answer, result.data);
      statusRegion.textContent = t('whatIf.summary', result.data.changed, result.data.evaluated);
      answer.querySelector('h2').focus();
    } catch (error) {
      answer.replaceChildren();
      fail(error);
    }
  });
  view(t('whatIf.title'), h('p', {}, t('whatIf.intro')), form, answer);
}

function show(section, data) {
  const records = (numbers) => (numbers.length === 0 ? h('p', {}, t('whatIf.none'))
    : h('ul', {}, ...numbers.map((record) => h('li', {}, record.view
      ? h('a', { href: record.view }, record.number) : record.number))));
  const matrix = data.matrix.length === 0 ? h('p', {}, t('whatIf.none'))
    : h('table', {}, h('caption', {}, t('whatIf.matrix')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('whatIf.old')), h('th', { scope: 'col' }, t('whatIf.new')),
        h('th', { scope: 'col' }, t('whatIf.count')))),
      h('tbody', {}, ...data.matrix.map((shift) => h('tr', {}, h('td', {}, shift.from || t('whatIf.noRule')),
        h('td', {}, shift.to || t('whatIf.noRule')), h('td', {}, String(shift.count))))));
  const content = [
    h('h2', { id: 'answer-title', tabindex: '-1' }, t('whatIf.answer', data.decisionKey, data.inForceVersion)),
    h('p', { id: 'what-if-counts' }, t('whatIf.summary', data.changed, data.evaluated)),
    matrix,
    h('h3', {}, t('whatIf.affected')), records(data.affected)];
  if (data.breaches) {
    const incidents = (numbers) => records(numbers.map((number) => ({ number, view: `/api/incidents/${number}` })));
    for (const kind of ['responseAdded', 'responseRemoved', 'resolutionAdded', 'resolutionRemoved']) {
      content.push(h('h3', {}, t(`whatIf.breaches.${kind}`, data.breaches[kind].length)),
        incidents(data.breaches[kind]));
    }
  }
  section.replaceChildren(...content);
}

start().catch(fail);
