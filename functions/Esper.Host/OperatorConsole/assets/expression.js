// An expression input that the API checks while the operator types, showing the compiler's message and position.
import { api } from './api.js';
import { el, uid } from './dom.js';

export function expressionInput(labelText, hint, required) {
  const input = el('textarea', { rows: '2', spellcheck: 'false', id: uid('expr'), required: required || null });
  const hintNode = el('p', { class: 'hint', id: uid('h') }, hint);
  const status = el('p', { class: 'hint', id: uid('s'), 'aria-live': 'polite' });
  const marker = el('pre', { class: 'marker', 'aria-hidden': 'true' });
  input.setAttribute('aria-describedby', `${hintNode.id} ${status.id}`);
  let timer;

  async function check() {
    const text = input.value;
    if (!text.trim()) {
      status.textContent = required ? 'Required.' : '';
      marker.textContent = '';
      input.removeAttribute('aria-invalid');
      return;
    }

    const result = await api('POST', '/api/v1/expressions/validate', { expression: text });
    if (input.value !== text) return;
    if (result.valid) {
      status.className = 'hint ok';
      status.textContent = 'Valid expression.';
      marker.textContent = '';
      input.removeAttribute('aria-invalid');
    } else {
      const at = result.position ?? null;
      status.className = 'hint error';
      status.textContent = `Error${at !== null ? ` at position ${at}` : result.path ? ` at ${result.path}` : ''}: ${result.message}`;
      marker.textContent = at !== null ? `${text}\n${' '.repeat(at)}^` : '';
      input.setAttribute('aria-invalid', 'true');
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
  return {
    node: el('div', {}, el('label', { for: input.id }, labelText), input, hintNode, status, marker),
    value: () => input.value.trim() || undefined,
  };
}
