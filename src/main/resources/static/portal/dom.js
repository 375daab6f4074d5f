// Building the page's elements: text is always set as text (never parsed as HTML), so that nothing a record holds
// can run as script.

/** An element with attributes and children (elements or text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** A field with its label (the field gets the id). */
export function labelled(id, text, control) {
  control.id = id;
  return h('div', {}, h('label', { for: id }, text), control);
}
