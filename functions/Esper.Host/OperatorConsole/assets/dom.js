// Tiny helpers: build elements without innerHTML, so nothing from the API is ever parsed as markup.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let ids = 0;
export const uid = (prefix) => `${prefix}-${++ids}`;

export function field(labelText, control, hint) {
  control.id ||= uid('f');
  const hintNode = hint ? el('p', { class: 'hint', id: uid('h') }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return el('div', {}, el('label', { for: control.id }, labelText), control, hintNode);
}

export function table(headers, rows, caption) {
  // The wrapper scrolls sideways on a narrow screen, so it takes keyboard focus and carries the caption as its name.
  return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption ?? 'Table' }, el('table', {},
    caption ? el('caption', { class: 'visually-hidden' }, caption) : null,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : null }, h.label ?? h)))),
    el('tbody', {}, rows.length === 0
      ? el('tr', {}, el('td', { colspan: headers.length }, 'Nothing yet.'))
      : rows.map((cells) => el('tr', {}, cells.map((c, i) => el('td', { class: headers[i].num ? 'num' : null }, c)))))));
}

export function announce(message) {
  const region = document.getElementById('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 30);
}

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');
