// The requesters' portal: log in, my requests, what waits for me, a new request. A page over the suite's JSON API
// (docs/portal.md, "Portal"); every text comes from the suite's texts in its language (GET /portal/session).

import { ApiError, SessionEnded, call, get, useCsrfToken } from './api.js';
import { h, labelled } from './dom.js';
import { loginForm } from './login.js';
import { renderForm } from './form.js';

const RECORD_PATHS = { INC: 'incidents', DMD: 'demands', CHG: 'changes', SEC: 'security-incidents' };
const PAGE_SIZE = 20;

let session = null;
const filter = { kind: '', state: 'open', q: '', offset: 0 };
/** The result of a submission ({text, refusal}), announced and focused once the view it leads to is shown. */
let result = null;

const main = document.getElementById('main');
const statusRegion = document.getElementById('status');
const errorRegion = document.getElementById('error');

/** The text of the key in the suite's language, {0}, {1}... filled in. */
function t(key, ...values) {
  const text = session?.texts[key] ?? key;
  return text.replace(/\{(\d+)}/g, (all, index) => String(values[Number(index)] ?? ''));
}

/** A known code (a status, a kind) as text, the code itself when the texts have none. */
function label(prefix, code) {
  return code && session.texts[`${prefix}.${code}`] ? t(`${prefix}.${code}`) : code ?? '';
}

function say(text) {
  errorRegion.textContent = '';
  statusRegion.textContent = text;
}

/** Announces the result of what the person did and moves the focus to it: the next Tab goes on into the page. */
function announce(text) {
  say(text);
  statusRegion.focus();
}

function fail(error) {
  if (error instanceof SessionEnded) {
    openSession().then(() => showLogin(t('login.ended'))).catch(fail);
    return;
  }
  statusRegion.textContent = '';
  errorRegion.textContent = reasonOf(error);
}

function reasonOf(error) {
  return error instanceof ApiError ? t('error.refused', error.message) : t('error.network');
}

/** A submission was refused: the reason is announced and takes the focus, as a result does. */
function refused(error) {
  fail(error);
  if (!(error instanceof SessionEnded)) {
    errorRegion.focus();
  }
}

/**
 * Shows the view of the hash after a submission, with the submission's result announced and focused there, and what
 * of it was refused (a refusal that did not undo the rest).
 */
function goTo(hash, text, refusal) {
  result = { text, refusal };
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

/**
 * A time in the suite's zone (or the given one: an incident's due time in its service's calendar) and, when the
 * browser's zone differs, in the browser's too.
 */
function when(iso, zone) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  const format = (zone) => {
    try {
      return new Intl.DateTimeFormat(session.language, { year: 'numeric', month: 'short', day: 'numeric',
        hour: '2-digit', minute: '2-digit', timeZone: zone, timeZoneName: 'short' }).format(date);
    } catch (unknownZone) {
      return date.toISOString(); // a zone the browser does not know (a bare offset): the time in UTC
    }
  };
  const suite = format(zone ?? session.timeZone);
  const browser = format(Intl.DateTimeFormat().resolvedOptions().timeZone);
  return browser === suite ? suite : t('time.both', suite, browser); // one zone may have two names (Etc/UTC, UTC)
}

function facts(...pairs) {
  const list = h('dl', { class: 'facts' });
  for (const [term, value] of pairs) {
    if (value !== undefined && value !== null && value !== '') {
      list.append(h('dt', {}, term), h('dd', {}, value));
    }
  }
  return list;
}

/**
 * Replaces the main area by a view with its heading, which takes the focus (read first by a screen reader); after a
 * submission its result takes the focus instead, just above the heading.
 */
function view(title, ...children) {
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...children);
  document.title = `${title} · ${t('title')}`;
  if (result) {
    announce(result.text);
    if (result.refusal) {
      errorRegion.textContent = reasonOf(result.refusal);
    }
    result = null;
  } else {
    heading.focus();
  }
}

