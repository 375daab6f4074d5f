// A small renderer of the Camunda Forms (form-js JSON) of the requesters' tasks: the component types those forms
// use (text, textfield, textarea, number, select, radio, checkbox, datetime), read-only fields, the simple "hide"
// conditions of the form (key = "value", key != "value", not(key = "value")). The server checks every completion
// as it checks Tasklist's; this only shows the form and collects what a person entered.

import { h } from './dom.js';

let fieldCount = 0;

/**
 * Renders the form into a <form> element and answers {element, values()}: values() gives the engine's variables
 * ({name: {value, type}}) of the visible, editable fields.
 */
export function renderForm(schema, variables) {
  const form = h('form', { novalidate: '' });
  const fields = [];
  for (const component of schema.components || []) {
    const field = renderComponent(component, variables);
    if (field) {
      fields.push(field);
      form.append(field.element);
    }
  }
  const current = () => Object.fromEntries(fields.filter((f) => f.key).map((f) => [f.key, f.read()]));
  const applyConditions = () => {
    const values = { ...plain(variables), ...current() };
    for (const field of fields) {
      field.element.hidden = hidden(field.component, values);
    }
  };
  form.addEventListener('input', applyConditions);
  form.addEventListener('change', applyConditions);
  applyConditions();
  return {
    element: form,
    values() {
      const result = {};
      for (const field of fields) {
        if (!field.key || field.readonly || field.element.hidden) {
          continue;
        }
        const value = field.read();
        if (value === null || value === '') {
          continue;
        }
        result[field.key] = { value, type: typeOf(field.component.type, value) };
      }
      return result;
    },
  };
}

function renderComponent(component, variables) {
  const id = `field-${++fieldCount}`;
  const value = variables[component.key]?.value;
  const readonly = component.readonly === true || component.disabled === true;
  const required = component.validate?.required === true;
  const label = component.label || '';
  switch (component.type) {
    case 'text':
      return { component, element: h('div', { class: 'text' }, ...markdown(fill(component.text || '', variables))),
        read: () => null };
    case 'textfield':
    case 'number':
    case 'datetime': {
      const type = { textfield: 'text', number: 'number', datetime: 'datetime-local' }[component.type];
      const input = h('input', { id, type, name: component.key });
      if (value !== undefined && value !== null) {
        input.value = value;
      }
      decorate(input, component, readonly, required);
      return field(component, id, label, input, () => (component.type === 'number' && input.value !== ''
        ? Number(input.value) : input.value), readonly);
    }
    case 'textarea': {
      const input = h('textarea', { id, name: component.key, rows: '5' });
      input.value = value ?? '';
      decorate(input, component, readonly, required);
      return field(component, id, label, input, () => input.value, readonly);
    }
    case 'select': {
      const select = h('select', { id, name: component.key }, h('option', { value: '' }, ''),
        ...(component.values || []).map((option) => h('option', { value: option.value }, option.label)));
      select.value = value ?? '';
      decorate(select, component, readonly, required);
      return field(component, id, label, select, () => select.value, readonly);
    }
    case 'radio': {
      const legend = h('legend', {}, label);
      const inputs = (component.values || []).map((option, index) => {
        const input = h('input', { type: 'radio', name: component.key, value: option.value, id: `${id}-${index}` });
        input.checked = option.value === value;
        decorate(input, component, readonly, required);
        return h('label', { for: `${id}-${index}` }, input, option.label);
      });
      const set = h('fieldset', {}, legend, ...inputs);
      const read = () => set.querySelector('input:checked')?.value ?? null;
      return { component, key: component.key, element: set, read, readonly };
    }
    case 'checkbox': {
      const input = h('input', { type: 'checkbox', id, name: component.key });
      input.checked = value === true;
      input.disabled = readonly;
      const element = h('div', {}, h('label', { for: id }, input, label));
      return { component, key: component.key, element, read: () => input.checked, readonly };
    }
    default:
      return null; // a component without a value (a spacer, a separator) shows nothing here
  }
}

function field(component, id, label, input, read, readonly) {
  const element = h('div', {}, h('label', { for: id }, label), input);
  return { component, key: component.key, element, read, readonly };
}

function decorate(input, component, readonly, required) {
  if (readonly) {
    input.disabled = true;
  }
  if (required) {
    input.required = true;
  }
  if (component.validate?.maxLength) {
    input.maxLength = component.validate.maxLength;
  }
}

function typeOf(componentType, value) {
  if (componentType === 'checkbox') {
    return 'Boolean';
  }
  if (componentType === 'number') {
    return Number.isInteger(value) ? 'Long' : 'Double';
  }
  return 'String';
}

function plain(variables) {
  return Object.fromEntries(Object.entries(variables).map(([name, variable]) => [name, variable.value]));
}

/** Whether the component's hide condition holds for the values (a condition it cannot read shows the field). */
function hidden(component, values) {
  const condition = component.conditional?.hide;
  if (!condition) {
    return false;
  }
  let match = /^=\s*not\(\s*([A-Za-z_]\w*)\s*=\s*"([^"]*)"\s*\)\s*$/.exec(condition);
  if (match) {
    return String(values[match[1]] ?? '') !== match[2];
  }
  match = /^=\s*([A-Za-z_]\w*)\s*(!?=)\s*"([^"]*)"\s*$/.exec(condition);
  if (match) {
    const equal = String(values[match[1]] ?? '') === match[3];
    return match[2] === '=' ? equal : !equal;
  }
  return false;
}

/** The form's {{name}} placeholders filled with the task's variables. */
function fill(text, variables) {
  return text.replace(/\{\{\s*([A-Za-z_]\w*)\s*}}/g, (all, name) => String(variables[name]?.value ?? ''));
}

/** The little Markdown of the forms' texts: paragraphs, "> " quotes, **bold**; always as text, never as HTML. */
function markdown(text) {
  return text.split(/\n{2,}/).map((block) => {
    const quoted = block.startsWith('>');
    const content = quoted ? block.replace(/^>\s?/gm, '') : block;
    const paragraph = h(quoted ? 'blockquote' : 'p', { class: 'pre' });
    content.split(/\*\*/).forEach((part, index) => paragraph.append(index % 2 ? h('strong', {}, part) : part));
    return paragraph;
  });
}
