import { api } from '../api.js';
import { el, field, table, announce } from '../dom.js';
import { expressionInput } from '../expression.js';
import { draft } from '../draft.js';

export const title = 'Builder';

const kinds = [['policies', 'Policies'], ['actions', 'Actions'], ['entities', 'Entities'], ['mitigations', 'Mitigations']];
const bundledEntities = ['ip-user-agent', 'bot-crawlers'];
let selected = 'policies';

const text = (attributes = {}) => el('input', { autocomplete: 'off', spellcheck: 'false', ...attributes });
const number = (attributes = {}) => el('input', { type: 'number', inputmode: 'numeric', min: '0', ...attributes });
const select = (options, value) => el('select', {}, options.map(([v, t]) => el('option', { value: v, selected: v === value }, t)));

function problemList(error, e) {
  const errors = e.problem?.errors ?? [];
  error.replaceChildren(el('span', {}, e.message), errors.length > 1
    ? el('ul', {}, errors.map((x) => el('li', {}, `${x.field}: ${x.message}${x.position !== undefined ? ` (position ${x.position})` : ''}`)))
    : null);
}

function actionForm() {
  const id = text({ required: true, pattern: '[a-z0-9][a-z0-9_-]*' }), name = text({ required: true });
  const expression = expressionInput('Expression', 'What the request looks like, e.g. request.method == "POST" && request.path == "/login".', true);
  return { title: 'New action', fields: [field('Id', id), field('Name', name), expression.node], build: () => ({ id: id.value.trim(), name: name.value.trim(), expression: expression.value() }) };
}

function entityForm() {
  const id = text({ required: true }), name = text({ required: true }), keys = text({ required: true });
  const match = expressionInput('Match expression (optional)', 'Only requests matching it get a key for this entity.', false);
  return {
    title: 'New entity',
    fields: [field('Id', id), field('Name', name), field('Key fields', keys, 'Comma-separated field names, e.g. request.client_ip, request.cookies.session.'), match.node],
    build: () => ({ id: id.value.trim(), name: name.value.trim(), key_fields: keys.value.split(',').map((k) => k.trim()).filter(Boolean), match_expression: match.value() }),
  };
}

function mitigationForm() {
  const id = text({ required: true }), name = text({ required: true });
  const mode = select([['block', 'block'], ['challenge', 'challenge'], ['monitor', 'monitor']], 'block');
  const duration = number({ value: '600' });
  return {
    title: 'New mitigation',
    fields: [field('Id', id), field('Name', name), field('Mode', mode), field('Duration (seconds)', duration, 'How long a penalty lasts once the mitigation fires.')],
    build: () => ({ id: id.value.trim(), name: name.value.trim(), mode: mode.value, duration_seconds: Number(duration.value || 0) }),
  };
}

function policyForm(config) {
  const id = text({ required: true }), name = text({ required: true });
  const status = select([['dry_run', 'dry run: report, never enforce'], ['active', 'active: enforce'], ['disabled', 'disabled']], 'dry_run');
  const scope = expressionInput('Scope (optional)', 'The policy applies only to requests matching it.', false);
  const actionChecks = config.actions.map((a) => el('input', { type: 'checkbox', value: a.id, id: `act-${a.id}` }));
  const entity = select([['', 'none'], ...[...bundledEntities, ...config.entities.map((e) => e.id).filter((e) => !bundledEntities.includes(e))].map((e) => [e, e])], 'ip-user-agent');
  const mitigation = select([['monitor', 'monitor'], ...config.mitigations.map((m) => [m.id, `${m.name} (${m.mode})`])], config.mitigations[0]?.id ?? 'monitor');
  const seconds = number({ placeholder: 'e.g. 60' }), threshold = number({ placeholder: 'e.g. 5' });
  const match = expressionInput('Match (optional)', 'The clause fires only on requests matching it.', false);
  const build = () => {
    const clause = { action_ids: actionChecks.filter((c) => c.checked).map((c) => c.value), mitigation_id: mitigation.value };
    if (entity.value) clause.entity_id = entity.value;
    if (seconds.value) clause.window = { seconds: Number(seconds.value), threshold: Number(threshold.value || 0) };
    if (match.value()) clause.match = match.value();
    const policy = { id: id.value.trim(), name: name.value.trim(), status: status.value, clauses: [clause] };
    if (scope.value()) policy.scope = scope.value();
    return policy;
  };

  return {
    title: 'New policy',
    fields: [
      field('Id', id), field('Name', name), field('Status', status, 'New policies start in dry run: they are reported in results but never enforced.'), scope.node,
      el('fieldset', {}, el('legend', {}, 'Clause'),
        el('fieldset', { class: 'checks' }, el('legend', {}, 'Actions'),
          actionChecks.length ? actionChecks.map((c) => el('label', { for: c.id }, c, c.value)) : el('p', { class: 'hint' }, 'No actions yet: the clause applies to every request.')),
        el('div', { class: 'row' }, el('div', {}, field('Entity', entity)), el('div', {}, field('Mitigation', mitigation))),
        el('div', { class: 'row' }, el('div', {}, field('Window (seconds)', seconds)), el('div', {}, field('Threshold', threshold, 'Fires when the window holds more than this many requests.'))),
        match.node)],
    build,
    extra: el('button', { type: 'button', class: 'quiet', onclick: () => { draft.set(build()); location.hash = '#/replay'; } }, 'Replay this draft'),
  };
}

const singular = { actions: 'action', entities: 'entity', mitigations: 'mitigation', policies: 'policy' };
const forms = { actions: actionForm, entities: entityForm, mitigations: mitigationForm, policies: policyForm };

function listOf(kind, items) {
  const extra = { actions: (a) => a.expression, entities: (e) => (e.key_fields ?? []).join(', '), mitigations: (m) => m.mode, policies: (p) => p.status };
  const extraTitle = { actions: 'Expression', entities: 'Key fields', mitigations: 'Mode', policies: 'Status' }[kind];
  return table(['Id', 'Name', extraTitle], items.map((i) => [i.id, i.name, typeof extra[kind](i) === 'string' ? extra[kind](i) : JSON.stringify(extra[kind](i))]), `Existing ${kind}`);
}

export async function render(main) {
  const [actions, entities, mitigations, policies] = await Promise.all(['actions', 'entities', 'mitigations', 'policies'].map((k) => api('GET', `/api/v1/${k}`)));
  const config = { actions: actions.items, entities: entities.items, mitigations: mitigations.items, policies: policies.items };
  const tabs = el('div', { class: 'row', role: 'group', 'aria-label': 'Resource kind' },
    kinds.map(([k, label]) => el('button', { type: 'button', class: k === selected ? null : 'quiet', 'aria-pressed': String(k === selected), onclick: () => { selected = k; main.replaceChildren(); render(main); } }, label)));
  const form = forms[selected](config);
  const error = el('div', { class: 'error', role: 'alert' });
  const node = el('form', { class: 'card', 'aria-labelledby': 'form-title', id: 'builder-form' },
    el('h2', { id: 'form-title' }, form.title), form.fields, error,
    el('button', { type: 'submit' }, `Save ${singular[selected]}`), form.extra ?? null);
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    try {
      const saved = await api('POST', `/api/v1/${selected}`, form.build());
      announce(`Saved ${saved.id}.`);
      main.replaceChildren();
      await render(main);
    } catch (e) {
      problemList(error, e);
    }
  });

  main.append(el('h1', {}, 'Builder'), tabs, node,
    el('section', { class: 'card', 'aria-labelledby': 'existing' }, el('h2', { id: 'existing' }, `Existing ${selected}`), listOf(selected, config[selected])));
}
