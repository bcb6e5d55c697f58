// Valuation (/api/valuation): the rule of thumb 10 × ARR × growth × NRR for the month and the year
// before it, a sensitivity grid (growth rows × NRR columns) and the plain limits of the rule.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { upsert } from '../charts.js';
import { valuationConfig } from '../fin-charts.js';
import { scopeSummary } from '../filters.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, chartBox, pageHead } from './common.js';

const STEPS = [['5', '5 points'], ['10', '10 points'], ['20', '20 points']];

function tile(key, label, value, text, sub, nullKey) {
  const dataValue = value == null ? '' : key === 'growth' || key === 'nrr' ? String(value) : fmt.moneyValue(value);
  return h('article', { class: `kpi${key === 'valuation' ? ' kpi-big' : ''}`, 'data-kpi-tile': key },
    h('header', { class: 'kpi-head' }, h('h3', { class: 'kpi-label' }, label)),
    h('p', { class: 'kpi-figure' }, h('span', { class: 'kpi-value', 'data-kpi': key, 'data-value': dataValue }, fmt.figure(value, text, nullKey))),
    h('div', { class: 'kpi-sub' }, sub));
}

/** The grid: each cell 10 × ARR × g × n; the actual figures' cell is marked, colour by size. */
function grid(d, cur) {
  const values = d.sensitivity.flat().filter((v) => v != null);
  const lo = Math.min(...values, 0);
  const hi = Math.max(...values, 1);
  const centreG = d.growth_values.length >> 1;
  const centreN = d.nrr_values.length >> 1;
  const mix = (v) => `--mix:${Math.round(8 + (Math.max(0, v - lo) / (hi - lo || 1)) * 80)}%`;
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Valuation sensitivity, scrollable' },
    h('table', { class: 'table heatmap sensitivity', 'data-testid': 'sensitivity-grid' },
      h('caption', { class: 'sr-only' }, 'Valuation by growth (rows) and net revenue retention (columns)'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Growth ↓ NRR →'),
        d.nrr_values.map((n, j) => h('th', { scope: 'col', class: `num${j === centreN ? ' is-actual' : ''}`, 'data-nrr': n }, fmt.pct(n, 1))))),
      h('tbody', null, d.growth_values.map((g, i) => h('tr', { 'data-growth': g },
        h('th', { scope: 'row', class: i === centreG ? 'is-actual' : null }, fmt.pct(g, 1, { sign: true })),
        d.sensitivity[i].map((v, j) => {
          const actual = i === centreG && j === centreN;
          return h('td', { class: `heat${actual ? ' is-actual' : ''}${v > lo + (hi - lo) * 0.55 ? ' heat-strong' : ''}`, style: mix(v),
            'data-value': fmt.moneyValue(v), 'data-cell': `${i}-${j}`, title: `Growth ${fmt.pct(g, 1)}, NRR ${fmt.pct(d.nrr_values[j], 1)}: ${fmt.money(v, cur)}` },
          fmt.moneyCompact(v, cur));
        }))))));
}

function historyTable(d, cur) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Valuation by month, scrollable' },
    h('table', { class: 'table table-compact', 'data-testid': 'valuation-table' },
      h('caption', { class: 'sr-only' }, 'ARR, growth, NRR and valuation by month'),
      h('thead', null, h('tr', null, ['Month', 'ARR', 'Growth YoY', 'NRR', 'Valuation'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : null }, t)))),
      h('tbody', null, [...d.history].reverse().map((m) => h('tr', { 'data-month': m.month }, h('th', { scope: 'row' }, fmt.month(m.month)),
        h('td', { class: 'num', 'data-value': fmt.moneyValue(m.arr) }, fmt.money(m.arr, cur)),
        h('td', { class: 'num', 'data-value': m.growth ?? '' }, fmt.figure(m.growth, (x) => fmt.pct(x, 1, { sign: true }), 'growth_yoy')),
        h('td', { class: 'num', 'data-value': m.nrr ?? '' }, fmt.figure(m.nrr, (x) => fmt.pct(x, 1), 'nrr')),
        h('td', { class: 'num', 'data-value': fmt.moneyValue(m.valuation) }, fmt.figure(m.valuation, (x) => fmt.money(x, cur), 'valuation')))))));
}

