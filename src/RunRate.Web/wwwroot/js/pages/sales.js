// Sales dashboard (/api/sales): pipeline by stage, stage-to-stage conversion, win rates, sales
// cycle, new ARR by channel and owner, and targets against attainment, for a period and currency.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { upsert } from '../charts.js';
import { pipelineConfig } from '../crm-charts.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, chartBox, pageHead } from './common.js';
import { progress, sumMoney } from './crm-common.js';

const rate = (r) => fmt.figure(r, (x) => fmt.pct(x, 1), 'win_rate');
const ym = (s) => (s ? String(s).slice(0, 7) : '');

function tile(key, label, value, sub, dataValue = '') {
  return h('article', { class: 'kpi', 'data-kpi-tile': key },
    h('header', { class: 'kpi-head' }, h('h3', { class: 'kpi-label' }, label)),
    h('p', { class: 'kpi-figure' }, h('span', { class: 'kpi-value', 'data-kpi': key, 'data-value': dataValue }, value)),
    h('div', { class: 'kpi-sub' }, sub));
}

function table(testid, caption, head, rows, foot = null) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${caption}, scrollable` },
    h('table', { class: 'table table-compact', 'data-testid': testid },
      h('caption', { class: 'sr-only' }, caption),
      h('thead', null, h('tr', null, head.map(([t, num]) => h('th', { scope: 'col', class: num ? 'num' : null }, t)))),
      h('tbody', null, rows), foot ? h('tfoot', null, foot) : null));
}

function winRow(name, g, cur, attrs = {}) {
  return h('tr', attrs,
    h('th', { scope: 'row' }, name),
    h('td', { class: 'num' }, fmt.int(g.won)), h('td', { class: 'num' }, fmt.int(g.lost)),
    h('td', { class: 'num', 'data-value': g.rate ?? '' }, rate(g.rate)),
    h('td', { class: 'num', 'data-value': fmt.moneyValue(g.won_arr) }, fmt.money(g.won_arr, cur)));
}

/** Win rate per channel or owner, best first, with every closed deal together in the footer. */
function winTable(testid, caption, key, label, groups, overall, cur) {
  if (!groups.length) return emptyState('No closed deals', 'Nothing was won or lost in this period.');
  const sorted = [...groups].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || (b.won_arr || 0) - (a.won_arr || 0));
  return table(testid, caption, [[label], ['Won', 1], ['Lost', 1], ['Win rate', 1], ['Won ARR', 1]],
    sorted.map((g) => winRow(g[key] || h('span', { class: 'muted' }, 'None'), g, cur, { 'data-key': g[key] ?? '' })),
    winRow('All', overall, cur, { 'data-key': 'all' }));
}

/** New ARR per channel or owner: what landed in the ledger (new customers' MRR × 12) and what won deals booked. */
function shareBars(testid, caption, key, label, groups, cur) {
  if (!groups.length) return emptyState('No new ARR', 'No new customer started paying in this period.');
  const sorted = [...groups].sort((a, b) => b.arr - a.arr); // most lucrative first
  const top = Math.max(...sorted.map((g) => g.arr), 0) || 1;
  const total = sumMoney(sorted.map((g) => g.arr));
  const n = (k) => sorted.reduce((x, g) => x + (g[k] || 0), 0);
  return table(testid, caption, [[label], ['Customers', 1], ['New ARR', 1], ['Share', 1], ['Won deals', 1], ['Booked ARR', 1]],
    sorted.map((g) => h('tr', { 'data-key': g[key] ?? '' },
      h('th', { scope: 'row' }, h('span', { class: 'bar-label' }, g[key] || h('span', { class: 'muted' }, 'None')),
        h('span', { class: 'inline-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${(Math.max(0, g.arr) / top) * 100}%` }))),
      h('td', { class: 'num' }, fmt.int(g.customers)),
      h('td', { class: 'num', 'data-value': fmt.moneyValue(g.arr) }, fmt.money(g.arr, cur)),
      h('td', { class: 'num muted' }, total ? fmt.pct(g.arr / total, 1) : '—'),
      h('td', { class: 'num' }, fmt.int(g.deals)),
      h('td', { class: 'num', 'data-value': fmt.moneyValue(g.booked_arr) }, fmt.money(g.booked_arr, cur)))),
    h('tr', null, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num' }, fmt.int(n('customers'))),
      h('td', { class: 'num' }, fmt.money(total, cur)), h('td'), h('td', { class: 'num' }, fmt.int(n('deals'))),
      h('td', { class: 'num' }, fmt.money(sumMoney(sorted.map((g) => g.booked_arr)), cur))));
}

