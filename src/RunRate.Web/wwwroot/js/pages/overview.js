// Overview: KPI tiles (/api/summary), ARR & MRR over time and monthly movements (/api/mrr),
// the ARR bridge as a waterfall (/api/arr-bridge), and the monthly bridge as exact figures.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { upsert, arrConfig, movementsConfig, bridgeConfig } from '../charts.js';
import { scopeSummary } from '../filters.js';
import { skeleton, errorPanel } from '../ui/states.js';
import { createLoader, settle, card, chartBox, pageHead } from './common.js';
import { boardReportButtons } from './board-report.js';

const money = (cur) => (v) => fmt.money(v, cur);

/** Tile definitions, in display order. `key` is the data-kpi hook and the summary field. */
const TILES = [
  { key: 'arr', label: 'ARR', field: 'arr', kind: 'money', wide: true, big: true,
    info: 'Annual recurring revenue: 12 × closing MRR of the month.' },
  { key: 'mrr', label: 'MRR', field: 'closing_mrr', kind: 'money', big: true,
    info: 'Monthly recurring revenue at the close of the month.' },
  { key: 'customers', label: 'Customers', field: 'customers', kind: 'int',
    info: 'Active customers (MRR above zero) at the close of the month.' },
  { key: 'growth_yoy', label: 'Growth YoY', field: 'growth_yoy', kind: 'pct', digits: 1, signed: true,
    info: 'Closing MRR against the closing MRR twelve months earlier, minus 1.' },
  { key: 'nrr', label: 'NRR', field: 'nrr', kind: 'pct', digits: 1,
    info: 'Net revenue retention: what the customers of twelve months ago pay now, against what they paid then.' },
  { key: 'grr', label: 'GRR', field: 'grr', kind: 'pct', digits: 1,
    info: 'Gross revenue retention: like NRR, but no customer counts for more than it paid twelve months ago.' },
  { key: 'valuation', label: 'Valuation', field: 'valuation', kind: 'money', big: true,
    info: 'Rule of thumb: 10 × ARR × growth YoY × NRR. Meaningless when growth is negative.' },
  { key: 'customer_churn_rate', label: 'Customer churn', field: 'customer_churn_rate', kind: 'pct', digits: 2,
    info: 'Share of the customers active at the opening of the month who churned during it.' },
  { key: 'net_mrr_churn_rate', label: 'Net MRR churn', field: 'net_mrr_churn_rate', kind: 'pct', digits: 2,
    info: '−(churn + contraction + expansion + reactivation) ÷ opening MRR. Negative when expansion outweighs losses.' },
  { key: 'arpa', label: 'ARPA', field: 'arpa', kind: 'money',
    info: 'Average revenue per account: closing MRR ÷ customers.' },
  { key: 'quick_ratio', label: 'Quick ratio', field: 'quick_ratio', kind: 'ratio',
    info: '(new + expansion + reactivation) ÷ −(churn + contraction). Above 4 is strong growth efficiency.' },
];

function formatTile(t, v, cur) {
  switch (t.kind) {
    case 'money': return fmt.money(v, cur);
    case 'int': return fmt.int(v);
    case 'pct': return fmt.pct(v, t.digits, { sign: !!t.signed });
    case 'ratio': return `${fmt.dec2(v)}×`;
    default: return String(v);
  }
}

function dataValue(t, v) {
  if (v == null) return '';
  return t.kind === 'money' ? fmt.moneyValue(v) : String(v);
}

function kpiValue(key, t, v, cur, nullKey) {
  return h('span', { class: 'kpi-value', 'data-kpi': key, 'data-value': dataValue(t, v) },
    fmt.figure(v, (x) => formatTile(t, x, cur), nullKey || key));
}

