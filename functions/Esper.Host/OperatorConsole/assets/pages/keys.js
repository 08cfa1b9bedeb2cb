import { api } from '../api.js';
import { el, field, table, when, announce } from '../dom.js';

export const title = 'Keys';

export async function render(main) {
  const list = el('div');
  const secretPanel = el('div', { 'aria-live': 'polite' });
  const name = el('input', { required: true, autocomplete: 'off' });
  const scope = el('select', {}, el('option', { value: 'runtime' }, 'runtime: decisions and beacons'), el('option', { value: 'admin' }, 'admin: config, results, keys'));
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { class: 'card', 'aria-labelledby': 'new-key' },
    el('h2', { id: 'new-key' }, 'Create a key'),
    field('Name', name, 'What sends with it, e.g. "checkout web app".'),
    field('Scope', scope),
    error,
    el('button', { type: 'submit' }, 'Create key'));

  async function refresh() {
    const keys = await api('GET', '/api/v1/api-keys');
    list.replaceChildren(table(['Name', 'Scope', 'Prefix', 'Created', 'Revoked'],
      keys.items.map((k) => [k.name, k.scope, k.prefix, when(k.created_at), k.revoked_at ? when(k.revoked_at) : '—']), 'API keys'));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const created = await api('POST', '/api/v1/api-keys', { name: name.value.trim(), scope: scope.value });
      const secret = el('p', { class: 'secret', id: 'new-secret' }, created.secret);
      secretPanel.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'secret-title' },
        el('h2', { id: 'secret-title' }, `Secret of "${created.name}"`),
        el('p', {}, 'Copy it now: it is shown this once and never again.'),
        secret,
        el('button', { type: 'button', class: 'quiet', onclick: () => navigator.clipboard?.writeText(created.secret) }, 'Copy secret')));
      announce('Key created; its secret is shown once.');
      name.value = '';
      await refresh();
    } catch (e) {
      error.textContent = e.message;
    }
  });

  main.append(el('h1', {}, 'Keys'), secretPanel, form, el('section', { class: 'card', 'aria-labelledby': 'key-list' }, el('h2', { id: 'key-list' }, 'Keys'), list));
  await refresh();
}
