import { api } from '../api.js';
import { el, field, table, when } from '../dom.js';
import { stackedBars, minuteLabel } from '../chart.js';
import { series } from '../colors.js';

export const title = 'Results';

export async function render(main) {
  const policies = await api('GET', '/api/v1/results/policies');
  const picker = el('select', {}, policies.items.map((p) => el('option', { value: p.policy_id }, p.name ? `${p.name} (${p.policy_id})` : p.policy_id)));
  const range = el('select', {}, el('option', { value: '60' }, 'last hour'), el('option', { value: '360' }, 'last 6 hours'), el('option', { value: '1440' }, 'last 24 hours'));
  const body = el('div', { id: 'policy-results', 'aria-live': 'polite' });

  async function show() {
    if (!picker.value) {
      body.replaceChildren(el('p', {}, 'No policies yet: create one in the Builder.'));
      return;
    }

    const id = encodeURIComponent(picker.value);
    const [summary, timeline] = await Promise.all([
      api('GET', `/api/v1/results/policies/${id}`),
      api('GET', `/api/v1/results/policies/${id}/timeline?minutes=${range.value}`),
    ]);
    const m = timeline.minutes;
    body.replaceChildren(
      el('div', { class: 'grid' },
        ['total', 'observe', 'challenge', 'block', 'dry_run'].map((k) => el('div', { class: 'card' }, el('h2', {}, k.replace('_', ' ')), el('p', { class: 'stat', id: `count-${k}` }, summary[k])))),
      el('section', { class: 'card', 'aria-labelledby': 'firings' },
        el('h2', { id: 'firings' }, 'Firings per minute'),
        stackedBars({
          title: `Firings of ${summary.policy_id} per minute`,
          labels: m.map((x) => minuteLabel(x.start)),
          series: [series('observe', 'observe', m.map((x) => x.observe ?? 0)), series('challenge', 'challenge', m.map((x) => x.challenge)), series('block', 'block', m.map((x) => x.block))],
        })),
      el('section', { class: 'card', 'aria-labelledby': 'recent' },
        el('h2', { id: 'recent' }, 'Recent decisions'),
        table(['When', 'Action', 'Deciding policy', 'Matched', 'Path', 'Client IP', 'Reason'],
          (summary.recent_decisions ?? []).map((d) => [when(d.decided_at), d.action, d.policy_id ?? '—', (d.matched_policy_ids ?? []).join(', '), d.path ?? '', d.client_ip ?? '', d.reason ?? '']),
          'Recent decisions of the policy')));
  }

  picker.addEventListener('change', show);
  range.addEventListener('change', show);
  main.append(
    el('h1', {}, 'Results'),
    el('div', { class: 'card row' }, el('div', {}, field('Policy', picker)), el('div', {}, field('Time range', range)),
      el('div', {}, el('button', { type: 'button', onclick: show }, 'Refresh'))),
    body);
  await show();
}