function subline(t, s, cur) {
  const m = (v, sign) => fmt.money(v, cur, { sign });
  switch (t.key) {
    case 'arr': {
      const total = (s.subscription_arr || 0) + (s.addon_arr || 0);
      const share = total > 0 ? (s.subscription_arr / total) * 100 : 0;
      const moneyT = { kind: 'money' };
      return [
        h('div', { class: 'split-bar', role: 'img', 'aria-label': `Subscriptions ${share.toFixed(1)}%, add-ons ${(100 - share).toFixed(1)}%` },
          h('span', { class: 'split-sub', style: `width:${share}%` }), h('span', { class: 'split-addon', style: `width:${100 - share}%` })),
        h('dl', { class: 'split-legend' },
          h('div', null, h('dt', null, h('i', { class: 'dot dot-sub' }), 'Subscriptions'), h('dd', null, kpiValue('subscription_arr', moneyT, s.subscription_arr, cur))),
          h('div', null, h('dt', null, h('i', { class: 'dot dot-addon' }), 'Add-ons'), h('dd', null, kpiValue('addon_arr', moneyT, s.addon_arr, cur)))),
      ];
    }
    case 'mrr': {
      const net = s.closing_mrr - s.opening_mrr;
      const rel = s.opening_mrr ? net / s.opening_mrr : null;
      return [h('span', { class: net >= 0 ? 'pos' : 'neg' }, m(net, true)), ' net new', rel != null ? ` (${fmt.pct(rel, 1, { sign: true })})` : '', ' this month'];
    }
    case 'customers':
      return [h('span', { class: 'pos' }, `+${fmt.int(s.new_customers)}`), ' new · ',
        h('span', { class: 'pos' }, `+${fmt.int(s.reactivated_customers)}`), ' reactivated · ',
        h('span', { class: s.churned_customers ? 'neg' : '' }, `−${fmt.int(s.churned_customers)}`), ' churned'];
    case 'growth_yoy': return 'Closing MRR vs. 12 months earlier';
    case 'nrr': return 'Revenue kept from customers of 12 months ago';
    case 'grr': return 'Same, without expansion';
    case 'valuation': return '10 × ARR × growth × NRR';
    case 'customer_churn_rate':
      return s.opening_customers != null ? `${fmt.int(s.churned_customers)} of ${fmt.int(s.opening_customers)} customers at opening` : 'of customers at opening';
    case 'net_mrr_churn_rate':
      return ['Gross MRR churn ', h('span', { 'data-kpi': 'gross_mrr_churn_rate', 'data-value': s.gross_mrr_churn_rate ?? '' },
        fmt.figure(s.gross_mrr_churn_rate, (x) => fmt.pct(x, 2), 'gross_mrr_churn_rate'))];
    case 'arpa': return 'Closing MRR per customer';
    case 'quick_ratio': return 'Gains ÷ losses in MRR';
    default: return '';
  }
}

function tileEl(t, s, cur) {
  const v = s[t.field];
  return h('article', { class: `kpi${t.wide ? ' kpi-wide' : ''}${t.big ? ' kpi-big' : ''}`, 'data-kpi-tile': t.key },
    h('header', { class: 'kpi-head' },
      h('h3', { class: 'kpi-label' }, t.label),
      h('span', { class: 'info', tabindex: '0', role: 'note', 'data-tip': t.info, 'aria-label': t.info }, 'i')),
    h('p', { class: 'kpi-figure' }, kpiValue(t.key, t, v, cur)),
    h('div', { class: 'kpi-sub' }, subline(t, s, cur)));
}

function bridgeTable(b, cur) {
  const rows = [
    ['Opening ARR', b.opening_arr, fmt.int(b.opening_customers), 'total'],
    ['New', b.new, `+${fmt.int(b.new_customers)}`, 'new'],
    ['Expansion', b.expansion, '', 'expansion'],
    ['Contraction', b.contraction, '', 'contraction'],
    ['Churn', b.churn, `−${fmt.int(b.churned_customers)}`, 'churn'],
    ['Reactivation', b.reactivation, `+${fmt.int(b.reactivated_customers)}`, 'reactivation'],
    ['Closing ARR', b.closing_arr, fmt.int(b.closing_customers), 'total'],
  ];
  return h('div', { class: 'table-scroll' }, h('table', { class: 'table table-compact bridge-table', 'data-testid': 'bridge-table' },
    h('caption', { class: 'sr-only' }, 'ARR bridge figures'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Step'), h('th', { scope: 'col', class: 'num' }, 'ARR'), h('th', { scope: 'col', class: 'num' }, 'Customers'))),
    h('tbody', null, rows.map(([label, v, n, kind], i) => h('tr', { class: kind === 'total' ? 'row-total' : '', 'data-bridge': kind === 'total' ? (i ? 'closing' : 'opening') : kind },
      h('th', { scope: 'row' }, h('i', { class: `dot dot-${kind}` }), label),
      h('td', { class: 'num' }, fmt.money(v, cur, { sign: kind !== 'total' })),
      h('td', { class: 'num muted' }, n)))),
    h('tfoot', null, h('tr', null, h('td', { colspan: '3', class: 'muted small' },
      `Subscriptions ${fmt.money(b.closing_subscription_arr, cur)} · Add-ons ${fmt.money(b.closing_addon_arr, cur)} at closing`)))));
}

function monthlyTable(months, cur) {
  const cols = [
    ['Opening MRR', 'opening_mrr'], ['New', 'new', true], ['Expansion', 'expansion', true], ['Contraction', 'contraction', true],
    ['Churn', 'churn', true], ['Reactivation', 'reactivation', true], ['Closing MRR', 'closing_mrr'], ['ARR', 'arr'],
  ];
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Monthly MRR bridge, scrollable' },
    h('table', { class: 'table table-compact', 'data-testid': 'monthly-table' },
      h('caption', { class: 'sr-only' }, 'Monthly MRR bridge'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Month'), cols.map(([l]) => h('th', { scope: 'col', class: 'num' }, l)),
        h('th', { scope: 'col', class: 'num' }, 'Customers'), h('th', { scope: 'col', class: 'num' }, 'Customer churn'))),
      h('tbody', null, [...months].reverse().map((m) => h('tr', { 'data-month': m.month },
        h('th', { scope: 'row' }, fmt.month(m.month)),
        cols.map(([, k, signed]) => h('td', { class: `num${signed ? (m[k] > 0 ? ' pos' : m[k] < 0 ? ' neg' : ' muted') : ''}`, 'data-mv': k, 'data-value': fmt.moneyValue(m[k]) },
          fmt.money(m[k], cur, { sign: !!signed }))),
        h('td', { class: 'num' }, fmt.int(m.customers)),
        h('td', { class: 'num' }, fmt.figure(m.customer_churn_rate, (x) => fmt.pct(x, 2), 'customer_churn_rate')))))));
}