export default {
  title: 'Valuation',
  filterMode: 'month',
  create(root, app) {
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'valuation-period' }, '\u00a0');
    const stepSelect = (key, label, fallback) => {
      const el = h('select', { id: `valuation-${key}`, class: 'input', 'data-testid': `valuation-${key}`,
        onchange: () => url.update({ [key]: el.value === fallback ? null : el.value }) }, STEPS.map(([v, t]) => h('option', { value: v }, t)));
      return { el, field: h('div', { class: 'field field-inline' }, h('label', { for: el.id, class: 'field-label' }, label), el) };
    };
    const gStep = stepSelect('growth_step', 'Growth step', '10');
    const nStep = stepSelect('nrr_step', 'NRR step', '5');
    const tiles = h('section', { class: 'kpi-grid', 'aria-label': 'Valuation of the month', 'data-testid': 'valuation-kpis' });
    const chart = chartBox('chart-valuation', 'Valuation and ARR by month');
    const trend = card({ title: 'Valuation over the year', subtitle: '10 × ARR × growth × NRR each month; ARR on the right axis', testid: 'valuation-history' });
    const sens = card({ title: 'Sensitivity', subtitle: 'What the rule gives if growth or NRR were a few points different; the framed cell is the actual', testid: 'valuation-sensitivity' });
    const steps = h('div', { class: 'toolbar fin-toolbar grid-steps' }, gStep.field, nStep.field);
    const limits = card({ title: 'Limits of the rule', subtitle: 'Read the valuation with these in mind', testid: 'valuation-limits', className: 'card-span' });
    const table = card({ title: 'By month', testid: 'valuation-months', className: 'card-span' });
    root.append(pageHead('Valuation', subtitle), tiles, h('div', { class: 'grid-2' }, trend.el, sens.el, limits.el, table.el));
    const loader = createLoader(app, root);

    const load = (ctx, opts) => {
      const p = ctx.params;
      gStep.el.value = p.get('growth_step') || '10';
      nStep.el.value = p.get('nrr_step') || '5';
      const q = url.pick(p, [...url.SCOPE_KEYS, 'growth_step', 'nrr_step']);
      if (p.get('to')) q.set('month', p.get('to'));
      return loader.run((signal) => settle({ res: api.get('/api/valuation', q, { signal }) }), ({ res }) => {
        const retry = () => load({ params: url.current() }, { background: false });
        if (res.status !== 'fulfilled') {
          for (const c of [trend, sens, limits, table]) c.error(res.reason, retry);
          replace(tiles);
          return;
        }
        const d = res.value;
        const cur = d.currency;
        app.filters.setEffective({ to: d.month });
        replace(subtitle, h('strong', null, fmt.month(d.month, { long: true })), ` · ${cur} · ${scopeSummary(p)}`);
        replace(tiles,
          tile('valuation', 'Valuation', d.valuation, (x) => fmt.money(x, cur), '10 × ARR × growth YoY × NRR', 'valuation'),
          tile('arr', 'ARR', d.arr, (x) => fmt.money(x, cur), 'Closing ARR of the month'),
          tile('growth', 'Growth YoY', d.growth, (x) => fmt.pct(x, 1, { sign: true }), 'Closing MRR against 12 months earlier', 'growth_yoy'),
          tile('nrr', 'NRR', d.nrr, (x) => fmt.pct(x, 1), 'Revenue kept from customers of 12 months ago', 'nrr'));
        if (!trend.body.contains(chart.el)) trend.show(chart.el);
        upsert(chart.canvas, () => valuationConfig(d.history, cur));
        sens.show(d.growth_values.length && d.nrr_values.length ? grid(d, cur)
          : emptyState('No grid', 'Growth or NRR has no base this month (nothing twelve months earlier), so there is nothing to vary.'), steps);
        limits.show(h('ul', { class: 'limits', 'data-testid': 'limits' }, d.limits.map((t) => h('li', null, t))));
        table.show(historyTable(d, cur));
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
