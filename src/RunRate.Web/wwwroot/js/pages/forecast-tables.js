// The forecast page's tables: layers month by month, trend rates per segment, the backtest, and
// the deals the pipeline layer left out. Every figure carries data-value (cents or the raw ratio).
import { h } from '../dom.js';
import * as fmt from '../format.js';
import { emptyState } from '../ui/states.js';

const num = (v, text, attrs = {}) => h('td', { class: 'num', 'data-value': v == null ? '' : fmt.moneyValue(v), ...attrs }, text);
const ratio = (v, digits = 2) => h('td', { class: 'num', 'data-value': v ?? '' }, fmt.figure(v, (x) => fmt.pct(x, digits)));

export function scroll(label, table) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${label}, scrollable` }, table);
}

/** One row per forecast month: each layer's MRR, the total, its ARR and the band. */
export function layersTable(d, cur) {
  const signed = (v) => fmt.money(v, cur, { sign: true });
  return scroll('Forecast by layer', h('table', { class: 'table table-compact', 'data-testid': 'forecast-table' },
    h('caption', { class: 'sr-only' }, 'Forecast MRR by layer, ARR and band per month'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Month'),
      ['Contracted', 'Trend', 'Pipeline', 'MRR', 'ARR', 'Low', 'High'].map((t) => h('th', { scope: 'col', class: 'num' }, t)))),
    h('tbody', null, d.months.map((m) => h('tr', { 'data-month': m.month },
      h('th', { scope: 'row' }, fmt.month(m.month)),
      num(m.contracted, fmt.money(m.contracted, cur), { 'data-layer': 'contracted' }),
      num(m.trend, signed(m.trend), { 'data-layer': 'trend', class: `num ${m.trend > 0 ? 'pos' : m.trend < 0 ? 'neg' : 'muted'}` }),
      num(m.pipeline, fmt.money(m.pipeline, cur), { 'data-layer': 'pipeline' }),
      num(m.total, h('strong', null, fmt.money(m.total, cur)), { 'data-layer': 'total' }),
      num(m.arr, fmt.money(m.arr, cur), { 'data-layer': 'arr' }),
      num(m.low, fmt.money(m.low, cur), { 'data-layer': 'low', class: 'num muted' }),
      num(m.high, fmt.money(m.high, cur), { 'data-layer': 'high', class: 'num muted' }))))));
}

/** The trailing rates each segment's trend used (after the scenario's rules). */
export function ratesTable(d, cur, by) {
  if (!d.rates.length) return emptyState('No segments', 'No customer is in scope.');
  return scroll('Trend rates', h('table', { class: 'table table-compact', 'data-testid': 'rates-table' },
    h('caption', { class: 'sr-only' }, `Trend rates per ${by}`),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, by),
      ['MRR', 'New / month', 'Reactivation / month', 'Expansion', 'Contraction', 'Churn'].map((t) => h('th', { scope: 'col', class: 'num' }, t)))),
    h('tbody', null, d.rates.map((s) => h('tr', { 'data-segment': s.segment },
      h('th', { scope: 'row' }, s.segment || h('span', { class: 'muted' }, 'None')),
      num(s.mrr, fmt.money(s.mrr, cur)),
      num(s.new_per_month, fmt.money(s.new_per_month, cur)),
      num(s.reactivation_per_month, fmt.money(s.reactivation_per_month, cur)),
      ratio(s.expansion_rate), ratio(s.contraction_rate), ratio(s.churn_rate))))));
}

/** MAPE per horizon, and every replayed point behind it in a disclosure. */
export function backtestView(bt, cur) {
  if (!bt) return emptyState('No backtest', 'The backtest was switched off for this view.');
  const rows = bt.mape.filter((x) => x.samples > 0);
  if (!rows.length) return emptyState('Too early to backtest', 'The ledger has no month 3, 6 or 12 months back from which to replay the method.');
  return h('div', { class: 'backtest' },
    scroll('Backtest error by horizon', h('table', { class: 'table table-compact', 'data-testid': 'backtest-table' },
      h('caption', { class: 'sr-only' }, 'Mean absolute percentage error per horizon'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Months ahead'), h('th', { scope: 'col', class: 'num' }, 'MAPE'),
        h('th', { scope: 'col', class: 'num' }, 'Samples'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Error bar')))),
      h('tbody', null, rows.map((x) => h('tr', { 'data-horizon': x.horizon },
        h('th', { scope: 'row' }, `${x.horizon} ${x.horizon === 1 ? 'month' : 'months'}`),
        ratio(x.mape, 1), h('td', { class: 'num' }, fmt.int(x.samples)),
        h('td', { class: 'cell-bar' }, h('span', { class: 'inline-bar', 'aria-hidden': 'true' },
          h('span', { style: `width:${Math.min(100, (x.mape || 0) * 500)}%` })))))))),
    h('details', { class: 'backtest-points' }, h('summary', null, `The ${fmt.int(bt.points.length)} replayed months`),
      scroll('Backtest points', h('table', { class: 'table table-compact', 'data-testid': 'backtest-points' },
        h('thead', null, h('tr', null, ['From', 'Month', 'Forecast', 'Actual', 'Error'].map((t, i) => h('th', { scope: 'col', class: i > 1 ? 'num' : null }, t)))),
        h('tbody', null, bt.points.map((p) => h('tr', null,
          h('td', null, fmt.month(p.origin)), h('td', null, fmt.month(p.month)),
          num(p.forecast, fmt.money(p.forecast, cur)), num(p.actual, fmt.money(p.actual, cur)),
          ratio(p.ape, 1))))))));
}

/** Open deals the pipeline layer did not count, each with its reason (nothing is dropped silently). */
export function skippedList(deals) {
  if (!deals.length) return null;
  return h('div', { class: 'skipped', 'data-testid': 'skipped-deals' },
    h('h3', { class: 'sub-title' }, `${fmt.int(deals.length)} open ${deals.length === 1 ? 'deal' : 'deals'} left out of the pipeline layer`),
    h('ul', { class: 'plain-list' }, deals.map((x) => h('li', null, h('span', { class: 'mono' }, x.deal), ` — ${x.reason}`))));
}