export default {
  title: 'Overview',
  filterMode: 'range',
  create(root, app) {
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'overview-period' }, '\u00a0');
    const kpis = h('section', { class: 'kpi-grid', 'aria-label': 'Key figures', 'data-testid': 'kpis' },
      TILES.map((t) => h('article', { class: `kpi${t.wide ? ' kpi-wide' : ''}${t.big ? ' kpi-big' : ''}` }, h('h3', { class: 'kpi-label' }, t.label), skeleton(2))));
    const arrChart = chartBox('chart-arr', 'ARR and MRR by month');
    const mvChart = chartBox('chart-movements', 'MRR movements by month');
    const brChart = chartBox('chart-bridge', 'ARR bridge waterfall', { height: 'lg' });
    const arrCard = card({ title: 'ARR & MRR', subtitle: 'Closing ARR by month, split by subscriptions and add-ons; MRR on the right axis', testid: 'card-arr' });
    const mvCard = card({ title: 'MRR movements', subtitle: 'Gains above zero, losses below, net new MRR as a line', testid: 'card-movements' });
    const brCard = card({ title: 'ARR bridge', testid: 'card-bridge', className: 'card-span' });
    const tblCard = card({ title: 'Monthly bridge', subtitle: 'Opening + movements = closing, every month, to the cent', testid: 'card-monthly', className: 'card-span' });
    const report = boardReportButtons();
    report.update(url.current().get('to'), url.current().get('currency'));
    root.append(pageHead('Overview', subtitle, report.el), kpis,
      h('div', { class: 'grid-2' }, arrCard.el, mvCard.el, brCard.el, tblCard.el));
    const loader = createLoader(app, root);

    const load = (ctx, opts) => {
      const p = ctx.params;
      const scope = url.pick(p, url.SCOPE_KEYS);
      const withP = (extra) => {
        const q = new URLSearchParams(scope);
        for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
        return q;
      };
      const from = p.get('from');
      const to = p.get('to');
      return loader.run((signal) => settle({
        summary: api.get('/api/summary', withP({ month: to }), { signal }),
        mrr: api.get('/api/mrr', withP({ from, to }), { signal }),
        bridge: api.get('/api/arr-bridge', withP({ from, to }), { signal }),
      }), ({ summary, mrr, bridge }) => {
        const retry = () => load({ ...ctx, params: url.current() }, { background: false });
        // KPI tiles
        if (summary.status === 'fulfilled') {
          const { currency: cur, summary: s } = summary.value;
          replace(kpis, TILES.map((t) => tileEl(t, s, cur)));
          kpis.dataset.month = s.month;
          replace(subtitle, h('strong', null, fmt.month(s.month, { long: true })), ` · ${cur} · ${scopeSummary(p)}`);
          app.filters.setEffective({ to: s.month });
          report.update(s.month, cur);
        } else {
          replace(kpis, h('div', { class: 'kpi-error' }, errorPanel(summary.reason, retry)));
          replace(subtitle, scopeSummary(p));
        }
        // Time series
        if (mrr.status === 'fulfilled') {
          const { currency: cur, months } = mrr.value;
          if (months.length) {
            app.filters.setEffective({ from: months[0].month, to: to || months[months.length - 1].month });
            arrCard.subtitle(`${fmt.month(months[0].month)} – ${fmt.month(months[months.length - 1].month)} · closing ARR split by subscriptions and add-ons; MRR on the right axis`);
          }
          if (!arrCard.body.contains(arrChart.el)) arrCard.show(arrChart.el);
          if (!mvCard.body.contains(mvChart.el)) mvCard.show(mvChart.el);
          upsert(arrChart.canvas, () => arrConfig(months, cur));
          upsert(mvChart.canvas, () => movementsConfig(months, cur));
          tblCard.show(monthlyTable(months, cur));
        } else {
          for (const c of [arrCard, mvCard, tblCard]) c.error(mrr.reason, retry);
        }
        // Bridge
        if (bridge.status === 'fulfilled') {
          const b = bridge.value;
          brCard.subtitle(`${fmt.month(b.from)} – ${fmt.month(b.to)} · ${b.currency}`);
          if (!brCard.body.contains(brChart.el)) {
            const table = h('div', { class: 'bridge-side' });
            brCard.show(h('div', { class: 'bridge-layout' }, brChart.el, table));
          }
          replace(brCard.body.querySelector('.bridge-side'), bridgeTable(b, b.currency));
          upsert(brChart.canvas, () => bridgeConfig(b, b.currency));
        } else {
          brCard.error(bridge.reason, retry);
        }
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
