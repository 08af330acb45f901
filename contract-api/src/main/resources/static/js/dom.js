// Building the DOM from API data: text always goes in as textContent, never as HTML.

/** el('td', {class: 'num'}, 'text', childNode, …); attributes set with setAttribute, children as text nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Shows a message in the page's message area (role=alert for errors). */
export function message(text, kind = 'error') {
  const area = document.getElementById('message');
  clear(area);
  if (text) {
    area.append(el('p', { class: 'message ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text));
  }
}

export function date(value) {
  return value ? String(value).slice(0, 10) : '–';
}

/** An instant as a Dutch date and time (Europe/Amsterdam). */
export function dateTime(value) {
  if (!value) {
    return '–';
  }
  return new Date(value).toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
}

/** A due moment as the day it ends: "end of 31-12-2026" for midnight at the start of 1 January (Europe/Amsterdam). */
export function endOfDay(value) {
  if (!value) {
    return '–';
  }
  return 'end of ' + new Date(new Date(value).getTime() - 1).toLocaleDateString('nl-NL', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
  });
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** The page is fetching (data-state on <body>): what a reader, or a browser test, waits on. */
export function busy() {
  document.body.dataset.state = 'loading';
}

export function ready() {
  document.body.dataset.state = 'ready';
}
