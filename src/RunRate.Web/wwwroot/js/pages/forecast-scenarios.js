// Forecast scenarios: the picker (saved scenarios to compare, kept in the URL as scenario=…), the
// editor that saves one through PUT /api/scenarios/{name}, and the side-by-side comparison.
import { h } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { upsert } from '../charts.js';
import { compareConfig, SCENARIO_COLORS } from '../fin-charts.js';
import { field, formErrorBox, showErrors, numberOrRaw, busy, confirmDialog } from '../ui/form.js';
import { toast } from '../ui/toast.js';
import { emptyState } from '../ui/states.js';
import { chartBox } from './common.js';
import { scroll } from './forecast-tables.js';

export const RULES = [
  ['churn_points', 'Churn', 'points a month', 'e.g. -1: one point less churn a month'],
  ['new_percent', 'New business', '%', 'e.g. 20: 20 % more new and win-back MRR'],
  ['expansion_percent', 'Expansion', '%', 'change of the expansion rate'],
  ['price_percent', 'Price', '%', 'every layer, from the price month on'],
  ['pipeline_percent', 'Win probability', '%', 'of every open stage, capped at 100 %'],
];

const signed = (v) => `${v > 0 ? '+' : ''}${fmt.num(v)}`;

/** "churn −1 pt · new +20 % · price +5 % from Jan 2027", or "no change". */
export function describe(s) {
  const parts = [];
  if (s.churn_points != null) parts.push(`churn ${signed(s.churn_points)} pt`);
  if (s.new_percent != null) parts.push(`new ${signed(s.new_percent)} %`);
  if (s.expansion_percent != null) parts.push(`expansion ${signed(s.expansion_percent)} %`);
  if (s.price_percent != null) parts.push(`price ${signed(s.price_percent)} %${s.price_from ? ` from ${fmt.month(s.price_from)}` : ''}`);
  if (s.pipeline_percent != null) parts.push(`win probability ${signed(s.pipeline_percent)} %`);
  return parts.length ? parts.join(' · ') : 'no change';
}

/** The names selected for comparison (URL), without "base" (always shown first). */
export const selected = (p = url.current()) => p.getAll('scenario').filter((n) => n && n.toLowerCase() !== 'base');

/** Chips of the saved scenarios: toggle one into the comparison, edit it, delete it. */
export function picker(scenarios, onEdit) {
  if (!scenarios.length) return emptyState('No saved scenarios', 'Save one with the editor to compare it with the base forecast.');
  const chosen = new Set(selected().map((n) => n.toLowerCase()));
  const toggle = (name, on) => {
    const names = selected().filter((n) => n.toLowerCase() !== name.toLowerCase());
    url.update({ scenario: on ? [...names, name] : names });
  };
  const remove = async (s) => {
    if (!await confirmDialog({ title: `Delete scenario “${s.name}”?`, body: `${describe(s)}. The forecast itself is not changed.`, testid: 'delete-scenario' })) return;
    try {
      await api.send('DELETE', `/api/scenarios/${encodeURIComponent(s.name)}`);
      toggle(s.name, false);
      toast(`Deleted scenario ${s.name}`, { kind: 'success' });
    } catch (e) {
      toast('Could not delete the scenario', { kind: 'error', detail: e.detail || e.title });
    }
  };
  return h('ul', { class: 'scenario-list', 'data-testid': 'scenario-list' }, scenarios.map((s) => {
    const on = chosen.has(s.name.toLowerCase());
    return h('li', { class: `scenario-chip${on ? ' is-on' : ''}`, 'data-scenario': s.name },
      h('label', { class: 'scenario-pick' },
        h('input', { type: 'checkbox', checked: on, 'data-testid': `compare-${s.name}`, onchange: (e) => toggle(s.name, e.target.checked) }),
        h('span', null, h('strong', null, s.name), h('span', { class: 'muted small scenario-rules' }, describe(s)))),
      h('span', { class: 'scenario-actions' },
        h('button', { type: 'button', class: 'btn btn-ghost btn-xs', 'data-testid': `edit-${s.name}`, onclick: () => onEdit(s) }, 'Edit'),
        h('button', { type: 'button', class: 'btn btn-danger-ghost btn-xs', 'data-testid': `delete-${s.name}`, onclick: () => remove(s) }, 'Delete')));
  }));
}

