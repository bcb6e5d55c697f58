// Renewals calendar (/api/renewals): a month grid of the ARR due for renewal, split into renewed,
// lost and still open, with each month's renewal rate; the selected month's items in a table.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, pageHead } from './common.js';
import { accountLink, sumMoney } from './crm-common.js';

const STATUS = { renewed: 'Renewed', lost: 'Lost', open: 'Open', ending: 'Ending' };
const STATUS_TIPS = {
  renewed: 'A successor line continues it.',
  lost: 'It ended and nothing replaced it.',
  open: 'Due and not decided yet.',
  ending: 'A cancellation is already booked: it will end on its due date.',
};
const statusBadge = (s) => h('span', { class: `badge renewal-${s}`, title: STATUS_TIPS[s] || null }, STATUS[s] || s);
const rateText = (r) => fmt.figure(r, (x) => fmt.pct(x, 1), 'renewal_rate');

function monthCell(m, cur, selected, onPick) {
  const due = m.due_arr || 0;
  const seg = (v) => (due > 0 ? `width:${(Math.max(0, v) / due) * 100}%` : 'width:0');
  const rest = Math.max(0, sumMoney([due, -m.renewed_arr, -m.lost_arr]));
  return h('li', null, h('button', { type: 'button', class: `month-cell${m.items.length ? '' : ' is-empty'}`, 'aria-pressed': String(selected),
    'data-testid': `renewal-month-${m.month}`, 'data-month': m.month, 'data-due': fmt.moneyValue(m.due_arr), onclick: () => onPick(m.month) },
  h('span', { class: 'month-name' }, fmt.month(m.month)),
  h('span', { class: 'month-due' }, fmt.moneyCompact(m.due_arr, cur), h('span', { class: 'sr-only' }, ` due (${fmt.money(m.due_arr, cur)})`)),
  h('span', { class: 'month-bar', role: 'img',
    'aria-label': `Renewed ${fmt.money(m.renewed_arr, cur)}, lost ${fmt.money(m.lost_arr, cur)}, open ${fmt.money(rest, cur)}` },
  h('span', { class: 'seg-renewed', style: seg(m.renewed_arr) }), h('span', { class: 'seg-lost', style: seg(m.lost_arr) }),
  h('span', { class: 'seg-open', style: seg(rest) })),
  h('span', { class: 'month-rate' }, h('span', { class: 'muted' }, 'Renewal rate '),
    h('strong', { 'data-testid': `renewal-rate-${m.month}`, 'data-value': m.renewal_rate ?? '' }, rateText(m.renewal_rate))),
  h('span', { class: 'month-count muted small' }, `${fmt.int(m.items.length)} ${m.items.length === 1 ? 'item' : 'items'}`)));
}

function itemsTable(m, cur) {
  if (!m.items.length) return emptyState('Nothing due', `No recurring line comes up for renewal in ${fmt.month(m.month, { long: true })}.`);
  const items = [...m.items].sort((a, b) => a.due_date.localeCompare(b.due_date) || b.arr - a.arr);
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Renewals of the month, scrollable' },
    h('table', { class: 'table renewals-table', 'data-testid': 'renewal-items' },
      h('caption', { class: 'sr-only' }, `Renewals due in ${fmt.month(m.month, { long: true })}`),
      h('thead', null, h('tr', null, ['Customer', 'Product', 'Due', 'ARR', 'Status', 'Successor line']
        .map((t) => h('th', { scope: 'col', class: t === 'ARR' ? 'num' : null }, t)))),
      h('tbody', null, items.map((i) => h('tr', { 'data-line-id': i.line_id, 'data-status': i.status },
        h('th', { scope: 'row', class: 'cell-name' }, accountLink(i.customer_id, i.name), h('span', { class: 'cell-id' }, i.line_id)),
        h('td', null, i.product || '—'),
        h('td', { class: 'nowrap' }, h('time', { datetime: i.due_date }, fmt.date(i.due_date))),
        h('td', { class: 'num', 'data-value': fmt.moneyValue(i.arr) }, fmt.money(i.arr, cur)),
        h('td', null, statusBadge(i.status)),
        h('td', null, i.successor_line_id
          ? [h('span', { class: 'mono' }, i.successor_line_id), i.successor_arr != null ? h('span', { class: 'muted small' }, ` ${fmt.money(i.successor_arr, cur)} ARR`) : null]
          : h('span', { class: 'muted' }, '—'))))),
      h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, 'Due'), h('td'), h('td'),
        h('td', { class: 'num' }, fmt.money(m.due_arr, cur)), h('td', { colspan: '2' }, `Renewal rate `, rateText(m.renewal_rate))))));
}

