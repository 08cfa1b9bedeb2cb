import { api } from '../api.js';
import { el, table, when } from '../dom.js';
import { stackedBars, minuteLabel } from '../chart.js';
import { series } from '../colors.js';

export const title = 'Overview';

const stat = (label, value, id) => el('div', { class: 'card', id }, el('h2', {}, label), el('p', { class: 'stat' }, value));

export async function render(main) {
  const [timeline, policies] = await Promise.all([
    api('GET', '/api/v1/results/timeline?minutes=60'),
    api('GET', '/api/v1/results/policies'),
  ]);
  const minutes = timeline.minutes;
  const total = (key) => minutes.reduce((s, m) => s + (m[key] ?? 0), 0);
  const lastActive = [...minutes].reverse().find((m) => m.total > 0);
  const recent = lastActive && Date.parse(timeline.to) - Date.parse(lastActive.start) <= 6 * 60_000;
  const arriving = recent
    ? `Yes: decisions arrived in the minute of ${minuteLabel(lastActive.start)}.`
    : lastActive
      ? `Not lately: the last decisions arrived in the minute of ${minuteLabel(lastActive.start)}.`
      : 'No decisions in the last hour. Check that your integration sends its requests to this host with a runtime key.';

  const top = [...policies.items].sort((a, b) => b.total - a.total).slice(0, 5);
  main.append(
    el('h1', {}, 'Overview'),
    el('div', { class: 'grid' },
      stat('Decisions, last hour', total('total'), 'stat-total'),
      stat('Blocked', total('block'), 'stat-block'),
      stat('Challenged', total('challenge'), 'stat-challenge'),
      el('div', { class: 'card', id: 'traffic-state' }, el('h2', {}, 'Is traffic arriving?'), el('p', {}, arriving))),
    el('section', { class: 'card', 'aria-labelledby': 'per-minute' },
      el('h2', { id: 'per-minute' }, 'Decisions per minute by action'),
      stackedBars({
        title: 'Decisions per minute, last 60 minutes',
        labels: minutes.map((m) => minuteLabel(m.start)),
        series: [
          series('allow', 'allow', minutes.map((m) => m.allow ?? 0)),
          series('challenge', 'challenge', minutes.map((m) => m.challenge)),
          series('block', 'block', minutes.map((m) => m.block)),
        ],
      })),
    el('section', { class: 'card', 'aria-labelledby': 'top-policies' },
      el('h2', { id: 'top-policies' }, 'Top policies'),
      table(
        ['Policy', { label: 'Total', num: true }, { label: 'Observe', num: true }, { label: 'Challenge', num: true }, { label: 'Block', num: true }, 'Last matched'],
        top.map((p) => [el('a', { href: '#/results' }, p.name ?? p.policy_id), p.total, p.observe, p.challenge, p.block, when(p.last_matched_at)]),
        'Top policies by decisions')));
}