/** The editor form; saving adds the scenario to the comparison. */
export function editor() {
  const input = (type = 'text', attrs = {}) => h('input', { type, class: 'input num', inputmode: 'decimal', autocomplete: 'off', ...attrs });
  const fields = {
    name: field('name', 'Name', h('input', { type: 'text', class: 'input', maxlength: '60', autocomplete: 'off', 'data-testid': 'scenario-field-name' }), 'Letters, digits, spaces and - _ . + ( )', 'sc-'),
  };
  for (const [key, label, unit, hint] of RULES) {
    fields[key] = field(key, `${label} (${unit})`, input('text', { 'data-testid': `scenario-field-${key}` }), hint, 'sc-');
  }
  fields.price_from = field('price_from', 'Price from', h('input', { type: 'month', class: 'input', 'data-testid': 'scenario-field-price_from' }), 'Default: the first forecast month', 'sc-');
  const formError = formErrorBox('scenario-form-error');
  const save = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-scenario' }, 'Save scenario');
  const clear = h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => fill(null) }, 'Clear');
  const form = h('form', { class: 'scenario-form', novalidate: true, 'data-testid': 'scenario-form' }, formError,
    h('div', { class: 'form-grid scenario-grid' }, Object.values(fields).map((f) => f.el)),
    h('div', { class: 'form-actions' }, clear, save));

  function fill(s) {
    for (const [k, f] of Object.entries(fields)) f.control.value = s && s[k] != null ? String(s[k]) : '';
    showErrors(fields, formError, null);
    fields.name.control.focus();
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = fields.name.control.value.trim();
    const body = Object.fromEntries(RULES.map(([k]) => [k, numberOrRaw(fields[k].control.value)]));
    body.price_from = fields.price_from.control.value || null;
    const errors = {};
    if (!name) errors.name = ['is required'];
    for (const [k] of RULES) if (typeof body[k] === 'string') errors[k] = [`expected a number such as -1 or 20 ('.' for decimals), found '${body[k]}'`];
    showErrors(fields, formError, Object.keys(errors).length ? { title: 'Check the highlighted fields', errors } : null);
    if (Object.keys(errors).length) return;
    await busy(save, 'Saving…', async () => {
      try {
        const saved = await api.send('PUT', `/api/scenarios/${encodeURIComponent(name)}`, body);
        toast(`Saved scenario ${saved.name}`, { kind: 'success', detail: describe(saved) });
        const names = selected().filter((n) => n.toLowerCase() !== saved.name.toLowerCase());
        url.update({ scenario: [...names, saved.name] });
      } catch (err) {
        showErrors(fields, formError, err);
      }
    });
  });
  return { el: form, fill };
}

/**
 * Forecast ARR of each scenario month by month, the base first, with the difference at the horizon.
 * Returns the nodes to show and draw(), to call once they are in the page (Chart.js sizes on attach).
 */
export function comparison(forecasts, chart, cur) {
  const base = forecasts[0];
  const months = base.months;
  const last = months.length - 1;
  const head = h('tr', null, h('th', { scope: 'col' }, 'Month'), forecasts.map((f, i) => h('th', { scope: 'col', class: 'num' },
    h('i', { class: 'dot', style: `background: var(${SCENARIO_COLORS[i % SCENARIO_COLORS.length]})` }), ` ${f.name}`)));
  const table = scroll('Forecast ARR by scenario', h('table', { class: 'table table-compact', 'data-testid': 'compare-table' },
    h('caption', { class: 'sr-only' }, 'Forecast ARR per month, scenarios side by side'),
    h('thead', null, head),
    h('tbody', null, months.map((m, j) => h('tr', { 'data-month': m.month }, h('th', { scope: 'row' }, fmt.month(m.month)),
      forecasts.map((f) => h('td', { class: 'num', 'data-scenario': f.name, 'data-value': fmt.moneyValue(f.months[j].arr) }, fmt.money(f.months[j].arr, cur)))))),
    h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, `vs ${base.name}`), forecasts.map((f, i) => {
      const diff = f.months[last].arr - base.months[last].arr;
      return h('td', { class: `num ${diff > 0 ? 'pos' : diff < 0 ? 'neg' : 'muted'}`, 'data-diff': f.name },
        i === 0 ? '—' : fmt.money(Math.round(diff * 100) / 100, cur, { sign: true }));
    })))));
  return { nodes: [chart.el, table], draw: () => upsert(chart.canvas, () => compareConfig(forecasts, cur)) };
}

export const compareChart = () => chartBox('chart-compare', 'Forecast ARR by scenario');