export default {
  title: 'Renewals',
  filterMode: 'range',
  filterScopes: false,
  create(root, app) {
    let data = null;
    let lastQuery = null;
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'renewals-period' }, '\u00a0');
    const tiles = h('section', { class: 'kpi-grid', 'aria-label': 'Renewal figures', 'data-testid': 'renewal-kpis' });
    const cal = card({ title: 'Renewal calendar', subtitle: 'ARR due for renewal by month: renewed, lost, still open', testid: 'renewal-calendar', className: 'card-span' });
    const items = card({ title: 'Due this month', testid: 'renewal-month', className: 'card-span' });
    const legend = h('p', { class: 'legend small' }, ['renewed', 'lost', 'open'].map((k) => h('span', null, h('i', { class: `dot seg-${k}` }), ` ${STATUS[k]} `)));
    root.append(pageHead('Renewals', subtitle), tiles, h('div', { class: 'stack' }, cal.el, items.el));
    const loader = createLoader(app, root);

    const selectedMonth = () => {
      const want = url.current().get('month');
      const months = data.months;
      if (want && months.some((m) => m.month === want)) return want;
      const now = fmt.todayIso().slice(0, 7);
      return (months.find((m) => m.month === now) || months.find((m) => m.items.length) || months[0])?.month;
    };

    const render = () => {
      const cur = data.currency;
      const ms = data.months;
      const sel = selectedMonth();
      const sum = (k) => sumMoney(ms.map((m) => m[k]));
      const decided = sumMoney([sum('renewed_arr'), sum('lost_arr')]);
      const kpi = (key, label, v, sub) => h('article', { class: 'kpi' }, h('h3', { class: 'kpi-label' }, label),
        h('p', { class: 'kpi-figure' }, h('span', { 'data-kpi': key, 'data-value': typeof v === 'number' ? fmt.moneyValue(v) : '' }, typeof v === 'number' ? fmt.money(v, cur) : v)),
        h('div', { class: 'kpi-sub' }, sub));
      replace(tiles,
        kpi('due_arr', 'Due', sum('due_arr'), `${fmt.int(ms.reduce((n, m) => n + m.items.length, 0))} lines up for renewal`),
        kpi('renewed_arr', 'Renewed', sum('renewed_arr'), h('span', { class: 'pos' }, 'continued by a successor line')),
        kpi('lost_arr', 'Lost', sum('lost_arr'), h('span', { class: 'neg' }, 'ended without a successor')),
        kpi('renewal_rate', 'Renewal rate', rateText(decided ? sum('renewed_arr') / decided : null), `Renewed ÷ (renewed + lost) ARR; ${fmt.money(sum('open_arr'), cur)} still open`));
      if (!ms.length) {
        cal.show(emptyState('No months', 'Pick a period with the filters.'));
        items.show(emptyState('Nothing due', ''));
        return;
      }
      const pick = (month) => url.update({ month }, { replace: true });
      cal.show(h('ol', { class: 'month-grid', 'aria-label': 'Months; pick one to list its renewals', 'data-testid': 'renewal-grid' },
        ms.map((m) => monthCell(m, cur, m.month === sel, pick))), legend);
      const m = ms.find((x) => x.month === sel);
      items.el.querySelector('.card-title').textContent = `Due in ${fmt.month(m.month, { long: true })}`;
      items.subtitle(`${fmt.money(m.due_arr, cur)} due · ${fmt.money(m.renewed_arr, cur)} renewed · ${fmt.money(m.lost_arr, cur)} lost · ${fmt.money(m.open_arr, cur)} open`);
      items.show(itemsTable(m, cur));
    };

    const load = (ctx, opts) => {
      const q = url.pick(ctx.params, ['from', 'to', 'currency']);
      if (data && !opts.background && q.toString() === lastQuery) { // only the selected month changed
        render();
        return undefined;
      }
      return loader.run((signal) => settle({ res: api.get('/api/renewals', q, { signal }) }), ({ res }) => {
        const retry = () => load({ params: url.current() }, { background: false });
        if (res.status !== 'fulfilled') {
          cal.error(res.reason, retry);
          items.error(res.reason, retry);
          replace(tiles);
          lastQuery = null;
          return;
        }
        data = res.value;
        lastQuery = q.toString();
        const ms = data.months;
        if (ms.length) {
          app.filters.setEffective({ from: ms[0].month, to: ms[ms.length - 1].month });
          replace(subtitle, h('strong', null, `${fmt.month(ms[0].month)} – ${fmt.month(ms[ms.length - 1].month)}`), ` · ${data.currency}`);
        }
        render();
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
