// Unit economics (/api/economics): gross margin, CAC overall and by channel, LTV, LTV:CAC and CAC
// payback, each pooled over a trailing window. A figure that needs costs the ledger has not got
// says why ("needs costs.csv …") instead of showing 0.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { upsert } from '../charts.js';
import { economicsConfig, marginConfig } from '../fin-charts.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, chartBox, pageHead } from './common.js';

const WINDOWS = [3, 6, 12, 24];
const money = (cur) => (v) => fmt.money(v, cur);
const ratio = (v) => `${fmt.dec2(v)}×`;
const months1 = (v) => `${(Math.round(v * 10) / 10).toFixed(1)} mo`;

/** A figure of the report: its value, or null and why (the `<name>_missing` sibling). */
const fig = (o, key) => ({ value: o[key] ?? null, missing: o[`${key}_missing`] || null });

/** The figure's text, or a dash whose tooltip gives the reason. */
function show(f, format, testid = null) {
  if (f.value != null) return h('span', { 'data-value': f.value, 'data-testid': testid }, format(f.value));
  const why = f.missing || 'This figure does not exist for this month.';
  return h('span', { class: 'na', tabindex: '0', 'data-tip': why, 'aria-label': `Not available. ${why}`, 'data-missing': why, 'data-testid': testid }, '—');
}

const TILES = [
  ['gross_margin', 'Gross margin', (c) => (v) => fmt.pct(v, 1), '(revenue − COGS) ÷ revenue over the window.'],
  ['cac', 'CAC', money, '(sales + marketing spend) ÷ new customers over the window.'],
  ['ltv', 'LTV', money, 'ARPA × gross margin ÷ customer churn rate over the window.'],
  ['ltv_to_cac', 'LTV:CAC', () => ratio, 'Lifetime value per customer ÷ what it cost to acquire one. Above 3 is healthy.'],
  ['payback_months', 'CAC payback', () => months1, '(sales + marketing) ÷ (new MRR × gross margin): months of margin to earn back acquisition spend.'],
  ['customer_churn_rate', 'Customer churn', () => (v) => fmt.pct(v, 2), 'Customers churned from those active at the openings of the window ÷ those openings.'],
  ['arpa', 'ARPA', money, 'Closing MRR ÷ customers at the close of the month.'],
];

function tile([key, label, format, info], m, cur) {
  const f = fig(m, key);
  return h('article', { class: 'kpi', 'data-kpi-tile': key },
    h('header', { class: 'kpi-head' }, h('h3', { class: 'kpi-label' }, label),
      h('span', { class: 'info', tabindex: '0', role: 'note', 'data-tip': info, 'aria-label': info }, 'i')),
    h('p', { class: 'kpi-figure' }, h('span', { class: 'kpi-value', 'data-kpi': key, 'data-value': f.value ?? '', 'data-missing': f.missing || null }, show(f, format(cur)))),
    h('div', { class: 'kpi-sub' }, f.value == null && f.missing ? h('span', { class: 'warn-text' }, f.missing) : `In ${fmt.month(m.month)}`));
}

function monthsTable(d, cur) {
  const cols = [['revenue', 'Revenue', money(cur)], ['gross_margin', 'Gross margin', (v) => fmt.pct(v, 1)], ['new_customers', 'New customers', fmt.int],
    ['cac', 'CAC', money(cur)], ['customer_churn_rate', 'Churn', (v) => fmt.pct(v, 2)], ['arpa', 'ARPA', money(cur)], ['ltv', 'LTV', money(cur)],
    ['ltv_to_cac', 'LTV:CAC', ratio], ['payback_months', 'Payback', months1]];
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Unit economics by month, scrollable' },
    h('table', { class: 'table table-compact', 'data-testid': 'economics-table' },
      h('caption', { class: 'sr-only' }, 'Unit economics by month'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Month'), cols.map(([, t]) => h('th', { scope: 'col', class: 'num' }, t)))),
      h('tbody', null, [...d.months].reverse().map((m) => h('tr', { 'data-month': m.month }, h('th', { scope: 'row' }, fmt.month(m.month)),
        cols.map(([k, , format]) => h('td', { class: 'num', 'data-field': k }, show(fig(m, k), format))))))));
}

function channelsTable(d, cur) {
  if (!d.channels.length) return emptyState('No channel spend', 'Tag sales and marketing costs with a channel in costs.csv to see CAC per channel.');
  const top = Math.max(...d.channels.map((c) => c.cac ?? 0), 0) || 1;
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'CAC by channel, scrollable' },
    h('table', { class: 'table table-compact', 'data-testid': 'channels-table' },
      h('caption', { class: 'sr-only' }, 'CAC by channel'),
      h('thead', null, h('tr', null, ['Channel', 'Spend', 'New customers', 'CAC'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : null }, t)))),
      h('tbody', null, d.channels.map((c) => h('tr', { 'data-channel': c.channel },
        h('th', { scope: 'row' }, h('span', { class: 'bar-label' }, c.channel),
          h('span', { class: 'inline-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${((c.cac ?? 0) / top) * 100}%` }))),
        h('td', { class: 'num', 'data-value': fmt.moneyValue(c.spend) }, fmt.money(c.spend, cur)),
        h('td', { class: 'num' }, fmt.int(c.new_customers)),
        h('td', { class: 'num' }, show(fig(c, 'cac'), money(cur))))))));
}