function funnel(conv, names) {
  if (!conv.length) return emptyState('No stage changes', 'No deal entered a stage in this period.');
  const top = Math.max(...conv.map((c) => c.entered), 1);
  return h('ol', { class: 'funnel', 'data-testid': 'funnel' }, conv.map((c) => h('li', { class: 'funnel-step', 'data-from': c.from_stage, 'data-to': c.to_stage },
    h('div', { class: 'funnel-label' }, h('strong', null, names[c.from_stage] || c.from_stage), ' → ', names[c.to_stage] || c.to_stage),
    h('div', { class: 'funnel-bar', role: 'img', 'aria-label': `${c.entered} entered, ${c.advanced} advanced` },
      h('span', { class: 'funnel-entered', style: `width:${(c.entered / top) * 100}%` }),
      h('span', { class: 'funnel-advanced', style: `width:${(c.advanced / top) * 100}%` })),
    h('div', { class: 'funnel-figures' }, h('span', { class: 'funnel-rate', 'data-value': c.rate ?? '' }, rate(c.rate)),
      h('span', { class: 'muted small' }, ` ${fmt.int(c.advanced)} of ${fmt.int(c.entered)}`)))));
}

function targets(ts, cur) {
  if (!ts.length) return emptyState('No targets', 'Set targets with PUT /api/targets or `runrate targets set`.');
  return table('targets-table', 'Targets against won ARR', [['Owner'], ['Period'], ['Target', 1], ['Won ARR', 1], ['Attainment']],
    ts.map((t) => h('tr', { 'data-owner': t.owner, 'data-period': t.period },
      h('th', { scope: 'row' }, t.owner), h('td', null, t.period),
      h('td', { class: 'num' }, fmt.money(t.target, cur)),
      h('td', { class: 'num', 'data-value': fmt.moneyValue(t.won_arr) }, fmt.money(t.won_arr, cur)),
      h('td', { class: 'cell-progress' }, progress(t.attainment, `${t.owner} ${t.period}: ${fmt.pct(t.attainment ?? 0, 0)} of target`),
        h('span', { class: 'progress-figure', 'data-value': t.attainment ?? '' }, fmt.figure(t.attainment, (x) => fmt.pct(x, 1)))))));
}