function options(select, pairs, chosen) {
  for (const [value, text] of pairs) {
    select.append(h('option', { value }, text));
  }
  select.value = chosen;
  return select;
}

function radios(name, legend, pairs, required) {
  return h('fieldset', {}, h('legend', {}, legend), ...pairs.map(([value, text], index) => h('label',
    { for: `${name}-${index}` }, h('input', { type: 'radio', name, value, id: `${name}-${index}`, required }), text)));
}

// --- session ----------------------------------------------------------------------------------------------

/** Reads the browser's session (a new one when it has ended): who is logged in, its CSRF token, the texts. */
async function openSession() {
  session = await get('/portal/session');
  useCsrfToken(session.csrfToken);
}

async function start() {
  await openSession();
  document.documentElement.lang = session.language;
  for (const element of document.querySelectorAll('[data-text]')) {
    element.textContent = t(element.dataset.text);
  }
  document.getElementById('logout').addEventListener('click', logout);
  // the skip link moves the focus to the view's heading: following its href would change the hash, the page's route
  document.querySelector('.skip').addEventListener('click', (event) => {
    event.preventDefault();
    main.querySelector('h1').focus();
  });
  // a menu entry of the view that is shown shows it anew (its hash does not change)
  document.getElementById('nav').addEventListener('click', (event) => {
    if (event.target.closest('a')?.hash === location.hash) {
      route();
    }
  });
  window.addEventListener('hashchange', route);
  if (session.user) {
    loggedIn();
    route();
  } else {
    showLogin();
  }
}

function showLogin(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  const login = loginForm(t, (user) => {
    session.user = user;
    loggedIn();
    route();
  }, fail);
  view(t('login.title'), login.form);
  if (message) {
    errorRegion.textContent = message;
  }
  login.user.focus();
}

function loggedIn() {
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  document.getElementById('user-name').textContent = t('login.as', session.user);
}

async function logout() {
  try {
    await call('POST', '/portal/logout');
  } catch (error) {
    // the session may have ended already: the login shows either way
  }
  await openSession();
  showLogin();
  say(t('logout.done'));
}

function route() {
  if (!session.user) {
    showLogin();
    return;
  }
  say(''); // the messages belong to the view they were said in
  const [, page, argument] = (location.hash || '#/requests').split('/');
  const pages = { requests: showRequests, record: showRecord, waiting: showWaiting, task: showTask,
    survey: showSurvey, new: showNewRequest };
  (pages[page] || showRequests)(argument && decodeURIComponent(argument)).catch(fail);
}

// --- my requests ------------------------------------------------------------------------------------------

async function showRequests() {
  const kind = options(h('select'), [['', t('kind.all')], ...['INC', 'DMD', 'CHG', 'SEC', 'SVY']
    .map((code) => [code, label('kind', code)])], filter.kind);
  const state = options(h('select'), [['open', t('state.open')], ['closed', t('state.closed')],
    ['all', t('state.all')]], filter.state);
  const search = h('input', { type: 'search', maxlength: '200' });
  search.value = filter.q;
  const form = h('form', { class: 'filters', role: 'search' }, labelled('filter-kind', t('filter.kind'), kind),
    labelled('filter-state', t('filter.state'), state), labelled('filter-q', t('filter.search'), search),
    h('div', {}, h('button', { type: 'submit' }, t('filter.show'))));
  // the count is announced where it is (a live region must be on the page before its text changes)
  const count = h('p', { tabindex: '-1', 'aria-live': 'polite' });
  const results = h('div');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(filter, { kind: kind.value, state: state.value, q: search.value.trim(), offset: 0 });
    listRequests(count, results).catch(fail);
  });
  view(t('requests.title'), form, count, results);
  await listRequests(count, results);
}

