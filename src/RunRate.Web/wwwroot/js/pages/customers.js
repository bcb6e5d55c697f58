// Customers: searchable, sortable, filterable list from /api/customers; rows open the customer.
import { h, replace, debounce } from '../dom.js';
import * as api from '../api.js';
import * as url from '../url.js';
import * as fmt from '../format.js';
import { scopeSummary, countryName } from '../filters.js';
import { emptyState } from '../ui/states.js';
import { createLoader, settle, card, pageHead } from './common.js';

const PAGE = 100;
const STATUSES = ['active', 'churned', 'future', 'never-active'];
/** Sort keys as the API names them, with the direction a click starts with. */
const SORTS = {
  name: { first: 'asc', get: (c) => (c.name || c.customer_id).toLocaleLowerCase() },
  mrr: { first: 'desc', get: (c) => c.mrr },
  arr: { first: 'desc', get: (c) => c.arr },
  since: { first: 'desc', get: (c) => c.since },
  'last-movement': { first: 'desc', get: (c) => c.last_movement_date },
};

function sortRows(rows, key, dir) {
  const s = SORTS[key] || SORTS.mrr;
  const mul = dir === 'asc' ? 1 : -1;
  return rows.map((r, i) => [r, i]).sort(([a, ia], [b, ib]) => {
    const x = s.get(a);
    const y = s.get(b);
    if (x == null && y == null) return ia - ib;
    if (x == null) return 1; // missing values last, whatever the direction
    if (y == null) return -1;
    if (x < y) return -mul;
    if (x > y) return mul;
    return ia - ib;
  }).map(([r]) => r);
}

export const statusBadge = (status) => h('span', { class: `badge status-${status}` }, fmt.STATUS_LABELS[status] || status);
export const movementBadge = (type) => (type ? h('span', { class: `mv mv-${type}` }, fmt.MOVEMENT_LABELS[type] || type) : null);