export default {
  title: 'Sales',
  filterMode: 'range',
  filterScopes: false,
  create(root, app) {
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'sales-period' }, '\u00a0');
    const tiles = h('section', { class: 'kpi-grid', 'aria-label': 'Sales key figures', 'data-testid': 'sales-kpis' });
    const chart = chartBox('chart-pipeline', 'Pipeline ARR and weighted ARR by stage');
    const pipe = card({ title: 'Pipeline by stage', subtitle: 'Open and closed ARR by stage, and ARR weighted by each stage’s win probability', testid: 'sales-pipeline' });
    const conv = card({ title: 'Stage conversion', subtitle: 'Deals that entered a stage, and the share that reached the next', testid: 'sales-conversion' });
    const win = card({ title: 'Win rate', subtitle: 'Won ÷ (won + lost) among deals closed in the period', testid: 'sales-win-rate', className: 'card-span' });
    const newArrSub = 'New ARR: 12 × the MRR of new customers, by their {k}; booked: won new-business deals, by the deal’s {k}';
    const byChannel = card({ title: 'New ARR by channel', subtitle: `${newArrSub.replaceAll('{k}', 'channel')}. Most lucrative first.`, testid: 'sales-new-arr-channel', className: 'card-span' });
    const byOwner = card({ title: 'New ARR by owner', subtitle: newArrSub.replaceAll('{k}', 'owner'), testid: 'sales-new-arr-owner', className: 'card-span' });
    const tgt = card({ title: 'Targets', subtitle: 'Won ARR against each owner’s target', testid: 'sales-targets', className: 'card-span' });
    root.append(pageHead('Sales', subtitle), tiles, h('div', { class: 'grid-2' }, pipe.el, conv.el, win.el, byChannel.el, byOwner.el, tgt.el));
    const loader = createLoader(app, root);

    const load = (ctx, opts) => {
      const p = ctx.params;
      const q = url.pick(p, ['from', 'to', 'currency']);
      return loader.run((signal) => settle({ res: api.get('/api/sales', q, { signal }) }), ({ res }) => {
        const retry = () => load({ params: url.current() }, { background: false });
        if (res.status !== 'fulfilled') {
          for (const c of [pipe, conv, win, byChannel, byOwner, tgt]) c.error(res.reason, retry);
          replace(tiles);
          return;
        }
        const d = res.value;
        const cur = d.currency;
        if (d.from && d.to) {
          app.filters.setEffective({ from: ym(d.from), to: ym(d.to) });
          replace(subtitle, h('strong', null, `${fmt.month(ym(d.from))} – ${fmt.month(ym(d.to))}`), ` · ${cur}`);
        }
        const names = Object.fromEntries(d.pipeline.map((s) => [s.stage, s.name]));
        const o = d.win_rate.overall;
        const byCh = d.new_arr.by_channel;
        const newArr = sumMoney(byCh.map((g) => g.arr));
        replace(tiles,
          tile('open_arr', 'Open pipeline', fmt.money(d.open.arr, cur), `${fmt.int(d.open.deals)} open deals · ${fmt.money(d.open.weighted_arr, cur)} weighted`, fmt.moneyValue(d.open.arr)),
          tile('win_rate', 'Win rate', rate(o.rate), `${fmt.int(o.won)} won · ${fmt.int(o.lost)} lost`, o.rate ?? ''),
          tile('sales_cycle', 'Sales cycle', fmt.figure(d.sales_cycle.average_days, (x) => `${fmt.dec2(x).replace(/\.?0+$/, '')} days`, 'sales_cycle'),
            ['Average; median ', h('span', { 'data-kpi': 'median_days', 'data-value': d.sales_cycle.median_days ?? '' },
              fmt.figure(d.sales_cycle.median_days, (x) => `${fmt.num(x)} days`, 'sales_cycle')), ` over ${fmt.int(d.sales_cycle.deals)} won deals`],
            d.sales_cycle.average_days ?? ''),
          tile('new_arr', 'New ARR', fmt.money(newArr, cur),
            `${fmt.int(byCh.reduce((n, g) => n + (g.customers || 0), 0))} new customers · ${fmt.money(sumMoney(byCh.map((g) => g.booked_arr)), cur)} booked by ${fmt.int(byCh.reduce((n, g) => n + (g.deals || 0), 0))} won deals`,
            fmt.moneyValue(newArr)));
        if (!pipe.body.contains(chart.el)) pipe.show(chart.el, h('div', { class: 'pipe-table' }));
        upsert(chart.canvas, () => pipelineConfig(d.pipeline, cur));
        replace(pipe.body.querySelector('.pipe-table'), table('pipeline-table', 'Pipeline by stage', [['Stage'], ['Deals', 1], ['ARR', 1], ['Weighted', 1]],
          d.pipeline.map((s) => h('tr', { 'data-stage': s.stage },
            h('th', { scope: 'row' }, s.name, h('span', { class: 'muted small' }, ` ${fmt.pct(s.probability, 0)}`)),
            h('td', { class: 'num' }, fmt.int(s.deals)),
            h('td', { class: 'num', 'data-value': fmt.moneyValue(s.arr) }, fmt.money(s.arr, cur)),
            h('td', { class: 'num', 'data-value': fmt.moneyValue(s.weighted_arr) }, fmt.money(s.weighted_arr, cur)))),
          h('tr', null, h('th', { scope: 'row' }, 'Open'), h('td', { class: 'num' }, fmt.int(d.open.deals)),
            h('td', { class: 'num' }, fmt.money(d.open.arr, cur)), h('td', { class: 'num' }, fmt.money(d.open.weighted_arr, cur)))));
        conv.show(funnel(d.conversion, names));
        win.show(h('div', { class: 'grid-2 grid-tight' },
          h('div', null, h('h3', { class: 'sub-title' }, 'By channel'), winTable('win-by-channel', 'Win rate by channel', 'channel', 'Channel', d.win_rate.by_channel, o, cur)),
          h('div', null, h('h3', { class: 'sub-title' }, 'By owner'), winTable('win-by-owner', 'Win rate by owner', 'owner', 'Owner', d.win_rate.by_owner, o, cur))));
        byChannel.show(shareBars('new-arr-by-channel', 'New ARR by channel', 'channel', 'Channel', d.new_arr.by_channel, cur));
        byOwner.show(shareBars('new-arr-by-owner', 'New ARR by owner', 'owner', 'Owner', d.new_arr.by_owner, cur));
        tgt.show(targets(d.targets, cur));
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