async function listRequests(count, results) {
  const query = new URLSearchParams({ state: filter.state, offset: filter.offset, limit: PAGE_SIZE });
  if (filter.kind) {
    query.set('kind', filter.kind);
  }
  if (filter.q) {
    query.set('q', filter.q);
  }
  const page = await get(`/api/my/requests?${query}`);
  const list = h('ul', { class: 'cards' }, ...page.items.map((item) => h('li', {},
    h('h2', {}, h('a', { href: `#/${item.kind === 'SVY' ? 'waiting' : `record/${item.number}`}` },
      `${item.number} · ${item.title}`)),
    facts([t('field.kind'), label('kind', item.kind)], [t('field.status'), label('status', item.status)],
      [t('field.priority'), label('level', item.priority)], [t('field.due'), when(item.dueAt, item.dueZone)],
      [t('field.created'), when(item.createdAt)], [t('field.closed'), when(item.closedAt)]))));
  const previous = h('button', { type: 'button', class: 'secondary' }, t('page.previous'));
  const next = h('button', { type: 'button', class: 'secondary' }, t('page.next'));
  previous.disabled = page.offset === 0;
  next.disabled = page.offset + page.items.length >= page.total;
  const turn = (by) => {
    filter.offset = Math.max(0, filter.offset + by);
    listRequests(count, results).then(() => count.focus()).catch(fail); // the new page is read from its count
  };
  previous.addEventListener('click', () => turn(-PAGE_SIZE));
  next.addEventListener('click', () => turn(PAGE_SIZE));
  count.textContent = page.total === 0 ? t('requests.none')
    : t('requests.count', page.offset + 1, page.offset + page.items.length, page.total);
  results.replaceChildren(list, h('nav', { class: 'actions', 'aria-label': t('page.label') }, previous, next));
}

// --- one request ------------------------------------------------------------------------------------------

async function showRecord(number) {
  const kind = number.split('-')[0];
  const path = RECORD_PATHS[kind];
  if (!path) {
    view(number, h('p', {}, t('record.unknown')));
    return;
  }
  const record = await get(`/api/${path}/${encodeURIComponent(number)}`);
  const shown = summaryOf(kind, record);
  const parts = [facts([t('field.kind'), label('kind', kind)], [t('field.status'), label('status', shown.status)],
    [t('field.priority'), label('level', shown.priority)], [t('field.due'), when(shown.due, shown.dueZone)],
    [t('field.created'), when(shown.created)])];
  if (kind === 'INC') {
    parts.push(...await onCallPage(number));
  }
  if (shown.description) {
    parts.push(h('h2', {}, t('record.description')), h('p', { class: 'pre' }, shown.description));
  }
  if (shown.resolution) {
    parts.push(h('h2', {}, t('record.resolution')), h('p', { class: 'pre' }, shown.resolution));
  }
  if (shown.timeline) {
    parts.push(h('h2', {}, t('record.timeline')), h('ul', { class: 'cards' }, ...shown.timeline.map((entry) =>
      h('li', {}, facts([t('field.when'), when(entry.at)], [t('field.who'), entry.actor],
        [t('field.what'), entry.detail || entry.type])))));
  }
  const attachments = h('section', { 'aria-labelledby': 'attachments-title' });
  parts.push(attachments);
  view(`${number} · ${shown.title}`, ...parts);
  await showAttachments(attachments, `/api/${path}/${encodeURIComponent(number)}/attachments`);
}

/**
 * The on-call page of a P1 or major incident (none: nothing): whom it pages now, whether it is acknowledged, and the
 * button to acknowledge it when the server says the user may (reached by the page, or an IT manager) and it is open.
 */
async function onCallPage(number) {
  const path = `/api/incidents/${encodeURIComponent(number)}/page`;
  let page;
  try {
    page = await get(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return []; // an incident that was not paged
    }
    throw error;
  }
  // current is null for the moment between the page's start and its first step (the job executor's)
  const current = page.current ?? {};
  const parts = [h('h2', {}, t('oncall.title')), facts(
    [t('field.status'), page.status === 'OPEN' ? t('oncall.open') : t('oncall.acknowledged')],
    [t('oncall.paged'), page.current && (current.user ?? t('oncall.managers'))], [t('oncall.step'), current.step],
    [t('oncall.pagedAt'), when(current.pagedAt ?? page.pagedAt)], [t('oncall.acknowledgedBy'), page.acknowledgedBy],
    [t('oncall.acknowledgedAt'), when(page.acknowledgedAt)])];
  if (page.canAcknowledge) {
    const acknowledge = h('button', { type: 'button' }, t('oncall.acknowledge'));
    acknowledge.addEventListener('click', async () => {
      try {
        await call('POST', `${path}/acknowledge`);
        goTo(`#/record/${number}`, t('oncall.done', number));
      } catch (error) {
        refused(error);
      }
    });
    parts.push(h('div', { class: 'actions' }, acknowledge));
  }
  return parts;
}

