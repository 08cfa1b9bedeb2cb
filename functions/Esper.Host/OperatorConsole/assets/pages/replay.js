import { api } from '../api.js';
import { el, field, table, when, announce } from '../dom.js';
import { draft } from '../draft.js';

export const title = 'Replay';

const ranges = [['15', 'last 15 minutes'], ['60', 'last hour'], ['1440', 'last 24 hours'], ['10080', 'last 7 days']];
let poller = null;

function summary(diff) {
  const line = (a) => diff.actions.find((x) => x.action === a) ?? { change: 0 };
  const words = (n, verb) => (n === 0 ? null : `${verb} ${Math.abs(n)} ${n > 0 ? 'more' : 'fewer'}`);
  const parts = [words(line('block').change, 'would block'), words(line('challenge').change, 'would challenge')].filter(Boolean);
  return `${diff.decisions_changed} of ${diff.decisions_compared} decisions change${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

const changeCell = (n) => el('span', { class: n > 0 ? 'more' : n < 0 ? 'fewer' : null }, n > 0 ? `+${n}` : String(n));

function jobView(job) {
  const running = job.status === 'Running';
  const start = Date.parse(job.time_range_start), end = Date.parse(job.time_range_end);
  const done = Math.round(((Date.parse(job.progress.replayed_until) - start) / Math.max(1, end - start)) * 100);
  const parts = [
    el('h2', { id: 'job-title' }, `Job ${job.job_id}`),
    el('p', {}, el('strong', { id: 'job-status' }, job.status), ` · ${job.job_type} · rule version ${job.rule_version} · encoding ${job.encoding_version}`),
    el('label', { for: 'job-progress' }, `Progress: ${job.events_processed} events replayed, ${job.events_failed} failed`),
    el('progress', { id: 'job-progress', max: '100', value: String(job.status === 'Completed' ? 100 : Math.max(0, Math.min(100, done))) }),
    el('p', { class: 'hint' }, `From ${when(job.time_range_start)} to ${when(job.time_range_end)}; created ${when(job.created_at)}; completed ${when(job.completed_at)}.`),
  ];
  if (running) {
    parts.push(el('button', { type: 'button', class: 'quiet', onclick: async () => { await api('POST', `/api/v1/replay-jobs/${job.job_id}/cancel`, {}); } }, 'Cancel job'));
  }

  if (job.diff) {
    const d = job.diff;
    parts.push(
      el('h3', {}, 'Diff'),
      el('p', { id: 'diff-summary' }, summary(d)),
      table(['Final action', { label: 'Before', num: true }, { label: 'After', num: true }, { label: 'Change', num: true }],
        d.actions.map((a) => [a.action, a.before, a.after, changeCell(a.change)]), 'Final actions before and after'),
      el('h3', {}, 'Per policy'),
      table(['Policy', 'Outcome', { label: 'Before', num: true }, { label: 'After', num: true }, { label: 'Change', num: true }],
        d.policies.map((p) => [p.policy_id, p.outcome, p.before, p.after, changeCell(p.change)]), 'Policy outcomes before and after'),
      el('h3', {}, 'Changed decisions (sample)'),
      table(['When', 'Before', 'After', 'Request'],
        d.samples.map((s) => [when(s.decided_at), `${s.before.action}${s.before.policy_id ? ` (${s.before.policy_id})` : ''}`,
          `${s.after.action}${s.after.policy_id ? ` (${s.after.policy_id})` : ''}`,
          s.event ? `${s.event.method ?? ''} ${s.event.path ?? ''} from ${s.event.client_ip ?? '?'}` : 'event not kept']), 'Sample of changed decisions'));
  } else if (job.entity_keys !== undefined) {
    parts.push(el('p', {}, `Rebuilt state for ${job.entity_keys} entity keys.`));
  }

  return el('section', { class: 'card', id: 'job', 'aria-labelledby': 'job-title', 'aria-busy': running ? 'true' : 'false' }, parts);
}

export async function render(main) {
  clearTimeout(poller);
  const type = el('select', {}, ['DryRun', 'DecisionOnly', 'StateRebuild'].map((t) => el('option', { value: t }, t)));
  const range = el('select', {}, ranges.map(([v, t]) => el('option', { value: v, selected: v === '60' }, t)));
  const drafted = draft.get();
  const candidate = el('textarea', { rows: '8', spellcheck: 'false' }, drafted ? JSON.stringify(drafted, null, 2) : '');
  const error = el('p', { class: 'error', role: 'alert' });
  const jobPanel = el('div', { 'aria-live': 'polite' });
  const list = el('div');

  async function watch(id) {
    clearTimeout(poller);
    const job = await api('GET', `/api/v1/replay-jobs/${id}`);
    if (!document.body.contains(jobPanel)) return;
    jobPanel.replaceChildren(jobView(job));
    if (job.status === 'Running') {
      poller = setTimeout(() => watch(id), 500);
    } else {
      announce(`Replay ${job.status.toLowerCase()}.`);
      await refresh();
    }
  }

  async function refresh() {
    const jobs = await api('GET', '/api/v1/replay-jobs');
    list.replaceChildren(table(['Job', 'Type', 'Status', { label: 'Events', num: true }, 'Created'],
      jobs.items.map((j) => [el('button', { type: 'button', class: 'quiet', onclick: () => watch(j.job_id) }, j.job_id), j.job_type, j.status, j.events_processed, when(j.created_at)]),
      'Replay jobs'));
  }

  const form = el('form', { class: 'card', 'aria-labelledby': 'start-title' },
    el('h2', { id: 'start-title' }, 'Start a replay'),
    el('div', { class: 'row' }, el('div', {}, field('Job type', type, 'DryRun rebuilds windows from the recorded events; DecisionOnly decides each event alone.')),
      el('div', {}, field('Recorded traffic', range))),
    field('Draft policy (JSON)', candidate, 'Added or replaced over the live config for this replay only. Leave empty to replay the live config.'),
    error,
    el('button', { type: 'submit' }, 'Start replay'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    let policy = null;
    try {
      policy = candidate.value.trim() ? JSON.parse(candidate.value) : null;
    } catch (e) {
      error.textContent = `The draft is not valid JSON: ${e.message}`;
      return;
    }

    // Ranges follow the host's clock (the end of its current minute), not this browser's.
    const end = new Date((await api('GET', '/api/v1/results/timeline?minutes=1')).to);
    const start = new Date(end.getTime() - Number(range.value) * 60_000);
    const request = { job_type: type.value, time_range_start: start.toISOString(), time_range_end: end.toISOString() };
    if (policy) request.candidate = { changes: { policies: [policy] } };
    try {
      const job = await api('POST', '/api/v1/replay-jobs', request);
      announce('Replay started.');
      jobPanel.replaceChildren(jobView(job));
      await watch(job.job_id);
    } catch (e) {
      const where = e.problem?.field ? ` (${e.problem.field}${e.problem.position !== undefined ? `, position ${e.problem.position}` : ''})` : '';
      error.textContent = `${e.message}${where}`;
    }
  });

  main.append(el('h1', {}, 'Replay'), form, jobPanel,
    el('section', { class: 'card', 'aria-labelledby': 'jobs-title' }, el('h2', { id: 'jobs-title' }, 'Recent jobs'), list));
  await refresh();
}
