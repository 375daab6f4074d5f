// "Find a record" on the Cockpit dashboard: process instances by business key (INC-000123, CHG-...), running
// and ended. Cockpit of Camunda 7 CE lists running instances only; this finds ended ones too, from the history.
const STYLE = 'margin:0 0 1em 0';

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  row.appendChild(td);
  return td;
}

async function search(api, businessKey, results) {
  results.textContent = 'Searching...';
  const url = api.engineApi + '/history/process-instance?processInstanceBusinessKey='
    + encodeURIComponent(businessKey) + '&sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=100';
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
  });
  if (!response.ok) {
    results.textContent = 'The search failed (' + response.status + ').';
    return;
  }
  const instances = await response.json();
  results.textContent = '';
  if (instances.length === 0) {
    results.textContent = 'No process instance with business key ' + businessKey + ' that you may see.';
    return;
  }
  const table = document.createElement('table');
  table.className = 'table table-striped itops-record-results';
  const head = table.createTHead().insertRow();
  ['Business key', 'Process', 'State', 'Started', 'Ended', ''].forEach(title => cell(head, title));
  const body = table.createTBody();
  instances.forEach(instance => {
    const row = body.insertRow();
    row.className = 'itops-record';
    cell(row, instance.businessKey);
    cell(row, instance.processDefinitionName || instance.processDefinitionKey);
    cell(row, instance.state);
    cell(row, instance.startTime);
    cell(row, instance.endTime);
    const open = cell(row, '');
    if (instance.state === 'ACTIVE' || instance.state === 'SUSPENDED') {
      const link = document.createElement('a');
      link.href = '#/process-instance/' + encodeURIComponent(instance.id) + '/runtime';
      link.textContent = 'Open';
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
    node.innerHTML = '';
    const section = document.createElement('section');
    section.className = 'itops-record-search';
    const title = document.createElement('h3');
    title.textContent = 'Find a record';
    const form = document.createElement('form');
    form.setAttribute('style', STYLE);
    const input = document.createElement('input');
    input.className = 'form-control itops-record-key';
    input.placeholder = 'Record number, e.g. INC-000123';
    input.setAttribute('aria-label', 'Record number');
    input.setAttribute('style', 'display:inline-block;width:20em;margin-right:.5em');
    const button = document.createElement('button');
    button.type = 'submit';
    button.className = 'btn btn-default';
    button.textContent = 'Find';
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