/** What the page shows of each kind's record, as its own API answers it. */
function summaryOf(kind, record) {
  switch (kind) {
    case 'INC':
      return { title: record.title, status: record.status, priority: record.priority, due: record.sla?.resolutionDue,
        dueZone: record.sla?.timeZone, created: record.reportedAt, description: record.description,
        resolution: record.resolutionNotes, timeline: record.timeline };
    case 'DMD':
      return { title: record.demand.title, status: record.demand.status, due: record.demand.requestedDate,
        created: record.demand.createdAt, description: record.demand.businessNeed, timeline: record.timeline };
    case 'CHG':
      return { title: record.change.summary, status: record.change.status, priority: record.change.risk,
        due: record.change.plannedStart, created: record.change.createdAt, description: record.change.reason,
        timeline: record.timeline };
    default: // a security report: its reporter's receipt only
      return { title: record.summary, status: record.status, priority: record.severity, created: record.reportedAt };
  }
}

// --- attachments ------------------------------------------------------------------------------------------

async function showAttachments(section, path) {
  let items;
  try {
    ({ items } = await get(path));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return; // a record whose attachments are not the user's to read (a closed security report)
    }
    throw error;
  }
  const list = items.length === 0 ? h('p', {}, t('attachments.none')) : h('ul', {}, ...items.map((item) =>
    h('li', {}, h('a', { href: item.download, download: item.fileName }, item.fileName),
      ` (${sizeOf(item.size)}, ${item.uploadedBy}, ${when(item.uploadedAt)})`)));
  const file = h('input', { type: 'file', required: true });
  const form = h('form', {}, labelled('attachment-file', t('attachments.add'), file),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('attachments.upload'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      if (file.files.length) {
        await upload(path, file.files[0]);
        await showAttachments(section, path);
        announce(t('attachments.uploaded', file.files[0].name)); // the form it was sent from is new
      }
    } catch (error) {
      refused(error);
    }
  });
  section.replaceChildren(h('h2', { id: 'attachments-title' }, t('attachments.title')), list, form);
}

function upload(path, file) {
  const body = new FormData();
  body.append('file', file);
  return call('POST', path, body);
}

function sizeOf(bytes) {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  return bytes < 1048576 ? `${Math.round(bytes / 1024)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`;
}

// --- waiting for me ---------------------------------------------------------------------------------------

async function showWaiting() {
  const { items } = await get('/api/my/tasks');
  const list = items.length === 0 ? h('p', {}, t('waiting.none')) : h('ul', { class: 'cards' }, ...items.map((item) =>
    h('li', {}, h('h2', {}, h('a', { href: item.taskId ? `#/task/${item.taskId}`
      : `#/survey/${encodeURIComponent(item.surveyLink)}` }, item.taskId ? item.name : t('waiting.survey'))),
    facts([t('field.record'), item.title ? `${item.recordNumber} · ${item.title}` : item.recordNumber],
      [t('field.created'), when(item.createdAt)], [t('field.due'), when(item.dueAt)]))));
  view(t('waiting.title'), list);
}

