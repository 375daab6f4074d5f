// "Find a record" on the Cockpit dashboard: process instances by business key (INC-000123, CHG-...), running
// and ended. Cockpit of Camunda 7 CE lists running instances only; this finds ended ones too, from the history.
const STYLE = 'margin:0 0 1em 0';

// The plugin's texts in the webapps' languages, chosen as the webapps choose theirs: by the browser's first
// language (zh-CN, zh-TW and zh read Chinese), English otherwise.
const TEXTS = {
  en: {
    title: 'Find a record',
    placeholder: 'Record number, e.g. INC-000123',
    label: 'Record number',
    find: 'Find',
    searching: 'Searching...',
    failed: status => 'The search failed (' + status + ').',
    none: key => 'No process instance with business key ' + key + ' that you may see.',
    columns: ['Business key', 'Process', 'State', 'Started', 'Ended', ''],
    open: 'Open',
    states: {}
  },
  zh: {
    title: '查找记录',
    placeholder: '记录编号，例如 INC-000123',
    label: '记录编号',
    find: '查找',
    searching: '正在查找……',
    failed: status => '查找失败（' + status + '）。',
    none: key => '没有业务键为 ' + key + ' 且您有权查看的流程实例。',
    columns: ['业务键', '流程', '状态', '开始时间', '结束时间', ''],
    open: '打开',
    states: {
      ACTIVE: '运行中', SUSPENDED: '已挂起', COMPLETED: '已完成', EXTERNALLY_TERMINATED: '已外部终止',
      INTERNALLY_TERMINATED: '已内部终止'
    }
  }
};

function texts() {
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return (languages[0] || '').toLowerCase().split('-')[0] === 'zh' ? TEXTS.zh : TEXTS.en;
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  row.appendChild(td);
  return td;
}

async function search(api, businessKey, results) {
  const text = texts();
  results.textContent = text.searching;
  const url = api.engineApi + '/history/process-instance?processInstanceBusinessKey='
    + encodeURIComponent(businessKey) + '&sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=100';
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
  });
  if (!response.ok) {
    results.textContent = text.failed(response.status);
    return;
  }
  const instances = await response.json();
  results.textContent = '';
  if (instances.length === 0) {
    results.textContent = text.none(businessKey);
    return;
  }
  const table = document.createElement('table');
  table.className = 'table table-striped itops-record-results';
  const head = table.createTHead().insertRow();
  text.columns.forEach(title => cell(head, title));
  const body = table.createTBody();
  instances.forEach(instance => {
    const row = body.insertRow();
    row.className = 'itops-record';
    cell(row, instance.businessKey);
    cell(row, instance.processDefinitionName || instance.processDefinitionKey);
    cell(row, text.states[instance.state] || instance.state);
    cell(row, instance.startTime);
    cell(row, instance.endTime);
    const open = cell(row, '');
    if (instance.state === 'ACTIVE' || instance.state === 'SUSPENDED') {
      const link = document.createElement('a');
      link.href = '#/process-instance/' + encodeURIComponent(instance.id) + '/runtime';
      link.textContent = text.open;
      open.appendChild(link);
    }
  });
  results.appendChild(table);
}

export default {
  id: 'itops.recordSearch',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node, { api }) => {
    const text = texts();
    node.innerHTML = '';
    const section = document.createElement('section');
    section.className = 'itops-record-search';
    const title = document.createElement('h3');
    title.textContent = text.title;
    const form = document.createElement('form');
    form.setAttribute('style', STYLE);
    const input = document.createElement('input');
    input.className = 'form-control itops-record-key';
    input.placeholder = text.placeholder;
    input.setAttribute('aria-label', text.label);
    input.setAttribute('style', 'display:inline-block;width:20em;margin-right:.5em');
    const button = document.createElement('button');
    button.type = 'submit';
    button.className = 'btn btn-default';
    button.textContent = text.find;
    const results = document.createElement('div');
    form.append(input, button);
    form.addEventListener('submit', event => {
      event.preventDefault();
      const key = input.value.trim();
      if (key) {
        search(api, key, results);
      }
    });
    section.append(title, form, results);
    node.appendChild(section);
  }
};