export default {
  title: 'Customers',
  filterMode: 'month',
  create(root, app) {
    let data = null;
    let shown = PAGE;
    const subtitle = h('p', { class: 'page-sub', 'data-testid': 'customers-period' }, '\u00a0');
    const search = h('input', { type: 'search', id: 'customers-q', class: 'input', placeholder: 'Search by name or ID', autocomplete: 'off', 'data-testid': 'customers-search' });
    const status = h('select', { id: 'customers-status', class: 'input', 'data-testid': 'customers-status' },
      h('option', { value: '' }, 'Any status'), STATUSES.map((s) => h('option', { value: s }, fmt.STATUS_LABELS[s])));
    const count = h('p', { class: 'toolbar-count', 'data-testid': 'customers-count', 'aria-live': 'polite' });
    const toolbar = h('div', { class: 'toolbar' },
      h('div', { class: 'field field-search' }, h('label', { for: 'customers-q', class: 'sr-only' }, 'Search customers'),
        h('svg:svg', { class: 'search-icon', viewBox: '0 0 20 20', 'aria-hidden': 'true' }, h('svg:circle', { cx: '8.5', cy: '8.5', r: '5.5', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.8' }), h('svg:path', { d: 'M13 13l4 4', stroke: 'currentColor', 'stroke-width': '1.8', 'stroke-linecap': 'round' })),
        search),
      h('div', { class: 'field' }, h('label', { for: 'customers-status', class: 'sr-only' }, 'Status'), status),
      count);
    const list = card({ title: 'All customers', testid: 'customers-card', tools: null });
    root.append(pageHead('Customers', subtitle), toolbar, list.el);
    const loader = createLoader(app, root);

    const setQ = debounce((v) => url.update({ q: v.trim() || null }, { replace: true }), 300);
    search.addEventListener('input', () => setQ(search.value));
    search.addEventListener('keydown', (e) => { if (e.key === 'Enter') url.update({ q: search.value.trim() || null }, { replace: true }); });
    status.addEventListener('change', () => url.update({ status: status.value || null }));

    const header = (label, key, cls = '') => {
      const p = url.current();
      const sort = p.get('sort') || 'mrr';
      const dir = p.get('dir') || SORTS[sort]?.first || 'desc';
      if (!key) return h('th', { scope: 'col', class: cls }, label);
      const on = sort === key;
      const next = on ? (dir === 'asc' ? 'desc' : 'asc') : SORTS[key].first;
      return h('th', { scope: 'col', class: `${cls} sortable${on ? ' is-sorted' : ''}`, 'aria-sort': on ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
        h('button', { type: 'button', class: 'sort-btn', 'data-testid': `sort-${key}`,
          onclick: () => url.update({ sort: key === 'mrr' && next === 'desc' ? null : key, dir: next === SORTS[key].first ? null : next }) },
        label, h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, on ? (dir === 'asc' ? '▲' : '▼') : '↕')));
    };

    const row = (c, cur) => {
      const href = url.withGlobals(`/customers/${encodeURIComponent(c.customer_id)}`);
      return h('tr', { class: 'row-link', 'data-testid': `customer-row-${c.customer_id}`, 'data-customer-id': c.customer_id,
        onclick: (e) => { if (!e.target.closest('a') && !window.getSelection()?.toString()) url.go(href); } },
      h('th', { scope: 'row', class: 'cell-name' },
        h('a', { href, 'data-link': true }, c.name || c.customer_id), h('span', { class: 'cell-id' }, c.customer_id)),
      h('td', null, statusBadge(c.status)),
      h('td', { class: 'num', 'data-value': fmt.moneyValue(c.mrr) }, fmt.money(c.mrr, cur)),
      h('td', { class: 'num', 'data-value': fmt.moneyValue(c.arr) }, fmt.money(c.arr, cur)),
      h('td', null, c.segment || h('span', { class: 'muted' }, '—')),
      h('td', null, c.channel || h('span', { class: 'muted' }, '—')),
      h('td', { title: countryName(c.country) }, c.country || h('span', { class: 'muted' }, '—')),
      h('td', null, c.owner || h('span', { class: 'muted' }, 'Unassigned')),
      h('td', { class: 'nowrap' }, c.since ? fmt.date(c.since) : h('span', { class: 'muted', title: 'Never had recurring revenue' }, '—')),
      h('td', { class: 'nowrap' }, c.last_movement ? [movementBadge(c.last_movement), ' ', h('span', { class: 'muted' }, fmt.date(c.last_movement_date))] : h('span', { class: 'muted' }, '—')));
    };

    const renderTable = () => {
      const p = url.current();
      const cur = data.currency;
      const sort = p.get('sort') || 'mrr';
      const dir = p.get('dir') || SORTS[sort]?.first || 'desc';
      const rows = sortRows(data.customers, sort, dir);
      const total = data.total ?? rows.length;
      replace(count, `${fmt.int(rows.length)} ${rows.length === 1 ? 'customer' : 'customers'}${total > rows.length ? ` of ${fmt.int(total)}` : ''}`);
      if (!rows.length) {
        list.show(emptyState('No customers match', p.get('q') ? `Nothing matches “${p.get('q')}” with these filters.` : 'Try widening the filters.'));
        return;
      }
      const visible = rows.slice(0, shown);
      const mrrSum = rows.reduce((n, c) => n + (c.mrr || 0), 0);
      list.show(
        h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Customers, scrollable' },
          h('table', { class: 'table customers-table', 'data-testid': 'customers-table' },
            h('caption', { class: 'sr-only' }, 'Customers; column headers with buttons sort the table.'),
            h('thead', null, h('tr', null,
              header('Customer', 'name'), header('Status'), header('MRR', 'mrr', 'num'), header('ARR', 'arr', 'num'),
              header('Segment'), header('Channel'), header('Country'), header('Owner'), header('Since', 'since'),
              header('Last movement', 'last-movement'))),
            h('tbody', null, visible.map((c) => row(c, cur))),
            h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, 'Total'), h('td'),
              h('td', { class: 'num' }, fmt.money(mrrSum, cur)), h('td', { class: 'num' }, fmt.money(mrrSum * 12, cur)), h('td', { colspan: '6' }))))),
        rows.length > shown
          ? h('div', { class: 'table-more' }, h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'customers-more',
            onclick: () => { shown += PAGE; renderTable(); } }, `Show ${fmt.int(Math.min(PAGE, rows.length - shown))} more`),
          h('span', { class: 'muted small' }, `Showing ${fmt.int(shown)} of ${fmt.int(rows.length)}`))
          : null);
    };

    const load = (ctx, opts) => {
      const p = ctx.params;
      if (document.activeElement !== search) search.value = p.get('q') || '';
      status.value = p.get('status') || '';
      if (!opts.background) shown = PAGE;
      const q = url.pick(p, url.SCOPE_KEYS);
      if (p.get('to')) q.set('month', p.get('to'));
      for (const k of ['status', 'q']) if (p.get(k)) q.set(k, p.get(k));
      q.set('sort', p.get('sort') || 'mrr');
      return loader.run((signal) => settle({ res: api.get('/api/customers', q, { signal }) }), ({ res }) => {
        const retry = () => load({ ...ctx, params: url.current() }, { background: false });
        if (res.status !== 'fulfilled') {
          replace(count, '');
          list.error(res.reason, retry);
          return;
        }
        data = res.value;
        app.filters.setEffective({ to: data.month });
        list.subtitle(`Status, MRR and ARR at the close of ${fmt.month(data.month, { long: true })}`);
        replace(subtitle, h('strong', null, fmt.month(data.month, { long: true })), ` · ${data.currency} · ${scopeSummary(p)}`);
        renderTable();
      }, opts);
    };
    return { load, destroy: () => loader.abort() };
  },
};