async function showTask(taskId) {
  const base = `/engine-rest/task/${encodeURIComponent(taskId)}`;
  const [task, schema, variables] = await Promise.all([get(base), get(`${base}/deployed-form`),
    get(`${base}/form-variables`)]);
  const form = renderForm(schema, variables);
  form.element.append(h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('task.complete'))));
  form.element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = [...form.element.querySelectorAll('[required]')]
      .find((input) => !input.closest('[hidden]') && !input.checkValidity());
    if (missing) {
      errorRegion.textContent = t('task.missing');
      missing.focus();
      return;
    }
    try {
      await call('POST', `${base}/submit-form`, { variables: form.values() });
      goTo('#/waiting', t('task.done', task.name));
    } catch (error) {
      refused(error);
    }
  });
  view(task.name, form.element);
}

async function showSurvey(link) {
  const comment = h('textarea', { maxlength: '2000', rows: '4' });
  const form = h('form', {}, radios('rating', t('survey.rating'), [1, 2, 3, 4, 5].map((n) => [String(n),
    n === 1 ? t('survey.worst') : n === 5 ? t('survey.best') : String(n)]), true),
  labelled('survey-comment', t('survey.comment'), comment),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('survey.send'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const rating = form.querySelector('input[name=rating]:checked');
    if (!rating) {
      errorRegion.textContent = t('task.missing');
      form.querySelector('input[name=rating]').focus();
      return;
    }
    try {
      // the survey's own page answers, the same as for the link of the mail
      await call('POST', `/survey/${encodeURIComponent(link)}`,
        new URLSearchParams({ rating: rating.value, comment: comment.value }), { Accept: 'text/html' });
      goTo('#/waiting', t('survey.thanks'));
    } catch (error) {
      refused(error);
    }
  });
  view(t('waiting.survey'), form);
}

// --- new request ------------------------------------------------------------------------------------------

async function showNewRequest() {
  const chooser = radios('new-kind', t('new.what'), [['incident', t('new.incident')], ['demand', t('new.demand')],
    ['security', t('new.security')]], false);
  const area = h('div');
  chooser.addEventListener('change', (event) => newRequestForm(area, event.target.value));
  view(t('new.title'), chooser, area);
  chooser.querySelector('input').checked = true;
  newRequestForm(area, 'incident');
}

function newRequestForm(area, kind) {
  const idempotencyKey = crypto.randomUUID(); // a resent form (a second click, a retry) creates one record
  const file = h('input', { type: 'file' });
  const fields = { incident: incidentFields, demand: demandFields, security: securityFields }[kind]();
  const form = h('form', {}, ...fields.elements,
    labelled('new-attachment', t('new.attachment'), file),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('new.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let number;
    try {
      number = (await call('POST', fields.path, fields.body(), { 'Idempotency-Key': idempotencyKey })).data.number;
    } catch (error) {
      refused(error);
      return;
    }
    let refusal = null;
    if (file.files.length) {
      // attached before the record is shown, so that it shows there; a refused file leaves the record (and is
      // attached again on its page); the record's own path, as a security concern is posted to .../concerns
      refusal = await upload(`/api/${RECORD_PATHS[number.split('-')[0]]}/${number}/attachments`, file.files[0])
        .then(() => null, (error) => error);
    }
    goTo(`#/record/${number}`, t('new.created', number), refusal);
  });
  area.replaceChildren(form);
}

function textInput(id, text, maxLength, required) {
  const input = h('input', { type: 'text', maxlength: String(maxLength), required });
  return { element: labelled(id, text, input), input };
}

function textArea(id, text, required) {
  const input = h('textarea', { maxlength: '4000', rows: '5', required });
  return { element: labelled(id, text, input), input };
}

function chosen(form, name) {
  return form.querySelector(`input[name=${name}]:checked`)?.value ?? null;
}