export default {
  title: 'Unit economics',
  filterMode: 'range',
  filterScopes: false,
  create(root, app) {
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'economics-period' }, '\u00a0');
    const windowSel = h('select', { id: 'economics-window', class: 'input', 'data-testid': 'economics-window',
      onchange: () => url.update({ window: windowSel.value === '12' ? null : windowSel.value }) },
    WINDOWS.map((n) => h('option', { value: n }, `${n} months`)));
    const toolbar = h('div', { class: 'toolbar fin-toolbar' }, h('div', { class: 'field field-inline' },
      h('label', { for: 'economics-window', class: 'field-label' }, 'Each figure pools'), windowSel));
    const banner = h('div', { class: 'notice', role: 'note', 'data-testid': 'needs-costs', hidden: true });
    const tiles = h('section', { class: 'kpi-grid', 'aria-label': 'Unit economics of the last month', 'data-testid': 'economics-kpis' });
    const ltvChart = chartBox('chart-ltv-cac', 'LTV, CAC and LTV:CAC by month');
    const marginChart = chartBox('chart-margin', 'Gross margin by month');
    const ltv = card({ title: 'LTV and CAC', subtitle: 'Bars in money, LTV:CAC on the right axis', testid: 'economics-ltv' });
    const margin = card({ title: 'Gross margin', subtitle: '(revenue − COGS) ÷ revenue', testid: 'economics-margin' });
    const byChannel = card({ title: 'CAC by channel', subtitle: 'Tagged sales and marketing spend ÷ new customers of the channel; untagged spend counts only in the total', testid: 'economics-channels', className: 'card-span' });
    const monthly = card({ title: 'By month', subtitle: 'Each figure pooled over the window ending at its month', testid: 'economics-months', className: 'card-span' });
    root.append(pageHead('Unit economics', subtitle), toolbar, banner, tiles, h('div', { class: 'grid-2' }, ltv.el, margin.el, byChannel.el, monthly.el));
    const loader = createLoader(app, root);

    const load = (ctx, opts) => {
      const p = ctx.params;
      windowSel.value = p.get('window') || '12';
      const q = url.pick(p, ['from', 'to', 'currency', 'window']);
      return loader.run((signal) => settle({ res: api.get('/api/economics', q, { signal }) }), ({ res }) => {
        const retry = () => load({ params: url.current() }, { background: false });
        if (res.status !== 'fulfilled') {
          for (const c of [ltv, margin, byChannel, monthly]) c.error(res.reason, retry);
          replace(tiles);
          return;
        }
        const d = res.value;
        const cur = d.currency;
        const ms = d.months;
        if (ms.length) {
          app.filters.setEffective({ from: ms[0].month, to: ms[ms.length - 1].month });
          replace(subtitle, h('strong', null, `${fmt.month(ms[0].month)} – ${fmt.month(ms[ms.length - 1].month)}`), ` · ${cur} · figures pooled over ${d.window_months} months`);
        }
        banner.hidden = d.has_costs;
        replace(banner, h('strong', null, 'Needs costs.csv. '),
          'Gross margin, CAC, LTV, LTV:CAC and payback need the costs of the ledger: add a costs.csv (month, category cogs|sales|marketing|other, amount, currency, channel) to the ledger folder and import it.');
        const last = ms[ms.length - 1];
        replace(tiles, last ? TILES.map((t) => tile(t, last, cur)) : null);
        const charts = [[ltv, ltvChart, () => economicsConfig(ms, cur), ['ltv', 'cac']], [margin, marginChart, () => marginConfig(ms), ['gross_margin']]];
        for (const [c, box, build, keys] of charts) {
          const why = ms.map((m) => keys.map((k) => m[`${k}_missing`]).find(Boolean)).find(Boolean);
          if (!ms.some((m) => keys.some((k) => m[k] != null))) { // nothing to draw: say why instead of empty axes
            c.show(emptyState('Nothing to draw', why ? `${why[0].toUpperCase()}${why.slice(1)}.` : 'No figure exists in these months.'));
            continue;
          }
          if (!c.body.contains(box.el)) c.show(box.el);
          upsert(box.canvas, build);
        }
        byChannel.show(channelsTable(d, cur));
        monthly.show(monthsTable(d, cur));
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
