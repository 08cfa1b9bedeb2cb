import { api } from '../api.js';
import { el, table, when } from '../dom.js';

export const title = 'Audit';

export async function render(main) {
  const entries = await api('GET', '/api/v1/audit?limit=200');
  main.append(
    el('h1', {}, 'Audit'),
    el('section', { class: 'card' },
      el('p', { class: 'hint' }, 'Every change to config, keys and replay jobs, newest first.'),
      table(['When', 'Change', 'Resource', 'Id', 'By key'],
        entries.items.map((e) => [when(e.at), e.change, e.resource, e.resource_id, e.key_id ?? 'host']),
        'Audit entries')));
}