function incidentFields() {
  const title = textInput('incident-title', t('incident.title'), 200, true);
  const description = textArea('incident-description', t('incident.description'), false);
  const category = options(h('select', { required: true }), [['', ''], ...['network', 'server', 'application',
    'database', 'access', 'workplace', 'security'].map((c) => [c, label('category', c)])], '');
  const levels = ['high', 'medium', 'low'].map((level) => [level, label('level', level)]);
  const impact = radios('incident-impact', t('incident.impact'), levels, true);
  const urgency = radios('incident-urgency', t('incident.urgency'), levels, true);
  // the browser's local time; the API wants an instant (availability counts an outage from then)
  const outageStart = h('input', { type: 'datetime-local' });
  // a live region that is always there (an element shown or hidden is not announced): the articles are read out
  const suggestions = h('div', { 'aria-live': 'polite' });
  let timer = null;
  title.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => suggest(title.input.value.trim(), suggestions).catch(fail), 300);
  });
  const elements = [title.element, suggestions, description.element,
    labelled('incident-category', t('incident.category'), category), impact, urgency,
    labelled('incident-outage-start', t('incident.outageStart'), outageStart)];
  return { elements, path: '/api/incidents', body: () => ({ title: title.input.value, description:
    description.input.value, category: category.value, impact: chosen(impact, 'incident-impact'),
  urgency: chosen(urgency, 'incident-urgency'),
  outageStart: outageStart.value ? new Date(outageStart.value).toISOString() : null }) };
}

/** A security concern: a security incident of its own, of which the reporter later reads only the receipt. */
function securityFields() {
  const summary = textInput('security-summary', t('security.summary'), 200, true);
  const description = textArea('security-description', t('security.description'), true);
  const assets = textInput('security-assets', t('security.assets'), 1000, false);
  return { elements: [h('p', { class: 'hint' }, t('new.security.hint')), summary.element, description.element,
    assets.element], path: '/api/security-incidents/concerns', body: () => ({ summary: summary.input.value,
    description: description.input.value, affectedAssets: assets.input.value }) };
}

/** The published articles that match the title so far: "these may solve it". */
async function suggest(words, suggestions) {
  const { items } = words.length < 3 ? { items: [] }
    : await get(`/api/knowledge?${new URLSearchParams({ q: words, size: 5 })}`);
  suggestions.replaceChildren(...items.length === 0 ? [] : [h('section', { class: 'suggestions' },
    h('h2', {}, t('suggest.title')), h('p', { class: 'hint' }, t('suggest.hint')),
    h('ul', { class: 'cards' }, ...items.map((article) => suggestion(article))))]);
}

function suggestion(article) {
  const body = h('div');
  const details = h('details', {}, h('summary', {}, `${article.number} · ${article.title}`), body);
  details.addEventListener('toggle', async () => {
    if (details.open && !body.hasChildNodes()) {
      const full = await get(`/api/knowledge/${encodeURIComponent(article.number)}`).catch(fail);
      if (full) {
        body.append(facts([t('suggest.symptoms'), full.symptoms], [t('suggest.resolution'), full.resolution]));
      }
    }
  });
  const solved = h('button', { type: 'button', class: 'secondary' }, t('suggest.solved'));
  solved.addEventListener('click', async () => {
    try {
      await call('POST', `/api/knowledge/${encodeURIComponent(article.number)}/solved`);
      goTo('#/requests', t('suggest.thanks', article.number));
    } catch (error) {
      refused(error);
    }
  });
  return h('li', {}, details, solved);
}

function demandFields() {
  const title = textInput('demand-title', t('demand.title'), 200, true);
  const need = textArea('demand-need', t('demand.need'), true);
  const benefit = textArea('demand-benefit', t('demand.benefit'), true);
  const date = h('input', { type: 'date', required: true });
  const cost = options(h('select', { required: true }), [['', ''], ...['small', 'medium', 'large', 'very-large']
    .map((band) => [band, label('cost', band)])], '');
  const services = textInput('demand-services', t('demand.services'), 1000, false);
  return { elements: [title.element, need.element, benefit.element, labelled('demand-date', t('demand.date'), date),
    labelled('demand-cost', t('demand.cost'), cost), services.element], path: '/api/demands',
  body: () => ({ title: title.input.value, businessNeed: need.input.value, expectedBenefit: benefit.input.value,
    requestedDate: date.value, costBand: cost.value, affectedServices: services.input.value.split(',')
      .map((s) => s.trim()).filter(Boolean) }) };
}

start().catch(fail);
